package dev.cairn.dialect.mysql;

import dev.cairn.schema.SqlStatement;
import dev.cairn.schema.StandardDdl;
import dev.cairn.schema.UnsupportedSchemaChange;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.Index;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.OnDelete;
import dev.cairn.state.ProjectState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MySQL's and MariaDB's SQL where it differs from the standard's: {@code MODIFY} restating the
 * whole column (type, NULL, default and comment) for any change to it, {@code DROP INDEX .. ON},
 * {@code DROP FOREIGN KEY}, comments in the column definition, immediate foreign keys, no CASCADE;
 * and every {@code ALTER TABLE} asks for its algorithm ({@link Online}). What depends on the
 * product and version is asked of {@link MysqlServer}.
 */
final class MysqlDdl extends StandardDdl {
  /** Table options of every CREATE TABLE: InnoDB for transactions and keys, utf8mb4 for all of Unicode. */
  static final String TABLE_OPTIONS = " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

  /** utf8mb4 varchars up to this many characters keep their length in one byte. */
  private static final int ONE_LENGTH_BYTE = 63;

  private final MysqlServer server;

  MysqlDdl(MysqlDialect dialect) {
    super(dialect);
    this.server = dialect.server();
  }

  // ---- tables ---------------------------------------------------------------------------------

  @Override public SqlStatement createTable(ProjectState state, ModelState model, String table) {
    SqlStatement create = super.createTable(state, model, table);
    return new SqlStatement(create.sql() + TABLE_OPTIONS, List.of(), null, create.effects(),
        create.table());
  }

  @Override public List<SqlStatement> commentOnTable(String table, String comment) {
    return List.of(Online.INSTANT.alter(table, "ALTER TABLE " + q(table) + " COMMENT = "
        + dialect.literal(comment == null ? "" : comment)));
  }

  // ---- columns --------------------------------------------------------------------------------

  /**
   * ADD COLUMN at the end of the table, instant where the version can (a default fills the rows
   * from the catalog); a Positive* field's check comes with it, which only a copy can add.
   */
  @Override public SqlStatement addColumn(ProjectState state, ModelState model, Name name,
      boolean fill) {
    Field field = model.requireField(name);
    String table = model.table();
    String sql = "ALTER TABLE " + q(table) + " ADD COLUMN "
        + columnDefinition(state, model, name, field, fill);
    if (field.type().isPositive()) {
      return Online.copy(table, sql + ", ADD " + positiveCheck(table, field.column(name)),
          "MySQL checks a new CHECK constraint against the rows only while copying them");
    }
    boolean instant = server.hasInstantAddColumn() && !field.type().isAuto();
    return (instant ? Online.INSTANT : Online.REBUILD).alter(table, sql);
  }

  /**
   * Refuses a NOT NULL column without a default on a table with rows, which MySQL and MariaDB
   * would fill with an implicit 0, '' or zero date, even in strict mode: a value nobody chose.
   * MariaDB says why (a compound statement); MySQL, which has none outside stored programs, fails
   * with "Subquery returns more than 1 row", and the statement's comment says why.
   */
  @Override public List<SqlStatement> guardAddColumn(ModelState model, Name name) {
    Field field = model.requireField(name);
    if (field.nullable() || field.hasDefault() || field.dbDefault() != null
        || field.primaryKey() || field.type().isAuto()) {
      return List.of();
    }
    String table = q(model.table());
    String column = field.column(name);
    String why = "NOT NULL column " + column + " has no default, and " + model.table()
        + " has rows: give the field a default";
    if (why.length() > 128) why = why.substring(0, 128); // MESSAGE_TEXT's limit
    String sql = server.isMariaDb()
        ? "BEGIN NOT ATOMIC IF EXISTS (SELECT 1 FROM " + table + ") THEN SIGNAL SQLSTATE '23000'"
            + " SET MESSAGE_TEXT = " + dialect.literal(why) + "; END IF; END"
        : "SELECT (SELECT 1 UNION ALL SELECT 1 FROM " + table + " LIMIT 2)";
    return List.of(new SqlStatement(sql, List.of(), server.isMariaDb() ? null : why));
  }

  /** MySQL refuses to drop a column that a foreign key or check names: the editor drops them first. */
  @Override public boolean dropColumnDropsItsConstraints() {
    return false;
  }

