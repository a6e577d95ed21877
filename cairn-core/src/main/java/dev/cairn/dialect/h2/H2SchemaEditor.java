package dev.cairn.dialect.h2;

import dev.cairn.schema.GeneratedNames;
import dev.cairn.schema.JoinTable;
import dev.cairn.schema.Relations;
import dev.cairn.schema.SchemaEditor;
import dev.cairn.schema.StatementSink;
import dev.cairn.schema.UnsupportedSchemaChange;
import dev.cairn.state.Field;
import dev.cairn.state.Index;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;

/** The schema editor for H2: the standard's SQL, with H2's spelling where it differs. */
final class H2SchemaEditor extends SchemaEditor {
  H2SchemaEditor(H2Dialect dialect, StatementSink sink) {
    super(dialect, sink);
  }

  /** H2 drops a column's own indexes and constraints with it, and knows no CASCADE there. */
  @Override public void removeField(ProjectState state, ModelState model, Name name)
      throws SQLException {
    Field field = model.requireField(name);
    if (!model.managed() || JoinTable.isAutoCreated(field) || !field.hasColumn()) {
      super.removeField(state, model, name);
      return;
    }
    run("ALTER TABLE " + q(model.table()) + " DROP COLUMN " + q(field.column(name)), null);
  }

  /** H2 checks foreign keys at once: it has no DEFERRABLE. */
  @Override protected void addForeignKey(ProjectState state, ModelState model, Name name,
      Field field) throws SQLException {
    ModelState target = state.relatedModel(model.app(), field);
    String column = field.column(name);
    String targetColumn = Relations.targetColumn(target, field);
    run("ALTER TABLE " + q(model.table()) + " ADD CONSTRAINT "
        + q(GeneratedNames.foreignKey(model.table(), column, target.table(), targetColumn))
        + " FOREIGN KEY (" + q(column) + ") REFERENCES " + q(target.table()) + " ("
        + q(targetColumn) + ") ON DELETE " + field.effectiveOnDelete().sql(), null);
  }

  @Override protected String createIndexSql(ModelState model, Index index) {
    if (index.condition() != null) {
      throw new UnsupportedSchemaChange("'" + index.name() + "' of model " + model.key()
          + " has a condition, and H2 has no partial indexes; make it unconditional for H2,"
          + " or keep such indexes to PostgreSQL and SQLite");
    }
    return super.createIndexSql(model, index);
  }

  @Override protected String alterColumnType(Field typed) {
    return H2Types.plainType(typed); // the identity, if any, stays with the column
  }

  @Override protected void changeColumnType(String table, String column, Field oldTyped,
      Field newTyped) throws SQLException {
    String loss = H2TypeChange.lossCondition(q(column), oldTyped, newTyped);
    if (loss != null) {
      String message = "cannot change column " + q(column) + " of table " + q(table) + " to "
          + alterColumnType(newTyped) + ": some values would be rounded, cut or changed;"
          + " change those rows first (RunSQL) or keep the old type";
      run(H2TypeChange.guard(q(table), loss, dialect.literal(message)), null);
    }
    run("ALTER TABLE " + q(table) + " ALTER COLUMN " + q(column) + " SET DATA TYPE "
        + alterColumnType(newTyped), null);
  }
}
