package dev.cairn.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Names for the indexes and constraints Cairn creates for fields ({@code unique}, {@code db_index},
 * foreign keys, Positive* checks): {@code <table>_<columns>_<hash>_<suffix>}, cut to the database's
 * identifier length. They depend only on the table and columns, so {@code sqlmigrate} knows them
 * without asking the database; renames rename them too.
 */
public final class GeneratedNames {
  private GeneratedNames() {}

  public static String of(String table, List<String> columns, String suffix, int maxLength) {
    String hash = digest(table, columns, suffix);
    String tail = "_" + hash + (suffix.isEmpty() ? "" : "_" + suffix);
    String head = table + "_" + String.join("_", columns);
    int room = maxLength - tail.length();
    if (head.length() > room) head = head.substring(0, Math.max(1, room));
    return head + tail;
  }

  private static String digest(String table, List<String> columns, String suffix) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(table.getBytes(StandardCharsets.UTF_8));
      for (String c : columns) {
        md5.update((byte) 0);
        md5.update(c.getBytes(StandardCharsets.UTF_8));
      }
      md5.update((byte) 0);
      md5.update(suffix.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md5.digest()).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JVM has MD5", e);
    }
  }
}
