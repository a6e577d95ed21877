package dev.cairn.schema;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The product and version of a database server, as a dialect reads it on connect, or the default
 * it assumes offline ({@code sqlmigrate} without a database). Features and safe SQL depend on it:
 * what is instant on MySQL 8.0.29 copies the table on 8.0.11.
 *
 * @param product the server's product as its dialect names it ({@code postgresql}, {@code
 *     mariadb}, {@code mysql}, {@code sqlite}, {@code h2})
 */
public record ServerVersion(String product, int major, int minor, int patch)
    implements Comparable<ServerVersion> {
  private static final Pattern NUMBERS = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

  public ServerVersion {
    requireNonNull(product, "product == null");
  }

  /**
   * Reads the first {@code major[.minor[.patch]]} in {@code text}, such as a driver's {@code
   * getDatabaseProductVersion()}: {@code "16.4 (Debian 16.4-1)"}, {@code
   * "10.11.6-MariaDB-0+deb12u1"}, {@code "3.46.1"}, {@code "2.3.232 (2024-08-11)"}.
   *
   * @throws IllegalArgumentException when {@code text} holds no version number
   */
  public static ServerVersion parse(String product, String text) {
    Matcher m = NUMBERS.matcher(text == null ? "" : text);
    if (!m.find()) {
      throw new IllegalArgumentException("no version number in '" + text + "' for " + product);
    }
    return new ServerVersion(product, Integer.parseInt(m.group(1)), number(m.group(2)),
        number(m.group(3)));
  }

  private static int number(String group) {
    return group == null ? 0 : Integer.parseInt(group);
  }

  /** Whether this is {@code major.minor.patch} or later, of any product. */
  public boolean atLeast(int major, int minor, int patch) {
    return compareTo(new ServerVersion(product, major, minor, patch)) >= 0;
  }

  public boolean atLeast(int major, int minor) {
    return atLeast(major, minor, 0);
  }

  public boolean is(String product) {
    return this.product.equals(product);
  }

  @Override public int compareTo(ServerVersion other) {
    int c = Integer.compare(major, other.major);
    if (c == 0) c = Integer.compare(minor, other.minor);
    return c != 0 ? c : Integer.compare(patch, other.patch);
  }

  @Override public String toString() {
    return product + " " + major + "." + minor + "." + patch;
  }
}
