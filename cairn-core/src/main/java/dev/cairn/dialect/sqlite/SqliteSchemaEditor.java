package dev.cairn.dialect.sqlite;

import dev.cairn.schema.JoinTable;
import dev.cairn.schema.Relations;
import dev.cairn.schema.SchemaEditor;
import dev.cairn.schema.StatementSink;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQLite's schema editor. SQLite's ALTER TABLE can add, rename and drop plain columns and rename
 * tables, nothing more, so every other change goes through {@link TableRemake}: this is that
 * flow; the SQL, the remake's included, is {@link SqliteDdl}'s.
 */
final class SqliteSchemaEditor extends SchemaEditor {
  private final SqliteDdl sqliteDdl;

  SqliteSchemaEditor(SqliteDialect dialect, SqliteDdl ddl, StatementSink sink) {
    super(dialect, ddl, sink);
    this.sqliteDdl = ddl;
  }

  // ---- models ---------------------------------------------------------------------------------

  /**
   * Renames the table, then remakes it when Cairn named some of its indexes or checks after the
   * old table: SQLite can rename neither an index nor a constraint. RENAME TO carries the foreign
   * keys of other tables along (SQLite 3.26+, legacy_alter_table off).
   */
  @Override public void alterDbTable(ProjectState state, ModelState oldModel, ModelState newModel)
      throws SQLException {
    if (!oldModel.managed() || !newModel.managed()) return;
    if (!oldModel.table().equals(newModel.table())) {
      run(ddl.renameTable(oldModel.table(), newModel.table()));
      if (hasGeneratedNames(newModel)) remake(state, new TableRemake(newModel, newModel));
    }
    alterJoinTables(state, oldModel, newModel);
  }

  /**
   * Remakes a join table whose table or column names follow a renamed model, pairing columns by
   * position: the names Cairn gave its indexes follow the table and columns.
   */
  @Override protected void alterJoinTable(ProjectState state, ModelState oldJoin,
      ModelState newJoin, ModelState renamedModel) throws SQLException {
    List<Name> olds = new ArrayList<>(oldJoin.fields().keySet());
    List<Name> news = new ArrayList<>(newJoin.fields().keySet());
    Map<Name, Name> renamed = new LinkedHashMap<>();
    boolean same = oldJoin.table().equals(newJoin.table());
    for (int i = 0; i < news.size(); i++) {
      renamed.put(news.get(i), olds.get(i));
      same &= oldJoin.requireField(olds.get(i)).column(olds.get(i))
          .equals(newJoin.requireField(news.get(i)).column(news.get(i)));
    }
    if (!same) remake(state, new TableRemake(oldJoin, newJoin, renamed));
  }

  // ---- fields ---------------------------------------------------------------------------------

  @Override public void addField(ProjectState state, ModelState model, Name name)
      throws SQLException {
    Field field = model.requireField(name);
    // ADD COLUMN cannot fill rows with a value other than the column's own default, add a unique
    // column, or take a non-constant default: those go through the remake, as in Django.
    boolean plainColumn = field.nullable() && !field.hasDefault() && !field.isUnique()
        && field.dbDefault() == null;
    if (model.managed() && field.hasColumn() && !plainColumn) {
      remake(state, new TableRemake(model.withoutField(name), model));
    } else {
      super.addField(state, model, name);
    }
  }

  @Override public void removeField(ProjectState state, ModelState model, Name name)
      throws SQLException {
    Field field = model.requireField(name);
    if (!model.managed() || !field.hasColumn()) {
      super.removeField(state, model, name);
      return;
    }
    remake(state, new TableRemake(model, model.withoutField(name)));
  }

  @Override public void alterField(ProjectState fromState, ModelState oldModel, Name oldName,
      ProjectState toState, ModelState newModel, Name newName) throws SQLException {
    Field oldField = oldModel.requireField(oldName);
    Field newField = newModel.requireField(newName);
    if (!newModel.managed() || oldField.type().isManyToMany() || newField.type().isManyToMany()) {
      super.alterField(fromState, oldModel, oldName, toState, newModel, newName);
      return;
    }
    String oldColumn = oldField.column(oldName);
    String newColumn = newField.column(newName);
    ModelState source = oldModel;
    if (!oldColumn.equals(newColumn)) {
      // RENAME COLUMN first: it also rewrites the foreign keys of other tables that name the
      // column (SQLite 3.26+, legacy_alter_table off), where a remake alone would leave them
      // naming a column that is gone ("foreign key mismatch" on a renamed primary key).
      run(ddl.renameColumn(newModel.table(), oldColumn, newColumn));
      if (onlyRenamed(oldField, newField)) return;
      source = oldModel.withAlteredField(oldName, oldField.toBuilder().dbColumn(newColumn).build());
    } else if (sameInDatabase(oldField, newField)) {
      return;
    }
    remake(toState, new TableRemake(source, newModel, Map.of(newName, oldName)));
    // Only a key others can point at carries its type to their columns; a relation is none.
    if (!newField.type().isForeignKey() && !oldField.type().isForeignKey()
        && !dialect.columnType(Relations.keyColumnType(oldField))
        .equals(dialect.columnType(Relations.keyColumnType(newField)))) {
      alterRelatedColumnTypes(toState, newModel, newColumn, Relations.keyColumnType(oldField));
    }
  }

