package dev.cairn.dialect.postgres;

import dev.cairn.schema.Effect;
import dev.cairn.schema.SqlStatement;
import dev.cairn.schema.StandardDdl;
import dev.cairn.state.Field;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's SQL where it differs from the standard's: drops that take what depends on them,
 * {@code ALTER COLUMN .. TYPE .. USING} with a check for values the
 * change would round, and deferred checks run after the editor updates rows.
 */
final class PostgresDdl extends StandardDdl {
  PostgresDdl(PostgresDialect dialect) {
    super(dialect);
  }

  @Override public SqlStatement dropTable(String table) {
    return statement("DROP TABLE " + q(table) + " CASCADE", table, CATALOG_ONLY);
  }

  @Override public SqlStatement dropColumn(String table, String column) {
    return statement("ALTER TABLE " + q(table) + " DROP COLUMN " + q(column) + " CASCADE", table,
        CATALOG_ONLY);
  }

  /**
   * Refuses, with a message naming the column, a change that would round values (see {@link
   * PostgresTypeChange}), before any row changes.
   */
  @Override public List<SqlStatement> guardTypeChange(Column column, Field oldType) {
    String loss = new PostgresTypeChange(oldType, column.type()).lossCondition(q(column.name()));
    if (loss == null) return List.of();
    String message = "cannot change column " + q(column.name()) + " of table " + q(column.table())
        + " to " + PostgresTypes.plainType(column.type()) + ": some values would be rounded or"
        + " cut; change those rows first (RunSQL) or keep the old type";
    return List.of(statement("DO $cairn$ BEGIN IF EXISTS (SELECT 1 FROM " + q(column.table())
        + " WHERE " + loss + ") THEN RAISE EXCEPTION '%', " + dialect.literal(message)
        + " USING ERRCODE = 'data_exception'; END IF; END $cairn$", column.table(),
        Set.of(Effect.SCANS_TABLE)));
  }

  /**
   * Converts by assignment where PostgreSQL can, so that a value the new type cannot hold fails
   * the migration instead of being truncated; the identity, if any, stays with the column. Only
   * a change PostgreSQL can make in the catalog ({@link PostgresTypeChange#keepsRows}) spares
   * the table its rewrite.
   */
  @Override public SqlStatement alterColumnType(Column column, Field oldType) {
    PostgresTypeChange change = new PostgresTypeChange(oldType, column.type());
    String using = change.using(q(column.name()));
    return alterColumn(column, "TYPE " + PostgresTypes.plainType(column.type())
        + (using == null ? "" : " USING " + using),
        using == null && change.keepsRows() ? CATALOG_ONLY : LOCKED_REWRITE);
  }

  /**
   * An UPDATE queues a deferred foreign key check for every row its transaction inserted, even
   * with the key unchanged, and the ALTER TABLE after it would fail on the table's "pending
   * trigger events": the checks run now, as Django's {@code sql_update_with_default} does. A
   * migration's later statements see its constraints immediate, as in Django; the next
   * transaction, or the check at the end of the migration in a shared one, starts afresh.
   */
  @Override public List<SqlStatement> afterUpdatingRows() {
    return List.of(statement("SET CONSTRAINTS ALL IMMEDIATE", null, CATALOG_ONLY));
  }
}
