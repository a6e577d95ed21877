package dev.cairn.schema;

import static dev.cairn.schema.FieldObjects.keyTarget;

import dev.cairn.schema.FieldObjects.KeyTarget;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.Index;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns schema changes into statements and sends them to a {@link StatementSink}, which runs them
 * or only collects them, so that {@code sqlmigrate} shows exactly what {@code migrate} runs. This
 * is the flow, as Django's base schema editor: which statements, in which order. What each one
 * says comes from the dialect's {@link Ddl}; a dialect subclasses the editor only where its
 * database needs another flow (SQLite's table remake).
 */
public class SchemaEditor {
  protected final Dialect dialect;
  protected final Ddl ddl;
  private final StatementSink sink;
  private final FieldObjects objects;

  public SchemaEditor(Dialect dialect, StatementSink sink) {
    this(dialect, dialect.ddl(), sink);
  }

  /** An editor whose flow asks {@code ddl}, a subclass's own, for its SQL. */
  protected SchemaEditor(Dialect dialect, Ddl ddl, StatementSink sink) {
    this.dialect = dialect;
    this.ddl = ddl;
    this.sink = sink;
    this.objects = new FieldObjects(dialect, ddl, sink);
  }

  // ---- models ---------------------------------------------------------------------------------

  /** Creates the table, its indexes and constraints, and the join tables of its many-to-many fields. */
  public void createModel(ProjectState state, ModelState model) throws SQLException {
    if (!model.managed()) return;
    run(ddl.createTable(state, model, model.table()));
    createTableExtras(state, model);
    for (Map.Entry<Name, Field> e : model.fields().entrySet()) {
      if (JoinTable.isAutoCreated(e.getValue())) {
        createModel(state, JoinTable.model(state, model, e.getKey(), e.getValue()));
      }
    }
  }

  /** Drops the join tables of the model's many-to-many fields, then its table. */
  public void deleteModel(ProjectState state, ModelState model) throws SQLException {
    if (!model.managed()) return;
    for (Map.Entry<Name, Field> e : model.fields().entrySet()) {
      if (JoinTable.isAutoCreated(e.getValue())) {
        run(ddl.dropTable(JoinTable.tableName(model, e.getKey(), e.getValue())));
      }
    }
    run(ddl.dropTable(model.table()));
  }

  /**
   * Follows a model to a new table name (RenameModel, AlterModelTable), with its auto-created join
   * tables and the names Cairn generated for its indexes and constraints.
   */
  public void alterDbTable(ProjectState state, ModelState oldModel, ModelState newModel)
      throws SQLException {
    if (!oldModel.managed() || !newModel.managed()) return;
    if (!oldModel.table().equals(newModel.table())) {
      run(ddl.renameTable(oldModel.table(), newModel.table()));
      for (Map.Entry<Name, Field> e : newModel.fields().entrySet()) {
        Field f = e.getValue();
        if (f.hasColumn()) {
          String column = f.column(e.getKey());
          objects.renameGenerated(newModel, oldModel.table(), column, f,
              keyTarget(state, newModel, f, oldModel), newModel.table(), column, f,
              keyTarget(state, newModel, f, null));
        }
      }
    }
    alterJoinTables(state, oldModel, newModel);
  }

  /**
   * Follows a renamed model or table with the join tables named after it: its own many-to-many
   * fields' tables, and (RenameModel) the columns other models' join tables name after it.
   */
  protected void alterJoinTables(ProjectState state, ModelState oldModel, ModelState newModel)
      throws SQLException {
    for (FollowingJoinTables.Change c : FollowingJoinTables.of(state, oldModel, newModel)) {
      alterJoinTable(state, c.oldJoin(), c.newJoin(), oldModel);
    }
  }

  /**
   * Takes an auto-created join table from one shape to another after a rename: its table, its
   * columns (named after the models) and the names Cairn generated for its keys and indexes.
   * {@code state} is the state {@code newJoin} belongs to; {@code renamed}, the old form of a
   * model the old join table points at that {@code state} knows under another name or table.
   */
  protected void alterJoinTable(ProjectState state, ModelState oldJoin, ModelState newJoin,
      ModelState renamed) throws SQLException {
    String oldTable = oldJoin.table();
    String newTable = newJoin.table();
    if (!oldTable.equals(newTable)) {
      run(ddl.renameTable(oldTable, newTable));
    }
    List<Map.Entry<Name, Field>> olds = new ArrayList<>(oldJoin.fields().entrySet());
    List<Map.Entry<Name, Field>> news = new ArrayList<>(newJoin.fields().entrySet());
    for (int i = 0; i < news.size(); i++) {
      Field oldField = olds.get(i).getValue();
      Field newField = news.get(i).getValue();
      String oldColumn = oldField.column(olds.get(i).getKey());
      String newColumn = newField.column(news.get(i).getKey());
      if (!oldColumn.equals(newColumn)) {
        run(ddl.renameColumn(newTable, oldColumn, newColumn));
      }
      objects.renameGenerated(newJoin, oldTable, oldColumn, oldField,
          keyTarget(state, oldJoin, oldField, renamed), newTable, newColumn, newField,
          keyTarget(state, newJoin, newField, null));
    }
    objects.renameUniquePairs(oldJoin, newJoin);
  }

  // ---- fields ---------------------------------------------------------------------------------

  /** Adds the column of {@code model}'s field {@code name}; existing rows get its default. */
  public void addField(ProjectState state, ModelState model, Name name) throws SQLException {
    Field field = model.requireField(name);
    if (!model.managed()) return;
    if (JoinTable.isAutoCreated(field)) {
      createModel(state, JoinTable.model(state, model, name, field));
      return;
    }
    if (!field.hasColumn()) return;
    run(ddl.guardAddColumn(model, name));
    if (field.hasDefault() && field.dbDefault() == null) {
      // The default fills existing rows in one metadata-only step (PostgreSQL 11+), then goes,
      // since Django's defaults live in the models, not in the database.
      run(ddl.addColumn(state, model, name, true));
      run(ddl.alterColumnDefault(column(state, model, name)));
    } else {
      run(ddl.addColumn(state, model, name, false));
    }
    addFieldExtras(state, model, name, field);
  }

  /** Drops the column (or join table) of {@code model}'s field {@code name}. */
  public void removeField(ProjectState state, ModelState model, Name name) throws SQLException {
    Field field = model.requireField(name);
    if (!model.managed()) return;
    if (JoinTable.isAutoCreated(field)) {
      run(ddl.dropTable(JoinTable.tableName(model, name, field)));
      return;
    }
    if (!field.hasColumn()) return;
    String table = model.table();
    String column = field.column(name);
    if (!ddl.dropColumnDropsItsConstraints()) {
      if (field.type().isForeignKey()) {
        objects.dropForeignKey(model, table, column, keyTarget(state, model, field, null));
      }
      if (field.type().isPositive()) {
        objects.dropImplied(model, table, column, TableObject.Kind.CHECK,
            GeneratedNames.check(table, column));
      }
    }
    run(ddl.dropColumn(table, column));
  }

  /**
   * Takes a column from one definition to another (AlterField, RenameField): name, type, null,
   * default, uniqueness, index and foreign key, keeping its rows.
   */
  public void alterField(ProjectState fromState, ModelState oldModel, Name oldName,
      ProjectState toState, ModelState newModel, Name newName) throws SQLException {
    Field oldField = oldModel.requireField(oldName);
    Field newField = newModel.requireField(newName);
    if (!newModel.managed()) return;
    if (oldField.type().isManyToMany() || newField.type().isManyToMany()) {
      alterManyToMany(fromState, oldModel, oldName, oldField, toState, newModel, newName, newField);
      return;
    }
    if (oldField.primaryKey() != newField.primaryKey()) {
      throw new UnsupportedSchemaChange("changing which field is the primary key of "
          + newModel.key() + " is not supported; add a new model and copy the rows instead");
    }
    String table = newModel.table();
    String oldColumn = oldField.column(oldName);
    String newColumn = newField.column(newName);
    boolean typeChanged = !dialect.columnType(Relations.columnType(fromState, oldModel, oldField))
        .equals(dialect.columnType(Relations.columnType(toState, newModel, newField)));
    boolean fkChanged = oldField.type().isForeignKey() && (!newField.type().isForeignKey()
        || !Relations.sameTarget(fromState, oldModel, oldField, toState, newModel, newField)
        || oldField.effectiveOnDelete() != newField.effectiveOnDelete() || typeChanged
        || (ddl.foreignKeysNeedTheirIndex() && (oldField.hasIndex() && !newField.hasIndex()
            || oldField.isUnique() && !newField.isUnique())));

    boolean renamed = !oldColumn.equals(newColumn);
    KeyTarget oldTarget = keyTarget(fromState, oldModel, oldField, null);
    // A key that is both renamed and changed is renamed with its column first, then dropped.
    boolean dropKeyAfterRename = fkChanged && renamed && newField.type().isForeignKey();
    if (fkChanged && !dropKeyAfterRename) {
      objects.dropForeignKey(oldModel, table, oldColumn, oldTarget);
    }
    if (oldField.isUnique() && !oldField.primaryKey() && !newField.isUnique()) {
      objects.dropImplied(oldModel, table, oldColumn, TableObject.Kind.UNIQUE,
          GeneratedNames.unique(table, oldColumn));
      if (!newField.hasIndex()) objects.dropPatternIndexes(table, oldColumn);
    }
    if (oldField.hasIndex() && !newField.hasIndex()) {
      objects.dropImplied(oldModel, table, oldColumn, TableObject.Kind.INDEX,
          GeneratedNames.index(table, oldColumn));
    }
    if (oldField.type().isPositive() && !newField.type().isPositive()) {
      objects.dropImplied(oldModel, table, oldColumn, TableObject.Kind.CHECK,
          GeneratedNames.check(table, oldColumn));
    }
    if (renamed) {
      run(ddl.renameColumn(table, oldColumn, newColumn));
      // A key that changes is renamed under its old target and dropped below; one that goes was
      // dropped above.
      KeyTarget renamedTarget = !newField.type().isForeignKey() ? null
          : fkChanged ? oldTarget : keyTarget(toState, newModel, newField, null);
      objects.renameGenerated(newModel, table, oldColumn, oldField, oldTarget, table, newColumn,
          newField, renamedTarget);
    }
    if (dropKeyAfterRename) objects.dropForeignKey(newModel, table, newColumn, oldTarget);
    if (typeChanged && !isStringType(newField)) objects.dropPatternIndexes(table, newColumn);
    Ddl.Column column = column(toState, newModel, newName);
    if (typeChanged) {
      Field oldType = Relations.columnType(fromState, oldModel, oldField);
      // The column as it stands while its type changes: the old NULL, default and comment, which
      // the steps below change (MySQL's MODIFY restates them all).
      // Where a key's column cannot change type under its foreign key (MySQL), the keys that
      // point at this column go first and come back once both sides have the new type.
      List<PointingKeys.Key> incoming = ddl.retypesColumnsUnderForeignKeys() ? List.of()
          : PointingKeys.at(toState, newModel, newColumn);
      for (PointingKeys.Key k : incoming) {
        objects.dropForeignKey(k.source(), k.source().table(), k.field().column(k.name()),
            keyTarget(fromState, k.source(), k.field(), oldModel));
      }
      changeColumnType(new Ddl.Column(table, newColumn, newField.toBuilder()
          .nullable(oldField.nullable()).dbDefault(oldField.dbDefault())
          .dbComment(oldField.dbComment()).build(), column.type()), oldType);
      alterRelatedColumnTypes(toState, newModel, newColumn, Relations.keyColumnType(oldType));
      for (PointingKeys.Key k : incoming) addForeignKey(toState, k.source(), k.name(), k.field());
    }
    if (oldField.nullable() && !newField.nullable() && newField.hasDefault()) {
      // Rows that are NULL now take the default before the column refuses NULL.
      run(ddl.updateNullRows(column));
      run(ddl.afterUpdatingRows());
    }
    if (!Objects.equals(oldField.dbDefault(), newField.dbDefault())) {
      run(ddl.alterColumnDefault(column));
    }
    if (oldField.nullable() != newField.nullable()) run(ddl.alterColumnNull(column));
    if (newField.isUnique() && !newField.primaryKey() && !oldField.isUnique()) {
      run(ddl.addUnique(table, newColumn));
    }
    if (newField.hasIndex() && !oldField.hasIndex()) run(ddl.createFieldIndex(table, newColumn));
    if (newField.type().isPositive() && !oldField.type().isPositive()) {
      run(ddl.addPositiveCheck(table, newColumn));
    }
    if (newField.type().isForeignKey() && (fkChanged || !oldField.type().isForeignKey())) {
      addForeignKey(toState, newModel, newName, newField);
    }
    if (!Objects.equals(oldField.dbComment(), newField.dbComment())) {
      run(ddl.alterColumnComment(column));
    }
  }

  /**
   * Retypes the columns that point at {@code model}'s column {@code column}, which just changed
   * type (AutoField to BigAutoField), so that keys keep the type of what they point at, as Django
   * does for related fields. {@code oldKeyType} is the type those columns have now.
   */
  protected void alterRelatedColumnTypes(ProjectState state, ModelState model, String column,
      Field oldKeyType) throws SQLException {
    for (PointingKeys.Key key : PointingKeys.at(state, model, column)) {
      changeColumnType(column(state, key.source(), key.name()), oldKeyType);
    }
  }

  /** Takes {@code column} from {@code oldType} to its field's type, after the dialect's guard. */
  private void changeColumnType(Ddl.Column column, Field oldType) throws SQLException {
    run(ddl.guardTypeChange(column, oldType));
    run(ddl.alterColumnType(column, oldType));
  }

  private void alterManyToMany(ProjectState fromState, ModelState oldModel, Name oldName,
      Field oldField, ProjectState toState, ModelState newModel, Name newName, Field newField)
      throws SQLException {
    if (!oldField.type().isManyToMany() || !newField.type().isManyToMany()) {
      throw new UnsupportedSchemaChange("field " + newModel.key() + "." + newName
          + " cannot change between a many-to-many and a column; remove it and add a new field");
    }
    boolean oldAuto = JoinTable.isAutoCreated(oldField);
    boolean newAuto = JoinTable.isAutoCreated(newField);
    if (oldAuto && newAuto && fromState.relatedModel(oldModel.app(), oldField).table()
        .equals(toState.relatedModel(newModel.app(), newField).table())) {
      alterJoinTable(toState, JoinTable.model(oldModel, oldName, oldField),
          JoinTable.model(newModel, newName, newField), oldModel);
      return;
    }
    if (oldAuto != newAuto) {
      // Dropping the join table would drop its pairs; makemigrations writes a recipe instead.
      throw new UnsupportedSchemaChange(throughSwitchMessage(newModel, newName, oldField, newField));
    }
    // Another target: the old pairs mean nothing for the new one.
    if (oldAuto) run(ddl.dropTable(JoinTable.tableName(oldModel, oldName, oldField)));
    if (newAuto) createModel(toState, JoinTable.model(toState, newModel, newName, newField));
  }

  private static String throughSwitchMessage(ModelState model, Name name, Field oldField,
      Field newField) {
    String field = model.key() + "." + name;
    String change = newField.through() != null ? "to use the through model " + newField.through()
        : "to stop using the through model " + oldField.through();
    return "AlterField of " + field + " " + change + " would drop a join table with its rows;"
        + " Cairn does not make this change in the database.\n"
        + "  Let makemigrations write it (a SeparateDatabaseAndState whose RenameJoinTable hands the"
        + " table and its rows over), or put this AlterField under SeparateDatabaseAndState's"
        + " state_operations and move the rows yourself in database_operations.";
  }

  /**
   * Renames a join table and its columns, with the names Cairn generated for its keys, indexes
   * and unique pair, keeping its rows: a through model takes over an auto-created join table,
   * or gives it back (RenameJoinTable). {@code state} holds the two models it joins.
   */
  public void renameJoinTable(ProjectState state, ModelState oldJoin, ModelState newJoin)
      throws SQLException {
    alterJoinTable(state, oldJoin, newJoin, null);
  }

  // ---- indexes and constraints ----------------------------------------------------------------

  public void addIndex(ModelState model, Index index) throws SQLException {
    if (!model.managed()) return;
    run(ddl.createIndex(model, index));
  }

  public void removeIndex(ModelState model, Index index) throws SQLException {
    if (!model.managed()) return;
    run(ddl.dropIndex(model.table(), index.name()));
  }

  public void renameIndex(ModelState model, String oldName, String newName) throws SQLException {
    if (!model.managed()) return;
    run(ddl.renameIndex(model.table(), oldName, newName));
  }

  /** Adds {@code constraint}, which {@code model} (as in {@code state}) already has. */
  public void addConstraint(ProjectState state, ModelState model, Constraint constraint)
      throws SQLException {
    if (!model.managed()) return;
    run(ddl.addConstraint(model, constraint));
  }

  /** Removes {@code constraint}, which {@code model} (as in {@code state}) still has. */
  public void removeConstraint(ProjectState state, ModelState model, Constraint constraint)
      throws SQLException {
    if (!model.managed()) return;
    run(ddl.dropConstraint(model, constraint));
  }

  /** The connection statements run on, or empty when they are only collected. */
  public Optional<Connection> connection() {
    return sink.connection();
  }

  // ---- raw SQL --------------------------------------------------------------------------------

  /** Notes a step that has no SQL (RunJava), so that {@code sqlmigrate} still shows it. */
  public void comment(String text) throws SQLException {
    if (connection().isEmpty()) sink.accept(new SqlStatement("", List.of(), text));
  }

  /**
   * Runs SQL written by the user (RunSQL), split into its statements, each its own {@link
   * SqlStatement}: drivers run only the first statement of a string or refuse several. A failure
   * while it runs live (a migration with RunJava) names the statement; a collected script names
   * it when it runs ({@code MigrationScript}).
   */
  public void execute(String sql) throws SQLException {
    List<String> statements = SqlStatementSplitter.split(sql);
    for (int i = 0; i < statements.size(); i++) {
      SqlStatement statement = SqlStatement.of(statements.get(i));
      try {
        run(statement);
      } catch (SQLException e) {
        throw statements.size() == 1 ? e : statement.failed(e, i, statements.size());
      }
    }
  }

  // ---- building blocks, for dialects ----------------------------------------------------------

  /**
   * What follows CREATE TABLE: foreign keys, unique fields (where CREATE TABLE did not declare
   * them), field indexes, model indexes, unique constraints, then comments.
   */
  protected void createTableExtras(ProjectState state, ModelState model) throws SQLException {
    for (Map.Entry<Name, Field> e : model.fields().entrySet()) {
      Field f = e.getValue();
      if (f.type().isForeignKey()) addForeignKey(state, model, e.getKey(), f);
      if (!ddl.createTableDeclaresUniqueFields() && f.hasColumn() && f.isUnique()
          && !f.primaryKey()) {
        run(ddl.addUnique(model.table(), f.column(e.getKey())));
      }
      if (f.hasIndex()) run(ddl.createFieldIndex(model.table(), f.column(e.getKey())));
    }
    for (Index index : model.indexes()) run(ddl.createIndex(model, index));
    for (Constraint c : model.constraints()) {
      if (c.kind() == Constraint.Kind.UNIQUE) run(ddl.addConstraint(model, c));
    }
    if (model.dbTableComment() != null) {
      run(ddl.commentOnTable(model.table(), model.dbTableComment()));
    }
    for (Map.Entry<Name, Field> e : model.fields().entrySet()) {
      Field f = e.getValue();
      if (f.hasColumn() && f.dbComment() != null) {
        run(ddl.commentOnColumn(model.table(), f.column(e.getKey()), f.dbComment()));
      }
    }
  }

  /** What follows ADD COLUMN: uniqueness, its index, its foreign key and its comment. */
  protected void addFieldExtras(ProjectState state, ModelState model, Name name, Field field)
      throws SQLException {
    String column = field.column(name);
    if (field.isUnique() && !field.primaryKey()) run(ddl.addUnique(model.table(), column));
    if (field.hasIndex()) run(ddl.createFieldIndex(model.table(), column));
    if (field.type().isForeignKey()) addForeignKey(state, model, name, field);
    if (field.dbComment() != null) run(ddl.commentOnColumn(model.table(), column, field.dbComment()));
  }

  private void addForeignKey(ProjectState state, ModelState model, Name name, Field field)
      throws SQLException {
    ModelState target = state.relatedModel(model.app(), field);
    String column = field.column(name);
    String targetColumn = Relations.targetColumn(target, field);
    run(ddl.addForeignKey(new Ddl.ForeignKey(
        GeneratedNames.foreignKey(model.table(), column, target.table(), targetColumn),
        model.table(), column, target.table(), targetColumn, field.effectiveOnDelete())));
  }

  /** The column of {@code model}'s field {@code name}, typed as in {@code state}. */
  private static Ddl.Column column(ProjectState state, ModelState model, Name name) {
    Field field = model.requireField(name);
    return new Ddl.Column(model.table(), field.column(name), field,
        Relations.columnType(state, model, field));
  }

  private static boolean isStringType(Field f) {
    return f.type().hasMaxLength() || f.type() == FieldType.TEXT;
  }

  protected void run(SqlStatement statement) throws SQLException {
    sink.accept(statement);
  }

  protected void run(List<SqlStatement> statements) throws SQLException {
    for (SqlStatement statement : statements) sink.accept(statement);
  }
}