  /**
   * Remakes the tables whose keys point at {@code model}'s column {@code column}, which changed
   * type (AutoField to BigAutoField), so that they take the new type; join tables included.
   */
  @Override protected void alterRelatedColumnTypes(ProjectState state, ModelState model,
      String column, Field oldKeyType) throws SQLException {
    for (ModelState other : state.models()) {
      if (!other.managed()) continue;
      boolean remakeOther = false;
      for (Map.Entry<Name, Field> e : other.fields().entrySet()) {
        Field f = e.getValue();
        if (JoinTable.isAutoCreated(f)) {
          ModelState join = JoinTable.model(state, other, e.getKey(), f);
          if (join.fields().values().stream().anyMatch(j -> pointsAt(join, j, model, column))) {
            remake(state, new TableRemake(join, join));
          }
        } else if (!other.key().equals(model.key()) && pointsAt(other, f, model, column)) {
          remakeOther = true; // the model's own keys to itself came with its remake
        }
      }
      if (remakeOther) remake(state, new TableRemake(other, other));
    }
  }

  private static boolean pointsAt(ModelState source, Field f, ModelState target, String column) {
    return f.type().isForeignKey()
        && dev.cairn.state.ModelKey.resolve(source.app(), f.to()).equals(target.key())
        && Relations.targetColumn(target, f).equals(column);
  }

  /** Whether two definitions make the same column: defaults and comments live outside it. */
  private static boolean sameInDatabase(Field a, Field b) {
    return a.toBuilder().defaultValue(null).dbComment(null).build()
        .equals(b.toBuilder().defaultValue(null).dbComment(null).build());
  }

  /**
   * Whether a plain RENAME COLUMN does the whole change: nothing but the column differs and
   * nothing is named after the column (a primary key's index has SQLite's name, not Cairn's).
   */
  private static boolean onlyRenamed(Field oldField, Field newField) {
    boolean sameDefinition = oldField.toBuilder().dbColumn(null).build()
        .equals(newField.toBuilder().dbColumn(null).build());
    return sameDefinition && !(oldField.isUnique() && !oldField.primaryKey())
        && !oldField.hasIndex() && !oldField.type().isPositive();
  }

  // ---- indexes and constraints ----------------------------------------------------------------

  @Override public void renameIndex(ModelState model, String oldName, String newName)
      throws SQLException {
    if (!model.managed()) return;
    // No ALTER INDEX in SQLite: the index is made again under its new name.
    run(ddl.dropIndex(model.table(), oldName));
    run(ddl.createIndex(model, model.index(newName).orElseThrow()));
  }

  @Override public void addConstraint(ProjectState state, ModelState model, Constraint constraint)
      throws SQLException {
    if (model.managed() && constraint.kind() != Constraint.Kind.UNIQUE) {
      remake(state, new TableRemake(model.withoutConstraint(constraint.name()), model));
    } else {
      super.addConstraint(state, model, constraint);
    }
  }

  @Override public void removeConstraint(ProjectState state, ModelState model,
      Constraint constraint) throws SQLException {
    if (model.managed() && constraint.kind() != Constraint.Kind.UNIQUE) {
      remake(state, new TableRemake(model, model.withoutConstraint(constraint.name())));
    } else {
      super.removeConstraint(state, model, constraint);
    }
  }

  // ---- the remake -----------------------------------------------------------------------------

  /**
   * The remake: a new table under a temporary name, the rows copied, the old table dropped, the
   * new one renamed, its indexes made again. Dropping and renaming (rather than renaming the old
   * table away) keeps the foreign keys of other tables pointing at the right name
   * (https://www.sqlite.org/lang_altertable.html#otheralter). A table that moves is renamed first,
   * so that those keys follow it. Its CREATE TABLE carries a note for {@code sqlmigrate}.
   */
  private void remake(ProjectState state, TableRemake remake) throws SQLException {
    ModelState model = remake.newModel();
    String table = model.table();
    String source = remake.oldModel().table();
    if (!source.equals(table)) run(ddl.renameTable(source, table));
    String temporary = "new__" + table;
    run(ddl.createTable(state, model, temporary).withComment("(remake table " + table + ")"));
    run(sqliteDdl.copyRows(remake, temporary, table));
    if (hasAutoincrement(model)) run(sqliteDdl.keepAutoincrementCounter(temporary, table));
    run(ddl.dropTable(table));
    run(ddl.renameTable(temporary, table));
    createTableExtras(state, model);
  }

  private static boolean hasAutoincrement(ModelState model) {
    return model.fields().values().stream().anyMatch(f -> f.primaryKey() && f.type().isAuto());
  }

  private static boolean hasGeneratedNames(ModelState model) {
    return model.fields().values().stream().anyMatch(f ->
        f.hasColumn() && ((f.isUnique() && !f.primaryKey()) || f.hasIndex() || f.type().isPositive()));
  }
}
