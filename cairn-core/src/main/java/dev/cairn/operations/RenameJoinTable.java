package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.JoinTable;
import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.List;

/**
 * Database only: renames the join table of the many-to-many field {@code modelName.name} and its
 * three columns (key, this side, the other side), with the names Cairn generated for its keys,
 * indexes and unique pair, keeping its rows. It belongs in SeparateDatabaseAndState's
 * {@code database_operations}, where a through model takes over an auto-created join table or
 * gives it back (Django's documented recipe, with SQL that fits every dialect); the state
 * operations beside it say what the table is now.
 */
public record RenameJoinTable(Name modelName, Name name, String oldTable, String newTable,
    List<String> oldColumns, List<String> newColumns) implements Operation {

  public RenameJoinTable {
    requireNonNull(modelName, "modelName == null");
    requireNonNull(name, "name == null");
    requireNonNull(oldTable, "oldTable == null");
    requireNonNull(newTable, "newTable == null");
    oldColumns = List.copyOf(oldColumns);
    newColumns = List.copyOf(newColumns);
    if (oldColumns.size() != 3 || newColumns.size() != 3) {
      throw new IllegalArgumentException("a join table has 3 columns (key, this side, the other"
          + " side): " + oldColumns + " -> " + newColumns);
    }
  }

  /** Only among database_operations: alone it would leave the state naming the old table. */
  static RenameJoinTable read(ArgumentReader in) {
    if (!in.inDatabaseOperations()) {
      throw in.error(null, "RenameJoinTable changes only the database, so it belongs in the"
          + " database_operations of a SeparateDatabaseAndState", "put it there, with the state"
          + " operations that say what the table is now beside it in state_operations");
    }
    return new RenameJoinTable(in.name("model_name"), in.name("name"), in.string("old_table"),
        in.string("new_table"), columns(in, "old_columns"), columns(in, "new_columns"));
  }

  /** The three columns of a join table: key, this side, the other side. */
  private static List<String> columns(ArgumentReader in, String key) {
    List<String> columns = in.strings(key);
    if (columns.size() != 3) {
      throw in.error(key, "'" + key + "' of RenameJoinTable lists " + columns.size() + " columns",
          "list the 3 columns of the join table: its key, this side's, the other side's");
    }
    return columns;
  }

  @Override public void writeArguments(ArgumentWriter out) {
    out.value("model_name", modelName);
    out.value("name", name);
    out.value("old_table", oldTable);
    out.value("new_table", newTable);
    out.strings("old_columns", oldColumns);
    out.strings("new_columns", newColumns);
  }

  /** The state is the state operations' to change. */
  @Override public ProjectState stateForwards(String app, ProjectState before) {
    return before;
  }

  @Override public void databaseForwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    rename(editor, app, before, oldTable, oldColumns, newTable, newColumns);
  }

  @Override public void databaseBackwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    rename(editor, app, before, newTable, newColumns, oldTable, oldColumns);
  }

  private void rename(SchemaEditor editor, String app, ProjectState state, String fromTable,
      List<String> fromColumns, String toTable, List<String> toColumns) throws SQLException {
    editor.comment("Rename join table " + fromTable + " of " + modelName + "." + name + " to "
        + toTable + ", keeping its rows");
    ModelState model = state.requireModel(app, modelName);
    ModelState join = JoinTable.model(state, model, name, model.requireField(name));
    editor.renameJoinTable(state, JoinTable.renamed(join, fromTable, fromColumns),
        JoinTable.renamed(join, toTable, toColumns));
  }

  @Override public String describe() {
    return "Rename join table " + oldTable + " of " + modelName + "." + name + " to " + newTable;
  }
}
