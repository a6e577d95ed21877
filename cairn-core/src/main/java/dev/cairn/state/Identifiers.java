package dev.cairn.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The length names may have in the database, and Django's way of shortening the names it makes up
 * ({@code django.db.backends.utils.truncate_name}). The limit is PostgreSQL's 63 bytes on every
 * dialect, so that one project makes the same names on SQLite and PostgreSQL; PostgreSQL would
 * silently cut a longer name, and two names alike in their first 63 bytes would then collide.
 * Lengths are UTF-8 bytes, as PostgreSQL counts them, where Django counts characters: the same for
 * ASCII names.
 */
public final class Identifiers {
  /** PostgreSQL's NAMEDATALEN - 1. */
  public static final int MAX_BYTES = 63;

  private static final int HASH_LENGTH = 4;

  private Identifiers() {}

  public static int byteLength(String name) {
    return name.getBytes(StandardCharsets.UTF_8).length;
  }

  public static boolean fits(String name) {
    return byteLength(name) <= MAX_BYTES;
  }

  /**
   * {@code name} when it fits, else its first bytes and four hex digits of its MD5, 63 bytes in
   * all: Django's {@code truncate_name(name, 63)}.
   */
  public static String truncate(String name) {
    if (fits(name)) return name;
    return prefix(name, MAX_BYTES - HASH_LENGTH) + md5Hex(name).substring(0, HASH_LENGTH);
  }

  /** The longest start of {@code s} of at most {@code maxBytes} UTF-8 bytes, whole characters only. */
  public static String prefix(String s, int maxBytes) {
    int bytes = 0;
    int end = 0;
    while (end < s.length()) {
      int cp = s.codePointAt(end);
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + size > maxBytes) break;
      bytes += size;
      end += Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  /** The MD5 of the UTF-8 bytes of {@code parts} joined with nothing between, in hex. */
  public static String md5Hex(String... parts) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      for (String p : parts) md5.update(p.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md5.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JVM has MD5", e);
    }
  }
}
