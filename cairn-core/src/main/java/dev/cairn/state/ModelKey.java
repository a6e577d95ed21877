package dev.cairn.state;

import static java.util.Objects.requireNonNull;

/** The key of a model in a {@link ProjectState}: its app label and its name. Immutable. */
public record ModelKey(String app, Name name) {
  public ModelKey {
    requireNonNull(app, "app == null");
    requireNonNull(name, "name == null");
  }

  public static ModelKey of(String app, String name) {
    return new ModelKey(app, Name.of(name));
  }

  /**
   * Resolves a reference such as {@code shop.Category} or, inside the app {@code shop}, just
   * {@code Category}.
   */
  public static ModelKey resolve(String currentApp, String reference) {
    int dot = reference.indexOf('.');
    if (dot < 0) return of(currentApp, reference);
    return of(reference.substring(0, dot), reference.substring(dot + 1));
  }

  /** The reference as written in files: {@code app.Model}. */
  public String reference() {
    return app + "." + name.value();
  }

  @Override public String toString() {
    return reference();
  }
}
