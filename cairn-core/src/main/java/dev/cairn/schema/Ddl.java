package dev.cairn.schema;

import static java.util.Objects.requireNonNull;

import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.Index;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.OnDelete;
import dev.cairn.state.ProjectState;
import java.util.List;

/**
 * The SQL text of every schema change, one method per statement, as Django's {@code sql_*}
 * templates: {@link SchemaEditor} decides which statements run and in which order, and asks a
 * dialect's {@code Ddl} what each one says. A dialect writes {@link StandardDdl}'s forms where its
 * database differs, and nothing else. Methods that return a list may return none (a database that
 * has no comments) or several (a check before a type change); identifiers come unquoted.
 */
public interface Ddl {
  /** A column as a template sees it: its table, its name, the field it holds, its type. */
  record Column(String table, String name, Field field, Field type) {
    public Column {
      requireNonNull(table, "table == null");
      requireNonNull(name, "name == null");
      requireNonNull(field, "field == null");
      requireNonNull(type, "type == null");
    }
  }

  /** A foreign key as Cairn names it: {@code table.column} points at {@code target.targetColumn}. */
  record ForeignKey(String name, String table, String column, String targetTable,
      String targetColumn, OnDelete onDelete) {}

  // ---- tables ---------------------------------------------------------------------------------

  /** CREATE TABLE for {@code model}'s columns under {@code table} (another name while remaking). */
  SqlStatement createTable(ProjectState state, ModelState model, String table);

  /**
   * Whether {@link #createTable} declares unique fields' constraints itself; if not, the editor
   * adds each with {@link #addUnique} after it.
   */
  boolean createTableDeclaresUniqueFields();

  SqlStatement renameTable(String oldTable, String newTable);

  /** Drops a table (and, where the database can, whatever depends on it). */
  SqlStatement dropTable(String table);

  /** Sets a table's comment; none where the database keeps no comments. */
  List<SqlStatement> commentOnTable(String table, String comment);

  // ---- columns --------------------------------------------------------------------------------

  /**
   * Adds the column of {@code model}'s field {@code name}; with {@code fill}, existing rows get the
   * field's default through a temporary column default, which the editor drops next.
   */
  SqlStatement addColumn(ProjectState state, ModelState model, Name name, boolean fill);

  /**
   * What runs before {@link #addColumn}: a check that stops the migration where the database
   * would fill existing rows with a value nobody chose (MySQL's implicit 0 or '' for a NOT NULL
   * column without a default), or nothing.
   */
  default List<SqlStatement> guardAddColumn(ModelState model, Name name) {
    return List.of();
  }

  SqlStatement dropColumn(String table, String column);

  /**
   * Whether {@link #dropColumn} also drops the column's foreign key and check; where not (MySQL
   * refuses to drop a column they name), the editor drops them first.
   */
  default boolean dropColumnDropsItsConstraints() {
    return true;
  }

  SqlStatement renameColumn(String table, String oldColumn, String newColumn);

  /**
   * What runs before {@link #alterColumnType}: a check that stops the migration where the change
   * would round or cut values, or nothing.
   */
  List<SqlStatement> guardTypeChange(Column column, Field oldType);

  /**
   * Whether {@link #alterColumnType} can retype a key column that foreign keys point at, and the
   * columns that point at it, with the foreign keys in place; where not (MySQL), the editor drops
   * those keys first and adds them again after.
   */
  default boolean retypesColumnsUnderForeignKeys() {
    return true;
  }

  /** Takes {@code column} from {@code oldType} to its own type, keeping its rows. */
  SqlStatement alterColumnType(Column column, Field oldType);

  /** Makes {@code column} accept NULL, or refuse it, as its field says. */
  SqlStatement alterColumnNull(Column column);

  /** Sets {@code column}'s database default to its field's {@code db_default}, or drops it. */
  SqlStatement alterColumnDefault(Column column);

  /** Gives the rows where {@code column} is NULL its field's default. */
  SqlStatement updateNullRows(Column column);

  /**
   * What runs after the editor changed rows itself, before it alters the table again: a database
   * that queued deferred checks for the change runs them here.
   */
  List<SqlStatement> afterUpdatingRows();

  /** Sets (or, with {@code null}, clears) a column's comment; none where there are no comments. */
  List<SqlStatement> commentOnColumn(String table, String column, String comment);

  /**
   * Gives an existing column its field's comment (AlterField); by default {@link
   * #commentOnColumn}. A database that keeps comments in the column's definition restates it.
   */
  default List<SqlStatement> alterColumnComment(Column column) {
    return commentOnColumn(column.table(), column.name(), column.field().dbComment());
  }

  // ---- indexes --------------------------------------------------------------------------------

  /** CREATE INDEX for one of {@code model}'s indexes (or a unique constraint made as one). */
  SqlStatement createIndex(ModelState model, Index index);

  /** The index a field's {@code db_index} implies, under the name Cairn generates. */
  SqlStatement createFieldIndex(String table, String column);

  SqlStatement dropIndex(String table, String name);

  SqlStatement renameIndex(String table, String oldName, String newName);

  // ---- constraints ----------------------------------------------------------------------------

  /** Adds a foreign key to a table that exists; none where keys are declared with the column. */
  List<SqlStatement> addForeignKey(ForeignKey key);

  SqlStatement dropForeignKey(String table, String name);

  /**
   * Whether a foreign key needs an index on its column, so that dropping the one it uses fails
   * while the key stands (MySQL); the editor then drops the key first and adds it again after,
   * and the database makes the index it needs.
   */
  default boolean foreignKeysNeedTheirIndex() {
    return false;
  }

  /** The unique constraint a field's {@code unique} implies, under the name Cairn generates. */
  SqlStatement addUnique(String table, String column);

  SqlStatement dropUnique(String table, String name);

  /** The check a Positive* field implies ({@code column >= 0}), under the name Cairn generates. */
  SqlStatement addPositiveCheck(String table, String column);

  SqlStatement dropCheck(String table, String name);

  /** Adds one of {@code model}'s unique or check constraints (AddConstraint). */
  SqlStatement addConstraint(ModelState model, Constraint constraint);

  /** Drops one of {@code model}'s unique or check constraints (RemoveConstraint). */
  SqlStatement dropConstraint(ModelState model, Constraint constraint);

  /** Renames a table constraint (a unique, check or foreign key, not an index). */
  SqlStatement renameConstraint(String table, String oldName, String newName);
}