  /** Rebuilds in place: dropping a column that has an index is instant on no version. */
  @Override public SqlStatement dropColumn(String table, String column) {
    return Online.REBUILD.alter(table, "ALTER TABLE " + q(table) + " DROP COLUMN " + q(column));
  }

  @Override public SqlStatement renameColumn(String table, String oldColumn, String newColumn) {
    if (!server.hasRenameColumn()) {
      throw new UnsupportedSchemaChange(server.describe() + " has no RENAME COLUMN (MySQL 8.0,"
          + " MariaDB 10.5.2); upgrade the server to rename " + q(table) + "." + q(oldColumn));
    }
    boolean instant = server.isMariaDb() || server.version().atLeast(8, 0, 28);
    return (instant ? Online.INSTANT : Online.REBUILD).alter(table, "ALTER TABLE " + q(table)
        + " RENAME COLUMN " + q(oldColumn) + " TO " + q(newColumn));
  }

  /**
   * On MariaDB, refuses a shorter varchar that a value does not fit, before the table is copied,
   * with a message that says so; strict mode would refuse it too, after copying rows, as "Data
   * truncated" (MySQL, which has no compound statement outside stored programs, says only that).
   */
  @Override public List<SqlStatement> guardTypeChange(Column column, Field oldType) {
    Field to = column.type();
    if (!server.isMariaDb() || !to.type().hasMaxLength() || to.effectiveMaxLength() == null) {
      return List.of();
    }
    Integer from = oldType.type().hasMaxLength() ? oldType.effectiveMaxLength() : null;
    if (from != null && from <= to.effectiveMaxLength()) return List.of();
    String why = "cannot change column " + column.name() + " of " + column.table() + " to "
        + MysqlTypes.plainType(to) + ": some values are too long; change those rows first";
    if (why.length() > 128) why = why.substring(0, 128); // MESSAGE_TEXT's limit
    return List.of(new SqlStatement("BEGIN NOT ATOMIC IF EXISTS (SELECT 1 FROM "
        + q(column.table()) + " WHERE CHAR_LENGTH(" + q(column.name()) + ") > "
        + to.effectiveMaxLength() + ") THEN SIGNAL SQLSTATE '22001' SET MESSAGE_TEXT = "
        + dialect.literal(why) + "; END IF; END", List.of(), null));
  }

  /**
   * {@code MODIFY} with the new type. In strict mode (the migrate session's) a value the new type
   * cannot hold fails the statement instead of being cut. Widening a varchar whose length keeps
   * its size on disk is in place; any other type change copies the table.
   */
  @Override public SqlStatement alterColumnType(Column column, Field oldType) {
    String sql = modify(column);
    if (widensVarchar(oldType, column.type())) return Online.REBUILD.alter(column.table(), sql);
    return Online.copy(column.table(), sql, "changing the type of " + q(column.name()) + " to "
        + MysqlTypes.plainType(column.type()) + " rewrites every row");
  }

  /** MySQL refuses to change the type of a column a foreign key names ("used in a foreign key"). */
  @Override public boolean retypesColumnsUnderForeignKeys() {
    return false;
  }

  /** {@code MODIFY} with NULL or NOT NULL: an in-place rebuild, which checks the rows. */
  @Override public SqlStatement alterColumnNull(Column column) {
    return Online.REBUILD.alter(column.table(), modify(column));
  }

  /** SET or DROP DEFAULT changes only the catalog. */
  @Override public SqlStatement alterColumnDefault(Column column) {
    String dbDefault = column.field().dbDefault();
    return Online.INSTANT.alter(column.table(), "ALTER TABLE " + q(column.table())
        + " ALTER COLUMN " + q(column.name())
        + (dbDefault == null ? " DROP DEFAULT" : " SET DEFAULT (" + dbDefault + ")"));
  }

  /** Comments are part of the column definition (CREATE TABLE, ADD COLUMN, MODIFY). */
  @Override public List<SqlStatement> commentOnColumn(String table, String column,
      String comment) {
    return List.of();
  }

  /** A new comment restates the column, which changes only the catalog. */
  @Override public List<SqlStatement> alterColumnComment(Column column) {
    return List.of(Online.INSTANT.alter(column.table(), modify(column)));
  }

  // ---- indexes --------------------------------------------------------------------------------

