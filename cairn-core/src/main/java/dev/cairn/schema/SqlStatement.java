package dev.cairn.schema;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.List;

/**
 * One statement a schema change runs: its SQL with {@code ?} placeholders, the values bound to
 * them, and a short comment for humans that {@code sqlmigrate} prints above it. Immutable.
 */
public record SqlStatement(String sql, List<Object> params, String comment) {
  public SqlStatement {
    requireNonNull(sql, "sql == null");
    params = params == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params));
  }

  public static SqlStatement of(String sql) {
    return new SqlStatement(sql, List.of(), null);
  }

  /**
   * {@code failure} of this statement, the {@code index}th (from 0) of {@code count} one operation
   * ran, with the statement named: a database's message rarely says which statement failed. Its
   * SQL state and cause are kept, so that it is still a database error.
   */
  public SQLException failed(SQLException failure, int index, int count) {
    String text = sql.length() > 200 ? sql.substring(0, 200) + "..." : sql;
    return new SQLException("statement " + (index + 1) + " of " + count + " (" + text + "): "
        + failure.getMessage(), failure.getSQLState(), failure.getErrorCode(), failure);
  }

  /** The SQL with its bound values written in place, for reading only: migrate binds them. */
  public String inlined() {
    if (params.isEmpty()) return sql;
    StringBuilder sb = new StringBuilder();
    int param = 0;
    for (char c : sql.toCharArray()) {
      if (c == '?' && param < params.size()) sb.append(SqlLiterals.render(params.get(param++)));
      else sb.append(c);
    }
    return sb.toString();
  }

  public SqlStatement withComment(String newComment) {
    return new SqlStatement(sql, params, newComment);
  }
}
