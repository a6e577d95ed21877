package dev.cairn.migration;

import static java.util.Objects.requireNonNull;

/** A migration's identity: its app label and its name ({@code shop.0001_initial}). Immutable. */
public record MigrationKey(String app, String name) implements Comparable<MigrationKey> {
  public MigrationKey {
    requireNonNull(app, "app == null");
    requireNonNull(name, "name == null");
  }

  /** Parses {@code app.name}, as dependencies are written in files. */
  public static MigrationKey parse(String dotted) {
    int dot = dotted.indexOf('.');
    if (dot <= 0 || dot == dotted.length() - 1) {
      throw new IllegalArgumentException("'" + dotted + "' is not of the form app.migration_name");
    }
    return new MigrationKey(dotted.substring(0, dot), dotted.substring(dot + 1));
  }

  @Override public int compareTo(MigrationKey o) {
    int c = app.compareTo(o.app);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override public String toString() {
    return app + "." + name;
  }
}
