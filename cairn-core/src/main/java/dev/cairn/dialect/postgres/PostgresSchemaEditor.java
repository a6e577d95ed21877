package dev.cairn.dialect.postgres;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.schema.StatementSink;
import dev.cairn.state.Field;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.Map;

/**
 * The schema editor for PostgreSQL. The base editor already writes PostgreSQL's SQL; this adds
 * what only PostgreSQL has: identity columns and comments.
 */
final class PostgresSchemaEditor extends SchemaEditor {
  PostgresSchemaEditor(PostgresDialect dialect, StatementSink sink) {
    super(dialect, sink);
  }

  /**
   * An UPDATE queues a deferred foreign key check for every row its transaction inserted, even
   * with the key unchanged, and the ALTER TABLE after it would fail on the table's "pending
   * trigger events": the checks run now, as Django's {@code sql_update_with_default} does. A
   * migration's later statements see its constraints immediate, as in Django; the next
   * transaction, or the check at the end of the migration in a shared one, starts afresh.
   */
  @Override protected void afterUpdatingRows() throws SQLException {
    run("SET CONSTRAINTS ALL IMMEDIATE", null);
  }

  @Override protected String alterColumnType(Field typed) {
    return PostgresTypes.plainType(typed); // the identity, if any, stays with the column
  }

  /**
   * Converts by assignment where PostgreSQL can, so that a value the new type cannot hold fails
   * the migration instead of being truncated; first refuses, with a message naming the column,
   * a change that would round values (see {@link PostgresTypeChange}).
   */
  @Override protected void changeColumnType(String table, String column, Field oldTyped,
      Field newTyped) throws SQLException {
    PostgresTypeChange change = new PostgresTypeChange(oldTyped, newTyped);
    String type = alterColumnType(newTyped);
    String loss = change.lossCondition(q(column));
    if (loss != null) {
      String message = "cannot change column " + q(column) + " of table " + q(table) + " to "
          + type + ": some values would be rounded or cut; change those rows first (RunSQL)"
          + " or keep the old type";
      run("DO $cairn$ BEGIN IF EXISTS (SELECT 1 FROM " + q(table) + " WHERE " + loss + ")"
          + " THEN RAISE EXCEPTION '%', " + dialect.literal(message)
          + " USING ERRCODE = 'data_exception'; END IF; END $cairn$", null);
    }
    String using = change.using(q(column));
    run("ALTER TABLE " + q(table) + " ALTER COLUMN " + q(column) + " TYPE " + type
        + (using == null ? "" : " USING " + using), null);
  }

  /** Adds the table and column comments, which CREATE TABLE cannot carry. */
  @Override protected void createTableExtras(ProjectState state, ModelState model)
      throws SQLException {
    super.createTableExtras(state, model);
    if (model.dbTableComment() != null) {
      run("COMMENT ON TABLE " + q(model.table()) + " IS " + dialect.literal(model.dbTableComment()),
          null);
    }
    for (Map.Entry<Name, Field> e : model.fields().entrySet()) {
      Field f = e.getValue();
      if (f.hasColumn() && f.dbComment() != null) {
        commentOnColumn(model.table(), f.column(e.getKey()), f.dbComment());
      }
    }
  }
}