  @Override public SqlStatement createIndex(ModelState model, Index index) {
    if (index.condition() != null) throw noPartialIndexes(model, index.name());
    return Online.INDEX_BUILD.index(model.table(), super.createIndex(model, index).sql());
  }

  @Override public SqlStatement createFieldIndex(String table, String column) {
    return Online.INDEX_BUILD.index(table, super.createFieldIndex(table, column).sql());
  }

  @Override public SqlStatement dropIndex(String table, String name) {
    // ALTER TABLE, not DROP INDEX .. ON: MariaDB takes no ALGORITHM in the latter.
    return Online.IN_PLACE.alter(table, "ALTER TABLE " + q(table) + " DROP INDEX " + q(name));
  }

  @Override public SqlStatement renameIndex(String table, String oldName, String newName) {
    if (!server.hasRenameIndex()) {
      throw new UnsupportedSchemaChange(server.describe() + " has no RENAME INDEX (MySQL 5.7,"
          + " MariaDB 10.5.2); upgrade the server to rename index " + q(oldName));
    }
    return (server.isMariaDb() ? Online.INSTANT : Online.IN_PLACE).alter(table, "ALTER TABLE "
        + q(table) + " RENAME INDEX " + q(oldName) + " TO " + q(newName));
  }

  // ---- constraints ----------------------------------------------------------------------------

  /**
   * Checked at once: InnoDB has no deferred keys, so a table must exist before a key points at
   * it. In place only with {@code foreign_key_checks=0}, which would leave the rows unchecked.
   */
  @Override public List<SqlStatement> addForeignKey(ForeignKey key) {
    if (key.onDelete() == OnDelete.SET_DEFAULT) {
      throw new UnsupportedSchemaChange("InnoDB refuses ON DELETE SET DEFAULT, for the key "
          + key.table() + "." + key.column() + "; choose SET_NULL, CASCADE, PROTECT or"
          + " DO_NOTHING on " + server.describe());
    }
    return List.of(Online.copy(key.table(), "ALTER TABLE " + q(key.table()) + " ADD CONSTRAINT "
            + q(key.name()) + " FOREIGN KEY (" + q(key.column()) + ") REFERENCES "
            + q(key.targetTable()) + " (" + q(key.targetColumn()) + ") ON DELETE "
            + key.onDelete().sql(),
        "MySQL checks a new foreign key against the rows only while copying them"));
  }

  /** InnoDB refuses to drop the index a foreign key uses ("needed in a foreign key constraint"). */
  @Override public boolean foreignKeysNeedTheirIndex() {
    return true;
  }

  @Override public SqlStatement dropForeignKey(String table, String name) {
    return Online.IN_PLACE.alter(table, "ALTER TABLE " + q(table) + " DROP FOREIGN KEY "
        + q(name));
  }

  @Override public SqlStatement addUnique(String table, String column) {
    return Online.INDEX_BUILD.alter(table, super.addUnique(table, column).sql());
  }

  /** A unique constraint is a unique index, dropped as one. */
  @Override public SqlStatement dropUnique(String table, String name) {
    return dropIndex(table, name);
  }

  @Override public SqlStatement addPositiveCheck(String table, String column) {
    return Online.copy(table, super.addPositiveCheck(table, column).sql(),
        "MySQL checks a new CHECK constraint against the rows only while copying them");
  }

  /** {@code DROP CHECK} before MySQL 8.0.19, {@code DROP CONSTRAINT} after and on MariaDB. */
  @Override public SqlStatement dropCheck(String table, String name) {
    String sql = "ALTER TABLE " + q(table) + (server.dropsChecksAsConstraints()
        ? " DROP CONSTRAINT " : " DROP CHECK ") + q(name);
    return (server.isMariaDb() ? Online.INSTANT : Online.IN_PLACE).alter(table, sql);
  }

  @Override public SqlStatement addConstraint(ModelState model, Constraint c) {
    if (c.condition() != null) throw noPartialIndexes(model, c.name());
    SqlStatement add = super.addConstraint(model, c);
    if (c.kind() == Constraint.Kind.UNIQUE) return Online.INDEX_BUILD.alter(model.table(), add.sql());
    return Online.copy(model.table(), add.sql(),
        "MySQL checks a new CHECK constraint against the rows only while copying them");
  }

