package dev.cairn.schema;

import java.math.BigDecimal;

/**
 * Renders constants for DDL such as {@code ADD COLUMN ... DEFAULT 0}, where no database accepts
 * bind parameters. Only strings, numbers and booleans are accepted, so a value can never carry
 * SQL of its own; everywhere else Cairn binds values as parameters.
 */
public final class SqlLiterals {
  private SqlLiterals() {}

  public static String render(Object value) {
    if (value instanceof Boolean b) return b ? "TRUE" : "FALSE";
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return value.toString();
    }
    if (value instanceof Number n) return new BigDecimal(n.toString()).toPlainString();
    if (value instanceof String s) {
      if (s.indexOf('\0') >= 0) throw new IllegalArgumentException("a default may not contain NUL");
      return "'" + s.replace("'", "''") + "'";
    }
    throw new IllegalArgumentException("cannot render " + value + " as an SQL constant");
  }
}
