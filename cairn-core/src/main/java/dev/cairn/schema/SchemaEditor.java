package dev.cairn.schema;

import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.Index;
import dev.cairn.state.ModelKey;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns schema changes into statements and sends them to a {@link StatementSink}, which runs them
 * or only collects them, so that {@code sqlmigrate} shows exactly what {@code migrate} runs. This
 * base writes the SQL that PostgreSQL and the standard share; a dialect overrides only where its
 * database differs.
 */
public abstract class SchemaEditor {
  protected final Dialect dialect;
  private final StatementSink sink;

  protected SchemaEditor(Dialect dialect, StatementSink sink) {
    this.dialect = dialect;
    this.sink = sink;
  }

  // ---- models ---------------------------------------------------------------------------------

  /** Creates the table, its indexes and constraints, and the join tables of its many-to-many fields. */
  public void createModel(ProjectState state, ModelState model) throws SQLException {
    if (!model.managed()) return;
    run(createTableSql(state, model, model.table()), null);
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
        dropTable(JoinTable.tableName(model, e.getKey(), e.getValue()), null);
      }
    }
    dropTable(model.table(), null);
  }

  /**
   * Follows a model to a new table name (RenameModel, AlterModelTable), with its auto-created join
   * tables and the names Cairn generated for its indexes and constraints.
   */
  public void alterDbTable(ProjectState state, ModelState oldModel, ModelState newModel)
      throws SQLException {
    if (!oldModel.managed() || !newModel.managed()) return;
    if (!oldModel.table().equals(newModel.table())) {
      run("ALTER TABLE " + q(oldModel.table()) + " RENAME TO " + q(newModel.table()), null);
      for (Map.Entry<Name, Field> e : newModel.fields().entrySet()) {
        Field f = e.getValue();
        if (f.hasColumn()) {
          String column = f.column(e.getKey());
          renameGeneratedObjects(newModel, oldModel.table(), column, f,
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
    for (Map.Entry<Name, Field> e : newModel.fields().entrySet()) {
      Field oldField = oldModel.fields().get(e.getKey());
      if (!JoinTable.isAutoCreated(e.getValue()) || oldField == null
          || !JoinTable.isAutoCreated(oldField)) {
        continue;
      }
      alterJoinTable(state, JoinTable.model(oldModel, e.getKey(), oldField),
          JoinTable.model(newModel, e.getKey(), e.getValue()), oldModel);
    }
    if (!oldModel.key().equals(newModel.key())) {
      // RenameModel: join tables of other models name their column after this model.
      for (ModelState other : state.models()) {
        if (other.key().equals(newModel.key()) || !other.managed()) continue;
        for (Map.Entry<Name, Field> e : other.fields().entrySet()) {
          Field f = e.getValue();
          if (JoinTable.isAutoCreated(f)
              && ModelKey.resolve(other.app(), f.to()).equals(newModel.key())) {
            alterJoinTable(state,
                JoinTable.model(other, e.getKey(), f.withTo(oldModel.key().reference())),
                JoinTable.model(other, e.getKey(), f), oldModel);
          }
        }
      }
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
      run("ALTER TABLE " + q(oldTable) + " RENAME TO " + q(newTable), null);
    }
    List<Map.Entry<Name, Field>> olds = new ArrayList<>(oldJoin.fields().entrySet());
    List<Map.Entry<Name, Field>> news = new ArrayList<>(newJoin.fields().entrySet());
    for (int i = 0; i < news.size(); i++) {
      Field oldField = olds.get(i).getValue();
      Field newField = news.get(i).getValue();
      String oldColumn = oldField.column(olds.get(i).getKey());
      String newColumn = newField.column(news.get(i).getKey());
      if (!oldColumn.equals(newColumn)) {
        run("ALTER TABLE " + q(newTable) + " RENAME COLUMN " + q(oldColumn) + " TO " + q(newColumn),
            null);
      }
      renameGeneratedObjects(newJoin, oldTable, oldColumn, oldField,
          keyTarget(state, oldJoin, oldField, renamed), newTable, newColumn, newField,
          keyTarget(state, newJoin, newField, null));
    }
    for (int i = 0; i < newJoin.constraints().size(); i++) {
      Constraint pair = newJoin.constraints().get(i);
      renameImplied(newJoin, newTable, columns(newJoin, pair.fields()), TableObject.Kind.UNIQUE,
          oldJoin.constraints().get(i).name(), pair.name());
    }
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
    String table = q(model.table());
    String column = field.column(name);
    if (field.hasDefault() && field.dbDefault() == null) {
      // The default fills existing rows in one metadata-only step (PostgreSQL 11+), then goes,
      // since Django's defaults live in the models, not in the database.
      run("ALTER TABLE " + table + " ADD COLUMN " + columnDefinition(state, model, name, field)
              .replaceFirst(" NOT NULL| NULL", " DEFAULT " + dialect.literal(field.defaultValue()) + "$0"),
          null);
      run("ALTER TABLE " + table + " ALTER COLUMN " + q(column) + " DROP DEFAULT", null);
    } else {
      run("ALTER TABLE " + table + " ADD COLUMN " + columnDefinition(state, model, name, field),
          null);
    }
    addFieldExtras(state, model, name, field);
  }

  /** Drops the column (or join table) of {@code model}'s field {@code name}. */
  public void removeField(ProjectState state, ModelState model, Name name) throws SQLException {
    Field field = model.requireField(name);
    if (!model.managed()) return;
    if (JoinTable.isAutoCreated(field)) {
      dropTable(JoinTable.tableName(model, name, field), null);
      return;
    }
    if (!field.hasColumn()) return;
    run("ALTER TABLE " + q(model.table()) + " DROP COLUMN " + q(field.column(name)) + " CASCADE",
        null);
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
        || oldField.effectiveOnDelete() != newField.effectiveOnDelete() || typeChanged);

    boolean renamed = !oldColumn.equals(newColumn);
    KeyTarget oldTarget = keyTarget(fromState, oldModel, oldField, null);
    // A key that is both renamed and changed is renamed with its column first, then dropped.
    boolean dropKeyAfterRename = fkChanged && renamed && newField.type().isForeignKey();
    if (fkChanged && !dropKeyAfterRename) dropForeignKey(oldModel, table, oldColumn, oldTarget);
    if (oldField.isUnique() && !oldField.primaryKey() && !newField.isUnique()) {
      dropUnique(oldModel, table, oldColumn);
      if (!newField.hasIndex()) dropPatternIndexes(table, oldColumn);
    }
    if (oldField.hasIndex() && !newField.hasIndex()) {
      dropImplied(oldModel, table, oldColumn, TableObject.Kind.INDEX, indexName(table, oldColumn));
    }
    if (oldField.type().isPositive() && !newField.type().isPositive()) {
      dropImplied(oldModel, table, oldColumn, TableObject.Kind.CHECK, checkName(table, oldColumn));
    }
    if (renamed) {
      run("ALTER TABLE " + q(table) + " RENAME COLUMN " + q(oldColumn) + " TO " + q(newColumn),
          null);
      // A key that changes is renamed under its old target and dropped below; one that goes was
      // dropped above.
      KeyTarget renamedTarget = !newField.type().isForeignKey() ? null
          : fkChanged ? oldTarget : keyTarget(toState, newModel, newField, null);
      renameGeneratedObjects(newModel, table, oldColumn, oldField, oldTarget, table, newColumn,
          newField, renamedTarget);
    }
    if (dropKeyAfterRename) dropForeignKey(newModel, table, newColumn, oldTarget);
    if (typeChanged && !isStringType(newField)) dropPatternIndexes(table, newColumn);
    if (typeChanged) {
      changeColumnType(table, newColumn, Relations.columnType(fromState, oldModel, oldField),
          Relations.columnType(toState, newModel, newField));
      alterRelatedColumnTypes(toState, newModel, newColumn,
          Relations.keyColumnType(Relations.columnType(fromState, oldModel, oldField)));
    }
    if (oldField.nullable() && !newField.nullable() && newField.hasDefault()) {
      // Rows that are NULL now take the default before the column refuses NULL. A literal, not a
      // bound value: a string bound for a date or uuid column would not be cast by the server.
      run("UPDATE " + q(table) + " SET " + q(newColumn) + " = "
          + dialect.literal(newField.defaultValue()) + " WHERE " + q(newColumn) + " IS NULL", null);
      afterUpdatingRows();
    }
    if (!java.util.Objects.equals(oldField.dbDefault(), newField.dbDefault())) {
      run("ALTER TABLE " + q(table) + " ALTER COLUMN " + q(newColumn)
          + (newField.dbDefault() == null ? " DROP DEFAULT" : " SET DEFAULT " + newField.dbDefault()),
          null);
    }
    if (oldField.nullable() != newField.nullable()) {
      run("ALTER TABLE " + q(table) + " ALTER COLUMN " + q(newColumn)
          + (newField.nullable() ? " DROP NOT NULL" : " SET NOT NULL"), null);
    }
    if (newField.isUnique() && !newField.primaryKey() && !oldField.isUnique()) {
      addUnique(table, newColumn);
    }
    if (newField.hasIndex() && !oldField.hasIndex()) createFieldIndex(table, newColumn);
    if (newField.type().isPositive() && !oldField.type().isPositive()) {
      run("ALTER TABLE " + q(table) + " ADD CONSTRAINT " + q(checkName(table, newColumn))
          + " CHECK (" + q(newColumn) + " >= 0)", null);
    }
    if (newField.type().isForeignKey() && (fkChanged || !oldField.type().isForeignKey())) {
      addForeignKey(toState, newModel, newName, newField);
    }
    if (!java.util.Objects.equals(oldField.dbComment(), newField.dbComment())) {
      commentOnColumn(table, newColumn, newField.dbComment());
    }
  }

  /**
   * Retypes the columns that point at {@code model}'s column {@code column}, which just changed
   * type (AutoField to BigAutoField), so that keys keep the type of what they point at, as Django
   * does for related fields. {@code oldKeyType} is the type those columns have now.
   */
  protected void alterRelatedColumnTypes(ProjectState state, ModelState model, String column,
      Field oldKeyType) throws SQLException {
    for (ModelState other : state.models()) {
      if (!other.managed()) continue;
      for (Map.Entry<Name, Field> e : other.fields().entrySet()) {
        Field f = e.getValue();
        if (f.to() == null) continue;
        if (JoinTable.isAutoCreated(f)) {
          ModelState join = JoinTable.model(state, other, e.getKey(), f);
          for (Map.Entry<Name, Field> j : join.fields().entrySet()) {
            alterRelatedColumnType(state, join, j.getKey(), j.getValue(), model, column, oldKeyType);
          }
        } else {
          alterRelatedColumnType(state, other, e.getKey(), f, model, column, oldKeyType);
        }
      }
    }
  }

  private void alterRelatedColumnType(ProjectState state, ModelState source, Name name, Field f,
      ModelState target, String column, Field oldKeyType) throws SQLException {
    if (!f.type().isForeignKey()
        || !ModelKey.resolve(source.app(), f.to()).equals(target.key())
        || !Relations.targetColumn(target, f).equals(column)) {
      return;
    }
    changeColumnType(source.table(), f.column(name), oldKeyType,
        Relations.columnType(state, source, f));
  }

  /**
   * {@code ALTER COLUMN ... TYPE}, converting by assignment: the standard's conversion, which
   * fails on a value the new type cannot hold rather than changing it. A dialect adds what its
   * casts need.
   */
  protected void changeColumnType(String table, String column, Field oldTyped, Field newTyped)
      throws SQLException {
    run("ALTER TABLE " + q(table) + " ALTER COLUMN " + q(column) + " TYPE "
        + alterColumnType(newTyped), null);
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
    if (oldAuto) {
      dropTable(JoinTable.tableName(oldModel, oldName, oldField), null);
    }
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

  /** The type {@code ALTER COLUMN ... TYPE} takes for a field. */
  protected String alterColumnType(Field typed) {
    return dialect.columnType(typed);
  }

  // ---- indexes and constraints ----------------------------------------------------------------

  public void addIndex(ModelState model, Index index) throws SQLException {
    if (!model.managed()) return;
    run(createIndexSql(model, index), null);
  }

  public void removeIndex(ModelState model, Index index) throws SQLException {
    if (!model.managed()) return;
    dropIndex(index.name());
  }

  public void renameIndex(ModelState model, String oldName, String newName) throws SQLException {
    if (!model.managed()) return;
    run("ALTER INDEX " + q(oldName) + " RENAME TO " + q(newName), null);
  }

  /** Adds {@code constraint}, which {@code model} (as in {@code state}) already has. */
  public void addConstraint(ProjectState state, ModelState model, Constraint constraint)
      throws SQLException {
    if (!model.managed()) return;
    if (constraint.kind() == Constraint.Kind.UNIQUE && constraint.condition() != null) {
      run(createIndexSql(model, new Index(constraint.name(), constraint.fields(), true,
          constraint.condition())), null);
    } else {
      run("ALTER TABLE " + q(model.table()) + " ADD " + constraintDefinition(model, constraint),
          null);
    }
  }

  /** Removes {@code constraint}, which {@code model} (as in {@code state}) still has. */
  public void removeConstraint(ProjectState state, ModelState model, Constraint constraint)
      throws SQLException {
    if (!model.managed()) return;
    if (constraint.kind() == Constraint.Kind.UNIQUE && constraint.condition() != null) {
      dropIndex(constraint.name());
    } else {
      dropCheck(model.table(), constraint.name());
    }
  }

  /** The connection statements run on, or empty when they are only collected. */
  public java.util.Optional<java.sql.Connection> connection() {
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

  /** CREATE TABLE for {@code model}'s columns under {@code table} (another name while remaking). */
  protected String createTableSql(ProjectState state, ModelState model, String table) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Name, Field> e : model.fields().entrySet()) {
      if (e.getValue().hasColumn()) parts.add(columnDefinition(state, model, e.getKey(), e.getValue()));
    }
    parts.addAll(inlineTableConstraints(state, model));
    return "CREATE TABLE " + q(table) + " (" + String.join(", ", parts) + ")";
  }

  /** {@code "name" type [DEFAULT ..] [PRIMARY KEY] NOT NULL [CHECK ..]}: one column of CREATE TABLE. */
  protected String columnDefinition(ProjectState state, ModelState model, Name name, Field field) {
    String column = field.column(name);
    StringBuilder sql = new StringBuilder(q(column)).append(' ')
        .append(dialect.columnType(Relations.columnType(state, model, field)));
    if (field.dbDefault() != null) sql.append(" DEFAULT ").append(field.dbDefault());
    if (field.primaryKey()) sql.append(" PRIMARY KEY");
    sql.append(field.nullable() && !field.primaryKey() ? " NULL" : " NOT NULL");
    if (field.type().isPositive()) {
      sql.append(" CONSTRAINT ").append(q(checkName(model.table(), column)))
          .append(" CHECK (").append(q(column)).append(" >= 0)");
    }
    return sql.toString();
  }

  /**
   * Table-level parts of CREATE TABLE: unique fields and check constraints. Unique constraints
   * come after it: CREATE TABLE silently drops a UNIQUE whose columns the primary key or another
   * UNIQUE already cover (PostgreSQL's transformIndexConstraints), and its name with it.
   */
  protected List<String> inlineTableConstraints(ProjectState state, ModelState model) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Name, Field> e : model.fields().entrySet()) {
      Field f = e.getValue();
      if (f.hasColumn() && f.isUnique() && !f.primaryKey()) {
        String column = f.column(e.getKey());
        parts.add("CONSTRAINT " + q(uniqueName(model.table(), column)) + " UNIQUE (" + q(column) + ")");
      }
    }
    for (Constraint c : model.constraints()) {
      if (c.kind() == Constraint.Kind.CHECK) parts.add(constraintDefinition(model, c));
    }
    return parts;
  }

  /** What follows CREATE TABLE: foreign keys, field indexes, model indexes, partial uniques. */
  protected void createTableExtras(ProjectState state, ModelState model) throws SQLException {
    for (Map.Entry<Name, Field> e : model.fields().entrySet()) {
      Field f = e.getValue();
      if (f.type().isForeignKey()) addForeignKey(state, model, e.getKey(), f);
      if (f.hasIndex()) createFieldIndex(model.table(), f.column(e.getKey()));
    }
    for (Index index : model.indexes()) run(createIndexSql(model, index), null);
    for (Constraint c : model.constraints()) {
      if (c.kind() == Constraint.Kind.UNIQUE && c.condition() != null) {
        run(createIndexSql(model, new Index(c.name(), c.fields(), true, c.condition())), null);
      } else if (c.kind() == Constraint.Kind.UNIQUE) {
        run("ALTER TABLE " + q(model.table()) + " ADD " + constraintDefinition(model, c), null);
      }
    }
  }

  /** What follows ADD COLUMN: uniqueness, its index and its foreign key. */
  protected void addFieldExtras(ProjectState state, ModelState model, Name name, Field field)
      throws SQLException {
    String column = field.column(name);
    if (field.isUnique() && !field.primaryKey()) addUnique(model.table(), column);
    if (field.hasIndex()) createFieldIndex(model.table(), column);
    if (field.type().isForeignKey()) addForeignKey(state, model, name, field);
    if (field.dbComment() != null) commentOnColumn(model.table(), column, field.dbComment());
  }

  protected String constraintDefinition(ModelState model, Constraint c) {
    if (c.kind() == Constraint.Kind.CHECK) {
      requireQuotedColumns(model, "CheckConstraint '" + c.name() + "'", c.check());
      return "CONSTRAINT " + q(c.name()) + " CHECK (" + c.check() + ")";
    }
    return "CONSTRAINT " + q(c.name()) + " UNIQUE (" + columnList(model, c.fields()) + ")";
  }

  protected String createIndexSql(ModelState model, Index index) {
    requireQuotedColumns(model, "the condition of '" + index.name() + "'", index.condition());
    return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + q(index.name()) + " ON "
        + q(model.table()) + " (" + columnList(model, index.fields()) + ")"
        + (index.condition() != null ? " WHERE " + index.condition() : "");
  }

  /**
   * Refuses raw SQL where a double-quoted name stands for a column the table does not have, on a
   * database that would read it as a string: {@code "price" >= 0} would become {@code 'price' >=
   * 0}, always true, and the check would guard nothing. Names compare as SQLite does, whatever
   * their case; a function's, collation's, type's or table's name is left alone.
   */
  private void requireQuotedColumns(ModelState model, String what, String sql) {
    if (sql == null || !dialect.features().has(Feature.UNKNOWN_QUOTED_NAMES_ARE_STRINGS)) return;
    List<String> columns = new ArrayList<>();
    for (Map.Entry<Name, Field> e : model.fields().entrySet()) {
      if (e.getValue().hasColumn()) columns.add(e.getValue().column(e.getKey()));
    }
    for (SqlIdentifiers.Identifier id : SqlIdentifiers.of(sql)) {
      if (id.quote() != '"' || !id.isColumnPosition()) continue;
      if (columns.stream().anyMatch(c -> c.equalsIgnoreCase(id.name()))) continue;
      throw new UnsupportedSchemaChange(what + " of model " + model.key() + " names the column \""
          + id.name() + "\", which table " + model.table() + " does not have (its columns: "
          + String.join(", ", columns) + "); the database would read it as the string '"
          + id.name() + "' and compare that instead, silently. Name one of the model's"
          + " columns in the models file and in the migration that adds it.");
    }
  }

  protected void addForeignKey(ProjectState state, ModelState model, Name name, Field field)
      throws SQLException {
    ModelState target = state.relatedModel(model.app(), field);
    String column = field.column(name);
    String targetColumn = Relations.targetColumn(target, field);
    run("ALTER TABLE " + q(model.table()) + " ADD CONSTRAINT "
        + q(GeneratedNames.foreignKey(model.table(), column, target.table(), targetColumn))
        + " FOREIGN KEY (" + q(column) + ") REFERENCES " + q(target.table()) + " (" + q(targetColumn)
        + ") ON DELETE " + field.effectiveOnDelete().sql() + " DEFERRABLE INITIALLY DEFERRED", null);
  }

  /** Drops the foreign key on {@code column}, which points at {@code target}. */
  protected void dropForeignKey(ModelState model, String table, String column, KeyTarget target)
      throws SQLException {
    dropImplied(model, table, column, TableObject.Kind.FOREIGN_KEY,
        GeneratedNames.foreignKey(table, column, target.table(), target.column()));
  }

  /**
   * Called after the editor changed rows itself, before it alters the table again: a database
   * that queued deferred checks for the change runs them here (see PostgreSQL's editor).
   */
  protected void afterUpdatingRows() throws SQLException {}

  protected void addUnique(String table, String column) throws SQLException {
    run("ALTER TABLE " + q(table) + " ADD CONSTRAINT " + q(uniqueName(table, column))
        + " UNIQUE (" + q(column) + ")", null);
  }

  protected void dropUnique(ModelState model, String table, String column) throws SQLException {
    dropImplied(model, table, column, TableObject.Kind.UNIQUE, uniqueName(table, column));
  }

  protected void createFieldIndex(String table, String column) throws SQLException {
    run("CREATE INDEX " + q(indexName(table, column)) + " ON " + q(table) + " (" + q(column) + ")",
        null);
  }

  /** Drops a table and whatever depends on it. */
  protected void dropTable(String table, String comment) throws SQLException {
    run("DROP TABLE " + q(table) + " CASCADE", comment);
  }

  protected void dropIndex(String name) throws SQLException {
    run("DROP INDEX " + q(name), null);
  }

  /** Drops a named table constraint of any kind. */
  protected void dropCheck(String table, String name) throws SQLException {
    run("ALTER TABLE " + q(table) + " DROP CONSTRAINT " + q(name), null);
  }

  protected void commentOnColumn(String table, String column, String comment) throws SQLException {
    run("COMMENT ON COLUMN " + q(table) + "." + q(column) + " IS "
        + (comment == null ? "NULL" : dialect.literal(comment)), null);
  }

  // ---- the names of what a field implies ------------------------------------------------------

  /** The table and column a foreign key points at. */
  protected record KeyTarget(String table, String column) {}

  /**
   * Where {@code field} of {@code model} points, or {@code null} for a field that is no key. The
   * target is read from {@code state}, except {@code renamed}, an older form of a model that
   * {@code state} holds under another name or table.
   */
  protected static KeyTarget keyTarget(ProjectState state, ModelState model, Field field,
      ModelState renamed) {
    if (!field.type().isForeignKey()) return null;
    ModelKey key = ModelKey.resolve(model.app(), field.to());
    ModelState target = renamed != null && renamed.key().equals(key) ? renamed
        : state.requireModel(key);
    return new KeyTarget(target.table(), Relations.targetColumn(target, field));
  }

  /** Said on a statement that names an object by the name Cairn gives it, found without a database. */
  static final String GENERATED_NAME_NOTE =
      "%s: the name Cairn and Django generate; migrate finds the name the database has";

  /**
   * Drops the objects of {@code kind} a field implies on {@code column}: on a live connection the
   * ones the database has there, whatever their names, as Django's schema editor finds them
   * ({@code _constraint_names}: by table, columns and kind, the model's own indexes and
   * constraints left out); without one, the one named {@code generated}.
   */
  protected void dropImplied(ModelState model, String table, String column, TableObject.Kind kind,
      String generated) throws SQLException {
    Optional<List<TableObject>> found = existing(model, table, List.of(column), kind);
    if (found.isEmpty()) {
      dropObject(table, generated, kind != TableObject.Kind.INDEX,
          connection().isEmpty() ? String.format(GENERATED_NAME_NOTE, generated) : null);
      return;
    }
    for (TableObject o : found.get()) dropObject(table, o.name(), o.isConstraint(), null);
  }

  /**
   * Renames the object of {@code kind} a field implies on {@code columns} to the name Cairn
   * generates, {@code to}: from the name the database has on a live connection, else from the
   * name Cairn generated before, {@code from}. Where the database has several (an index and
   * Django's {@code _like} index) or none, they keep their names: lookups find them by columns.
   */
  protected void renameImplied(ModelState model, String table, List<String> columns,
      TableObject.Kind kind, String from, String to) throws SQLException {
    Optional<List<TableObject>> found = existing(model, table, columns, kind);
    boolean isConstraint = kind != TableObject.Kind.INDEX;
    String note = null;
    if (found.isPresent()) {
      List<TableObject> plain = found.get().stream().filter(o -> !o.patternOps()).toList();
      if (plain.size() != 1) return;
      from = plain.get(0).name();
      isConstraint = plain.get(0).isConstraint();
    } else if (connection().isEmpty() && !from.equals(to)) {
      note = String.format(GENERATED_NAME_NOTE, from);
    }
    if (from.equals(to)) return;
    if (isConstraint) {
      run("ALTER TABLE " + q(table) + " RENAME CONSTRAINT " + q(from) + " TO " + q(to), note);
    } else {
      run("ALTER INDEX " + q(from) + " RENAME TO " + q(to), note);
    }
  }

  /**
   * Drops the {@code *_pattern_ops} indexes Django makes on PostgreSQL beside a varchar or text
   * column's index ({@code _like}): they go with the index or unique constraint they serve, and
   * cannot stay on a column that is no longer text. Cairn makes none, so only a live database
   * can have them.
   */
  protected void dropPatternIndexes(String table, String column) throws SQLException {
    Optional<List<TableObject>> found = existing(null, table, List.of(column), TableObject.Kind.INDEX);
    if (found.isEmpty()) return;
    for (TableObject o : found.get()) {
      if (o.patternOps()) dropObject(table, o.name(), false, null);
    }
  }

  /**
   * The objects of {@code kind} over exactly {@code columns} of {@code table} that the live
   * database has, leaving out those {@code model} declares as its own indexes and constraints;
   * empty when only collecting, or where the dialect never needs to look.
   */
  private Optional<List<TableObject>> existing(ModelState model, String table,
      List<String> columns, TableObject.Kind kind) throws SQLException {
    if (!dialect.features().has(Feature.LOOKS_UP_OBJECT_NAMES)) return Optional.empty();
    Optional<java.sql.Connection> c = connection();
    if (c.isEmpty()) return Optional.empty();
    java.util.Set<String> declared = new java.util.HashSet<>();
    if (model != null) {
      for (Index i : model.indexes()) declared.add(i.name());
      for (Constraint k : model.constraints()) declared.add(k.name());
    }
    List<TableObject> all = dialect.tableObjects(c.get(), table).orElse(List.of());
    return Optional.of(all.stream().filter(o -> o.kind() == kind && o.columns().equals(columns)
        && !declared.contains(o.name())).toList());
  }

  private void dropObject(String table, String name, boolean isConstraint, String comment)
      throws SQLException {
    if (isConstraint) {
      run("ALTER TABLE " + q(table) + " DROP CONSTRAINT " + q(name), comment);
    } else {
      run("DROP INDEX " + q(name), comment);
    }
  }

  /**
   * Keeps the generated names of a column's indexes and constraints in step with a rename of the
   * column or table, so that the schema says what the state says; {@code model} is the model (or
   * join table) after the rename.
   */
  protected void renameGeneratedObjects(ModelState model, String oldTable, String oldColumn,
      Field oldField, KeyTarget oldTarget, String newTable, String newColumn, Field newField,
      KeyTarget newTarget) throws SQLException {
    List<String> columns = List.of(newColumn);
    if (oldTarget != null && newTarget != null) {
      renameImplied(model, newTable, columns, TableObject.Kind.FOREIGN_KEY,
          GeneratedNames.foreignKey(oldTable, oldColumn, oldTarget.table(), oldTarget.column()),
          GeneratedNames.foreignKey(newTable, newColumn, newTarget.table(), newTarget.column()));
    }
    if (oldField.isUnique() && !oldField.primaryKey() && newField.isUnique()) {
      renameImplied(model, newTable, columns, TableObject.Kind.UNIQUE,
          uniqueName(oldTable, oldColumn), uniqueName(newTable, newColumn));
    }
    if (oldField.hasIndex() && newField.hasIndex()) {
      renameImplied(model, newTable, columns, TableObject.Kind.INDEX,
          indexName(oldTable, oldColumn), indexName(newTable, newColumn));
    }
    if (oldField.type().isPositive() && newField.type().isPositive()) {
      renameImplied(model, newTable, columns, TableObject.Kind.CHECK,
          checkName(oldTable, oldColumn), checkName(newTable, newColumn));
    }
  }

  protected static String uniqueName(String table, String column) {
    return GeneratedNames.unique(table, column);
  }

  protected static String indexName(String table, String column) {
    return GeneratedNames.index(table, column);
  }

  protected static String checkName(String table, String column) {
    return GeneratedNames.check(table, column);
  }

  private static boolean isStringType(Field f) {
    return f.type().hasMaxLength() || f.type() == dev.cairn.state.FieldType.TEXT;
  }

  private static List<String> columns(ModelState model, List<Name> fields) {
    List<String> columns = new ArrayList<>();
    for (Name n : fields) {
      Name declared = model.declaredName(n);
      columns.add(model.requireField(declared).column(declared));
    }
    return columns;
  }

  protected String columnList(ModelState model, List<Name> fields) {
    List<String> columns = new ArrayList<>();
    for (Name n : fields) {
      Name declared = model.declaredName(n);
      columns.add(q(model.requireField(declared).column(declared)));
    }
    return String.join(", ", columns);
  }

  protected String q(String identifier) {
    return dialect.quote(identifier);
  }

  protected void run(String sql, String comment) throws SQLException {
    sink.accept(new SqlStatement(sql, List.of(), comment));
  }

  protected void run(SqlStatement statement) throws SQLException {
    sink.accept(statement);
  }
}
