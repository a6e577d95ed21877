package dev.cairn.schema;

import static dev.cairn.schema.Effect.BLOCKS_READS;
import static dev.cairn.schema.Effect.BLOCKS_WRITES;
import static dev.cairn.schema.Effect.REWRITES_TABLE;
import static dev.cairn.schema.Effect.SCANS_TABLE;

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
import java.util.regex.Pattern;

/**
 * The forms of {@link Ddl} the SQL standard gives, and where it gives none, the form PostgreSQL,
 * H2 and Oracle share ({@code DROP INDEX name}, {@code ALTER INDEX .. RENAME TO}, {@code COMMENT
 * ON}); deferrable keys and comments where the dialect's {@link Features} have them. What only
 * some databases have (CASCADE on drops, {@code USING}) belongs to their dialect's subclass, which
 * overrides a method or one of the small hooks below.
 *
 * <p>Each statement carries its {@link Effect}s and table, as PostgreSQL's lock levels give them
 * (the strictest of the databases Cairn speaks to, so a dialect overrides where it does better):
 * a catalog change locks for an instant and carries none; ALTER TABLE holds ACCESS EXCLUSIVE,
 * blocking reads and writes, for as long as it checks (SET NOT NULL, ADD CONSTRAINT) or rewrites
 * the table; CREATE INDEX blocks writes while it reads the table.
 */
public class StandardDdl implements Ddl {
  /** A change to the catalog only, under a lock held for an instant. */
  protected static final Set<Effect> CATALOG_ONLY = Set.of();
  /** Reads every row under a lock that blocks reads and writes (ADD CONSTRAINT, SET NOT NULL). */
  protected static final Set<Effect> LOCKED_SCAN = Set.of(BLOCKS_READS, BLOCKS_WRITES, SCANS_TABLE);
  /** Writes the table anew under a lock that blocks reads and writes. */
  protected static final Set<Effect> LOCKED_REWRITE =
      Set.of(BLOCKS_READS, BLOCKS_WRITES, REWRITES_TABLE);
  /** Builds an index: reads go on, writes wait (PostgreSQL's SHARE lock). */
  protected static final Set<Effect> INDEX_BUILD = Set.of(BLOCKS_WRITES, SCANS_TABLE);

  /** A constant default: a number, a string, TRUE, FALSE or NULL, perhaps cast. */
  private static final Pattern CONSTANT = Pattern.compile(
      "(?i)\\(?\\s*('(?:[^']|'')*'|[-+]?\\d+(?:\\.\\d+)?|true|false|null)\\s*\\)?(::[\\w ()]+)?");

  protected final Dialect dialect;

  public StandardDdl(Dialect dialect) {
    this.dialect = dialect;
  }

  // ---- tables ---------------------------------------------------------------------------------

