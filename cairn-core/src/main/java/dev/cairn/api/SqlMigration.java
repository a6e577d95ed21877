package dev.cairn.api;

import dev.cairn.migration.Migration;
import dev.cairn.schema.SqlStatement;
import java.util.List;

/**
 * The SQL one migration runs ({@link Cairn#sqlMigrate}), as {@code migrate} would run it on a
 * fresh database. Statements with empty SQL are the headers of operations ({@code describe()}).
 * Immutable.
 *
 * @param transactional whether it runs in a transaction (the dialect has transactional DDL and the
 *     migration is atomic)
 */
public record SqlMigration(Migration migration, boolean backwards, List<SqlStatement> statements,
    boolean transactional) {
  public SqlMigration {
    statements = List.copyOf(statements);
  }
}
