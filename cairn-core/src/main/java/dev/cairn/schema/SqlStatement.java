package dev.cairn.schema;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * One statement a schema change runs: its SQL with {@code ?} placeholders, the values bound to
 * them, a short comment for humans that {@code sqlmigrate} prints above it, what running it does
 * beyond its change ({@link Effect}), and the table it changes, if one. Immutable.
 *
 * @param table the table the statement changes or locks, or {@code null} (raw SQL, a setting)
 */
public record SqlStatement(String sql, List<Object> params, String comment, Set<Effect> effects,
    String table) {
  public SqlStatement {
    requireNonNull(sql, "sql == null");
    params = params == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(params));
    effects = effects == null ? Set.of() : Set.copyOf(effects);
  }

  /** A statement whose effects are not known (raw SQL) or that has none. */
  public SqlStatement(String sql, List<Object> params, String comment) {
    this(sql, params, comment, Set.of(), null);
  }

  public static SqlStatement of(String sql) {
    return new SqlStatement(sql, List.of(), null);
  }

  public boolean has(Effect effect) {
    return effects.contains(effect);
  }

  /** This statement, said to have {@code newEffects} on {@code newTable}. */
  public SqlStatement withEffects(String newTable, Set<Effect> newEffects) {
    return new SqlStatement(sql, params, comment, newEffects, newTable);
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
    return new SqlStatement(sql, params, newComment, effects, table);
  }
}
