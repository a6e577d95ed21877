package dev.cairn.execute;

import java.util.Locale;
import java.util.Set;

/**
 * Tells a statement that only reads or changes rows ({@code INSERT}, {@code UPDATE}, ...) from DDL,
 * by its first word: on a database without transactional DDL the former still runs in a
 * transaction with its progress, so a crash never leaves it in doubt. Errs towards DDL: a
 * statement it does not know is treated as one that commits on its own.
 */
final class DataStatement {
  private static final Set<String> DATA = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE",
      "SELECT", "WITH");

  private DataStatement() {}

  static boolean is(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) { // leading blanks and comments
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        break;
      }
    }
    int start = i;
    while (i < n && Character.isLetter(sql.charAt(i))) i++;
    return DATA.contains(sql.substring(start, i).toUpperCase(Locale.ROOT));
  }
}
