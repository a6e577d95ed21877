package dev.cairn.execute;

import static java.util.Objects.requireNonNull;

/**
 * Where {@code migrate} should take one app: to its latest migration ({@code name == null}), to
 * a named migration or unique prefix of one ({@code 0002}), or to {@code zero}. Immutable.
 */
public record Target(String app, String name) {
  public static final String ZERO = "zero";

  public Target {
    requireNonNull(app, "app == null");
  }

  public static Target latest(String app) {
    return new Target(app, null);
  }

  public boolean isZero() {
    return ZERO.equals(name);
  }

  public boolean isLatest() {
    return name == null;
  }
}