  /** MySQL renames no constraint; the schema editor drops and adds what it must rename. */
  @Override public SqlStatement renameConstraint(String table, String oldName, String newName) {
    throw new UnsupportedSchemaChange(server.describe() + " cannot rename the constraint "
        + q(oldName) + " of " + q(table));
  }

  // ---- hooks ----------------------------------------------------------------------------------

  /**
   * {@code `name` type [NULL|NOT NULL] [DEFAULT ..] [PRIMARY KEY] [COMMENT ..]}. A Positive*
   * field's check is a table constraint ({@link #inlineTableConstraints}): MariaDB takes no named
   * CHECK in a column's definition.
   */
  @Override protected String columnDefinition(ProjectState state, ModelState model, Name name,
      Field field, boolean fill) {
    Field typed = dev.cairn.schema.Relations.columnType(state, model, field);
    StringBuilder sql = new StringBuilder(q(field.column(name))).append(' ')
        .append(dialect.columnType(typed))
        .append(field.nullable() && !field.primaryKey() ? " NULL" : " NOT NULL");
    if (field.dbDefault() != null) sql.append(" DEFAULT (").append(field.dbDefault()).append(')');
    if (fill) sql.append(" DEFAULT ").append(defaultLiteral(typed, field.defaultValue()));
    if (field.primaryKey()) sql.append(" PRIMARY KEY");
    if (field.dbComment() != null) sql.append(" COMMENT ").append(dialect.literal(field.dbComment()));
    return sql.toString();
  }

  @Override protected List<String> inlineTableConstraints(ModelState model) {
    List<String> parts = new ArrayList<>(super.inlineTableConstraints(model));
    for (Map.Entry<Name, Field> e : model.fields().entrySet()) {
      if (e.getValue().type().isPositive()) {
        parts.add(positiveCheck(model.table(), e.getValue().column(e.getKey())));
      }
    }
    return parts;
  }

  /** A model's check, its double-quoted names (the standard's, as models write them) in backticks. */
  @Override protected String constraintDefinition(ModelState model, Constraint c) {
    if (c.kind() == Constraint.Kind.CHECK) {
      return "CONSTRAINT " + q(c.name()) + " CHECK (" + MysqlQuoting.backticked(c.check()) + ")";
    }
    return super.constraintDefinition(model, c);
  }

  /** The column restated as it now is: MySQL changes a column only by restating all of it. */
  private String modify(Column column) {
    Field f = column.field();
    StringBuilder sql = new StringBuilder("ALTER TABLE ").append(q(column.table()))
        .append(" MODIFY ").append(q(column.name())).append(' ')
        .append(dialect.columnType(column.type()))
        .append(f.nullable() && !f.primaryKey() ? " NULL" : " NOT NULL");
    if (f.dbDefault() != null) sql.append(" DEFAULT (").append(f.dbDefault()).append(')');
    if (f.dbComment() != null) sql.append(" COMMENT ").append(dialect.literal(f.dbComment()));
    return sql.toString();
  }

  /**
   * A constant default; MySQL takes one for a text, blob or json column only as an expression in
   * parentheses (8.0.13+), MariaDB as it is.
   */
  private String defaultLiteral(Field typed, Object value) {
    String literal = dialect.literal(value);
    boolean limited = typed.type() == FieldType.TEXT || typed.type() == FieldType.BINARY
        || typed.type() == FieldType.JSON || MysqlTypes.plainType(typed).equals("longtext");
    return limited && !server.isMariaDb() ? "(" + literal + ")" : literal;
  }

  /** Whether {@code to} is a longer varchar than {@code from} with a length of the same size. */
  private static boolean widensVarchar(Field from, Field to) {
    if (!from.type().hasMaxLength() || !to.type().hasMaxLength()) return false;
    Integer a = from.effectiveMaxLength();
    Integer b = to.effectiveMaxLength();
    return a != null && b != null && a <= b && (b <= ONE_LENGTH_BYTE || a > ONE_LENGTH_BYTE);
  }

  private UnsupportedSchemaChange noPartialIndexes(ModelState model, String name) {
    return new UnsupportedSchemaChange("'" + name + "' of model " + model.key() + " has a"
        + " condition, but " + server.describe() + " has no partial indexes; remove the condition"
        + " or keep this model off MySQL and MariaDB");
  }
}