  @Override public SqlStatement createTable(ProjectState state, ModelState model, String table) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Name, Field> e : model.fields().entrySet()) {
      if (e.getValue().hasColumn()) {
        parts.add(columnDefinition(state, model, e.getKey(), e.getValue(), false));
      }
    }
    parts.addAll(inlineTableConstraints(model));
    return statement("CREATE TABLE " + q(table) + " (" + String.join(", ", parts) + ")", table,
        CATALOG_ONLY);
  }

  @Override public boolean createTableDeclaresUniqueFields() {
    return true;
  }

  @Override public SqlStatement renameTable(String oldTable, String newTable) {
    return statement("ALTER TABLE " + q(oldTable) + " RENAME TO " + q(newTable), oldTable,
        CATALOG_ONLY);
  }

  @Override public SqlStatement dropTable(String table) {
    return statement("DROP TABLE " + q(table), table, CATALOG_ONLY);
  }

  @Override public List<SqlStatement> commentOnTable(String table, String comment) {
    if (!dialect.features().has(Feature.COMMENTS)) return List.of();
    return List.of(statement("COMMENT ON TABLE " + q(table) + " IS " + commentLiteral(comment),
        table, CATALOG_ONLY));
  }

  // ---- columns --------------------------------------------------------------------------------

  @Override public SqlStatement addColumn(ProjectState state, ModelState model, Name name,
      boolean fill) {
    Field field = model.requireField(name);
    return statement("ALTER TABLE " + q(model.table()) + " ADD COLUMN "
        + columnDefinition(state, model, name, field, fill), model.table(),
        addColumnEffects(field, fill));
  }

  /**
   * A column with a default that is no constant (it might be volatile, as {@code random()}) or,
   * before PostgreSQL 11 ({@link Feature#INSTANT_ADD_COLUMN}), any default, is written into every
   * row; a Positive* field's check is tested against every row.
   */
  protected Set<Effect> addColumnEffects(Field field, boolean fill) {
    boolean constantDefault = fill
        || (field.dbDefault() != null && CONSTANT.matcher(field.dbDefault().trim()).matches());
    boolean rewrites = (fill || field.dbDefault() != null)
        && !(constantDefault && dialect.features().has(Feature.INSTANT_ADD_COLUMN));
    if (rewrites) return LOCKED_REWRITE;
    return field.type().isPositive() ? LOCKED_SCAN : CATALOG_ONLY;
  }

  @Override public SqlStatement dropColumn(String table, String column) {
    return statement("ALTER TABLE " + q(table) + " DROP COLUMN " + q(column), table,
        CATALOG_ONLY);
  }

  @Override public SqlStatement renameColumn(String table, String oldColumn, String newColumn) {
    return statement("ALTER TABLE " + q(table) + " RENAME COLUMN " + q(oldColumn) + " TO "
        + q(newColumn), table, CATALOG_ONLY);
  }

  @Override public List<SqlStatement> guardTypeChange(Column column, Field oldType) {
    return List.of(); // the standard's conversion by assignment fails on what it cannot hold
  }

  @Override public SqlStatement alterColumnType(Column column, Field oldType) {
    return alterColumn(column, "SET DATA TYPE " + dialect.columnType(column.type()),
        LOCKED_REWRITE);
  }

  @Override public SqlStatement alterColumnNull(Column column) {
    return column.field().nullable() ? alterColumn(column, "DROP NOT NULL", CATALOG_ONLY)
        : alterColumn(column, "SET NOT NULL", LOCKED_SCAN);
  }

  @Override public SqlStatement alterColumnDefault(Column column) {
    String dbDefault = column.field().dbDefault();
    return alterColumn(column, dbDefault == null ? "DROP DEFAULT" : "SET DEFAULT " + dbDefault,
        CATALOG_ONLY);
  }

  /**
   * A literal, not a bound value: a string bound for a date or uuid column would not be cast by
   * the server.
   */
  @Override public SqlStatement updateNullRows(Column column) {
    String c = q(column.name());
    return statement("UPDATE " + q(column.table()) + " SET " + c + " = "
        + dialect.literal(column.field().defaultValue()) + " WHERE " + c + " IS NULL",
        column.table(), Set.of(SCANS_TABLE));
  }

  @Override public List<SqlStatement> afterUpdatingRows() {
    return List.of();
  }

  @Override public List<SqlStatement> commentOnColumn(String table, String column,
      String comment) {
    if (!dialect.features().has(Feature.COMMENTS)) return List.of();
    return List.of(statement("COMMENT ON COLUMN " + q(table) + "." + q(column) + " IS "
        + commentLiteral(comment), table, CATALOG_ONLY));
  }

  // ---- indexes --------------------------------------------------------------------------------

  @Override public SqlStatement createIndex(ModelState model, Index index) {
    QuotedColumns.require(dialect, model, "the condition of '" + index.name() + "'",
        index.condition());
    return statement("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + q(index.name())
        + " ON " + q(model.table()) + " (" + columnList(model, index.fields()) + ")"
        + (index.condition() != null ? " WHERE " + index.condition() : ""), model.table(),
        INDEX_BUILD);
  }

  @Override public SqlStatement createFieldIndex(String table, String column) {
    return statement("CREATE INDEX " + q(GeneratedNames.index(table, column)) + " ON " + q(table)
        + " (" + q(column) + ")", table, INDEX_BUILD);
  }

  @Override public SqlStatement dropIndex(String table, String name) {
    return statement("DROP INDEX " + q(name), table, CATALOG_ONLY);
  }

  @Override public SqlStatement renameIndex(String table, String oldName, String newName) {
    return statement("ALTER INDEX " + q(oldName) + " RENAME TO " + q(newName), table,
        CATALOG_ONLY);
  }

  // ---- constraints ----------------------------------------------------------------------------

  /**
   * Checks every row while it blocks writes to both tables (SHARE ROW EXCLUSIVE on each): the
   * statement names the table the key is on; the table it points at waits as long.
   */
  @Override public List<SqlStatement> addForeignKey(ForeignKey key) {
    return List.of(statement("ALTER TABLE " + q(key.table()) + " ADD CONSTRAINT " + q(key.name())
        + " FOREIGN KEY (" + q(key.column()) + ") REFERENCES " + q(key.targetTable()) + " ("
        + q(key.targetColumn()) + ") ON DELETE " + key.onDelete().sql() + deferrable(),
        key.table(), Set.of(BLOCKS_WRITES, SCANS_TABLE)));
  }

  @Override public SqlStatement dropForeignKey(String table, String name) {
    return dropTableConstraint(table, name);
  }

  @Override public SqlStatement addUnique(String table, String column) {
    return statement("ALTER TABLE " + q(table) + " ADD CONSTRAINT "
        + q(GeneratedNames.unique(table, column)) + " UNIQUE (" + q(column) + ")", table,
        LOCKED_SCAN);
  }

  @Override public SqlStatement dropUnique(String table, String name) {
    return dropTableConstraint(table, name);
  }

  @Override public SqlStatement addPositiveCheck(String table, String column) {
    return statement("ALTER TABLE " + q(table) + " ADD " + positiveCheck(table, column), table,
        LOCKED_SCAN);
  }

  @Override public SqlStatement dropCheck(String table, String name) {
    return dropTableConstraint(table, name);
  }

  /** A unique constraint with a condition is a partial unique index: no constraint has one. */
  @Override public SqlStatement addConstraint(ModelState model, Constraint c) {
    if (c.kind() == Constraint.Kind.UNIQUE && c.condition() != null) {
      return createIndex(model, new Index(c.name(), c.fields(), true, c.condition()));
    }
    return statement("ALTER TABLE " + q(model.table()) + " ADD " + constraintDefinition(model, c),
        model.table(), LOCKED_SCAN);
  }

  @Override public SqlStatement dropConstraint(ModelState model, Constraint c) {
    if (c.kind() == Constraint.Kind.UNIQUE && c.condition() != null) {
      return dropIndex(model.table(), c.name());
    }
    return c.kind() == Constraint.Kind.UNIQUE ? dropUnique(model.table(), c.name())
        : dropCheck(model.table(), c.name());
  }

  @Override public SqlStatement renameConstraint(String table, String oldName, String newName) {
    return statement("ALTER TABLE " + q(table) + " RENAME CONSTRAINT " + q(oldName) + " TO "
        + q(newName), table, CATALOG_ONLY);
  }

  // ---- hooks, for dialects --------------------------------------------------------------------

  /**
   * {@code "name" type [DEFAULT ..] [PRIMARY KEY] NOT NULL [CHECK ..]}: one column of CREATE TABLE
   * or ADD COLUMN; with {@code fill}, the field's default as the column's, for the rows there.
   */
  protected String columnDefinition(ProjectState state, ModelState model, Name name, Field field,
      boolean fill) {
    String column = field.column(name);
    StringBuilder sql = new StringBuilder(q(column)).append(' ')
        .append(dialect.columnType(Relations.columnType(state, model, field)));
    if (field.dbDefault() != null) sql.append(" DEFAULT ").append(field.dbDefault());
    if (field.primaryKey()) sql.append(primaryKey(field));
    if (fill) sql.append(" DEFAULT ").append(dialect.literal(field.defaultValue()));
    sql.append(field.nullable() && !field.primaryKey() ? " NULL" : " NOT NULL");
    if (field.type().isPositive()) sql.append(' ').append(positiveCheck(model.table(), column));
    return sql.toString();
  }

  /** The words that make a column the primary key. */
  protected String primaryKey(Field field) {
    return " PRIMARY KEY";
  }

  /**
   * Table-level parts of CREATE TABLE: unique fields (where {@link
   * #createTableDeclaresUniqueFields}) and check constraints. Unique constraints come after it:
   * CREATE TABLE silently drops a UNIQUE whose columns the primary key or another UNIQUE already
   * cover (PostgreSQL's transformIndexConstraints), and its name with it.
   */
  protected List<String> inlineTableConstraints(ModelState model) {
    List<String> parts = new ArrayList<>();
    if (createTableDeclaresUniqueFields()) {
      for (Map.Entry<Name, Field> e : model.fields().entrySet()) {
        Field f = e.getValue();
        if (f.hasColumn() && f.isUnique() && !f.primaryKey()) {
          String column = f.column(e.getKey());
          parts.add("CONSTRAINT " + q(GeneratedNames.unique(model.table(), column)) + " UNIQUE ("
              + q(column) + ")");
        }
      }
    }
    for (Constraint c : model.constraints()) {
      if (c.kind() == Constraint.Kind.CHECK) parts.add(constraintDefinition(model, c));
    }
    return parts;
  }

  /** {@code CONSTRAINT name CHECK (..)} or {@code CONSTRAINT name UNIQUE (..)}. */
  protected String constraintDefinition(ModelState model, Constraint c) {
    if (c.kind() == Constraint.Kind.CHECK) {
      QuotedColumns.require(dialect, model, "CheckConstraint '" + c.name() + "'", c.check());
      return "CONSTRAINT " + q(c.name()) + " CHECK (" + c.check() + ")";
    }
    return "CONSTRAINT " + q(c.name()) + " UNIQUE (" + columnList(model, c.fields()) + ")";
  }

  /** The check of a Positive* field, as a table constraint. */
  protected String positiveCheck(String table, String column) {
    return "CONSTRAINT " + q(GeneratedNames.check(table, column)) + " CHECK (" + q(column)
        + " >= 0)";
  }

  /** What follows a foreign key's ON DELETE: checked at commit, where the database can. */
  protected String deferrable() {
    return dialect.features().has(Feature.DEFERRABLE_CONSTRAINTS)
        ? " DEFERRABLE INITIALLY DEFERRED" : "";
  }

  protected SqlStatement alterColumn(Column column, String change, Set<Effect> effects) {
    return statement("ALTER TABLE " + q(column.table()) + " ALTER COLUMN " + q(column.name()) + " "
        + change, column.table(), effects);
  }

  protected SqlStatement dropTableConstraint(String table, String name) {
    return statement("ALTER TABLE " + q(table) + " DROP CONSTRAINT " + q(name), table,
        CATALOG_ONLY);
  }

  protected String commentLiteral(String comment) {
    return comment == null ? "NULL" : dialect.literal(comment);
  }

  protected String columnList(ModelState model, List<Name> fields) {
    return String.join(", ", FieldObjects.columns(model, fields).stream().map(this::q).toList());
  }

  protected String q(String identifier) {
    return dialect.quote(identifier);
  }

  /** A statement on {@code table} (or {@code null}: none) with its effects. */
  protected static SqlStatement statement(String sql, String table, Set<Effect> effects) {
    return new SqlStatement(sql, List.of(), null, effects, table);
  }
}
