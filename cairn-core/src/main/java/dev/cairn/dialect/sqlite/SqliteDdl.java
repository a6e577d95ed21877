package dev.cairn.dialect.sqlite;

import static dev.cairn.schema.Effect.BLOCKS_WRITES;
import static dev.cairn.schema.Effect.REWRITES_TABLE;
import static dev.cairn.schema.Effect.SCANS_TABLE;

import dev.cairn.schema.Effect;
import dev.cairn.schema.GeneratedNames;
import dev.cairn.schema.Relations;
import dev.cairn.schema.SqlStatement;
import dev.cairn.schema.StandardDdl;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.Index;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQLite's SQL. Foreign keys are declared with their column, and unique fields and constraints
 * are named unique indexes, so that every object Cairn creates has the name the state gives it.
 * What SQLite's ALTER TABLE cannot do (change a column, add or drop a constraint) has no
 * template here: {@link SqliteSchemaEditor} remakes the table instead, with {@link #copyRows}.
 *
 * <p>Effects: a writing transaction keeps every other writer of the database out until it ends,
 * and readers go on (in WAL mode; in rollback mode they wait only while it commits), so a long
 * statement blocks writes, never reads; the remake's copy rewrites the table.
 */
final class SqliteDdl extends StandardDdl {
  SqliteDdl(SqliteDialect dialect) {
    super(dialect);
  }

  // ---- tables and columns ---------------------------------------------------------------------

  /** Unique fields are unique indexes, added after CREATE TABLE under Cairn's names. */
  @Override public boolean createTableDeclaresUniqueFields() {
    return false;
  }

  /**
   * ADD COLUMN changes only the schema text; a CHECK on the new column is tested against every
   * row (SQLite 3.37+). The remake adds the others.
   */
  @Override protected Set<Effect> addColumnEffects(Field field, boolean fill) {
    return field.type().isPositive() ? Set.of(BLOCKS_WRITES, SCANS_TABLE) : CATALOG_ONLY;
  }

  /** AUTOINCREMENT never reuses the id of a deleted row, as Django's backend does. */
  @Override protected String primaryKey(Field field) {
    return field.type().isAuto() ? " PRIMARY KEY AUTOINCREMENT" : " PRIMARY KEY";
  }

  /** A foreign key is part of its column: SQLite cannot add one to a table. */
  @Override protected String columnDefinition(ProjectState state, ModelState model, Name name,
      Field field, boolean fill) {
    String sql = super.columnDefinition(state, model, name, field, fill);
    if (!field.type().isForeignKey()) return sql;
    ModelState target = state.relatedModel(model.app(), field);
    return sql + " REFERENCES " + q(target.table()) + " ("
        + q(Relations.targetColumn(target, field)) + ") ON DELETE "
        + field.effectiveOnDelete().sql() + deferrable();
  }

  @Override public SqlStatement alterColumnType(Column column, Field oldType) {
    throw remakeOnly("change a column's type");
  }

  @Override public SqlStatement alterColumnNull(Column column) {
    throw remakeOnly("change a column's NULL");
  }

  @Override public SqlStatement alterColumnDefault(Column column) {
    throw remakeOnly("change a column's default");
  }

  // ---- indexes and constraints ----------------------------------------------------------------

  @Override public SqlStatement renameIndex(String table, String oldName, String newName) {
    throw new IllegalStateException("SQLite has no ALTER INDEX; the index is made again");
  }

  @Override public List<SqlStatement> addForeignKey(ForeignKey key) {
    return List.of(); // declared with its column by CREATE TABLE
  }

  @Override public SqlStatement dropForeignKey(String table, String name) {
    throw remakeOnly("drop a foreign key");
  }

  @Override public SqlStatement addUnique(String table, String column) {
    return statement("CREATE UNIQUE INDEX " + q(GeneratedNames.unique(table, column)) + " ON "
        + q(table) + " (" + q(column) + ")", table, INDEX_BUILD);
  }

  @Override public SqlStatement dropUnique(String table, String name) {
    return dropIndex(table, name);
  }

  @Override public SqlStatement addPositiveCheck(String table, String column) {
    throw remakeOnly("add a check");
  }

  @Override public SqlStatement dropCheck(String table, String name) {
    throw remakeOnly("drop a check");
  }

  @Override public SqlStatement addConstraint(ModelState model, Constraint c) {
    if (c.kind() != Constraint.Kind.UNIQUE) throw remakeOnly("add a check");
    return createIndex(model, new Index(c.name(), c.fields(), true, c.condition()));
  }

  @Override public SqlStatement dropConstraint(ModelState model, Constraint c) {
    if (c.kind() != Constraint.Kind.UNIQUE) throw remakeOnly("drop a check");
    return dropIndex(model.table(), c.name());
  }

  @Override public SqlStatement renameConstraint(String table, String oldName, String newName) {
    throw remakeOnly("rename a constraint");
  }

  // ---- the table remake -----------------------------------------------------------------------

  /**
   * {@code INSERT INTO new (..) SELECT .. FROM old}: old columns kept, new ones defaulted. {@code
   * oldTable} is where the old rows are now, which differs from the old model's table once the
   * table was renamed.
   */
  SqlStatement copyRows(TableRemake remake, String newTable, String oldTable) {
    List<String> targets = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    for (Map.Entry<String, TableRemake.Source> e : remake.filledColumns().entrySet()) {
      TableRemake.Source source = e.getValue();
      targets.add(q(e.getKey()));
      if (source.oldColumn() == null) {
        sources.add(source.hasValue() ? "?" : "NULL");
      } else {
        sources.add(source.hasValue() ? "coalesce(" + q(source.oldColumn()) + ", ?)"
            : q(source.oldColumn()));
      }
      if (source.hasValue()) params.add(source.value());
    }
    return new SqlStatement("INSERT INTO " + q(newTable) + " (" + String.join(", ", targets)
        + ") SELECT " + String.join(", ", sources) + " FROM " + q(oldTable), params, null,
        Set.of(BLOCKS_WRITES, REWRITES_TABLE), oldTable);
  }

  /**
   * The copy starts the new table's AUTOINCREMENT counter at its highest id: these carry over the
   * old one, so that the ids of deleted rows are still never reused.
   */
  List<SqlStatement> keepAutoincrementCounter(String newTable, String oldTable) {
    return List.of(
        new SqlStatement("DELETE FROM sqlite_sequence WHERE name = ?", List.of(newTable), null),
        new SqlStatement("INSERT INTO sqlite_sequence (name, seq) SELECT ?, seq"
            + " FROM sqlite_sequence WHERE name = ?", List.of(newTable, oldTable), null));
  }

  private static IllegalStateException remakeOnly(String change) {
    return new IllegalStateException("SQLite's ALTER TABLE cannot " + change
        + "; SqliteSchemaEditor remakes the table instead");
  }
}
