package dev.cairn.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dialect.Dialects;
import dev.cairn.schema.Dialect;
import dev.cairn.state.Field;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import dev.cairn.testing.OperationHarness;
import dev.cairn.testing.Shop;
import dev.cairn.testing.TableRows;
import java.sql.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every operation must do on every database, forwards and backwards, written once: after each
 * step the introspected schema equals the one the state describes ({@link OperationHarness}), and
 * the rows put in before survive. {@link #everyOperationForwardsAndBackwardsKeepsSchemaAndRows}
 * runs the table of {@link OperationCases} (every operation type, AlterField over type, null,
 * default, unique, index and foreign key changes); the parts this class implements ({@link
 * ModelOperationsContract}, {@link FieldOperationsContract}, {@link AlterFieldContract}, {@link
 * RawOperationsContract}, {@link DatabaseNamesContract}) hold what a table row cannot say.
 *
 * <p>A dialect's test is one small subclass. It supplies:
 *
 * <ul>
 *   <li>{@link #openEmptyDatabase()}: a connection to a new, empty database in auto-commit mode,
 *       closed after each test. The dialect is found from the connection's product name and
 *       reads the server's version from it, so the features asked are the server's.
 *   <li>optionally {@link DatabaseNamesContract#createDjangoShop()}: the DDL that Django's
 *       backend for this database writes for the shop, so that evolving a database Cairn did not
 *       make is tested too; without it, that one test is skipped.
 *   <li>its own tests for what only that database does (SQLite's table remake keeping values it
 *       cannot narrow, PostgreSQL's USING casts), using {@link #h()} and {@link #shop()}.
 * </ul>
 *
 * <p>What not every server can do is asked from its {@link dev.cairn.schema.Features}, as Django's
 * {@code skipUnlessDBFeature} does: a case that needs {@code PARTIAL_INDEXES} says so ({@link
 * OperationCase#needs}), a test calls {@link #assumeFeature}, and either is skipped where the
 * server lacks it, never by the dialect's name. A difference that no feature names yet gets a new
 * {@link dev.cairn.schema.Feature}, set by the dialects. SQL written here runs on every dialect:
 * identifiers in braces are quoted by the dialect ({@link Shop#sql}), types come from {@link
 * Dialect#columnType}, values are compared as text ({@link TableRows#text}).
 */
public abstract class OperationsContract implements ModelOperationsContract,
    FieldOperationsContract, AlterFieldContract, RawOperationsContract, DatabaseNamesContract {
  private Connection connection;
  private OperationHarness h;
  private Shop shop;

  /** A connection to a new, empty database, in auto-commit mode; the contract closes it. */
  protected abstract Connection openEmptyDatabase() throws Exception;

  @BeforeEach final void openDatabase() throws Exception {
    connection = openEmptyDatabase();
    Dialect dialect = Dialects.forProductName(connection.getMetaData().getDatabaseProductName())
        .connectedTo(connection);
    dialect.beforeMigrations(connection); // as the executor does: SQLite's foreign keys go off
    h = new OperationHarness(dialect, connection, Shop.APP);
    shop = new Shop(h);
  }

  @AfterEach final void closeDatabase() throws Exception {
    if (connection != null) connection.close();
  }

  @Override public final OperationHarness h() {
    return h;
  }

  @Override public final Shop shop() {
    return shop;
  }

  /**
   * Applies the case's operation to the shop with its rows, then unapplies it: after each step the
   * schema equals the state, the database's integrity checks pass, and every value of a table and
   * column that is there before and after the step is still there (under its new name after
   * RenameField), whatever the type change.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.cairn.operations.OperationCases#all")
  final void everyOperationForwardsAndBackwardsKeepsSchemaAndRows(OperationCase c)
      throws Exception {
    c.needs().forEach(this::assumeFeature);
    ProjectState base = shop.base();
    shop.insertProducts();
    ProjectState before = h.migrate(base, c.setup().toArray(Operation[]::new));
    for (String sql : c.data()) shop.execute(sql);
    TableRows original = TableRows.read(h);

    ProjectState after = h.forwards(before, c.operation());
    dialect().checkIntegrity(connection);
    TableRows applied = TableRows.read(h);
    assertKept(c, renamed(original, c.operation(), before, after), applied, "after ");

    h.backwards(before, c.operation());
    dialect().checkIntegrity(connection);
    TableRows unapplied = TableRows.read(h);
    assertKept(c, renamed(applied, c.operation(), after, before), unapplied, "after unapplying ");
    if (c.operation() instanceof AlterField || c.operation() instanceof RenameField) {
      assertThat(unapplied.sharedWith(original, c.rowsNotKept()))
          .as("every value after %s and back", c.operation().describe())
          .isEqualTo(original.sharedWith(unapplied, c.rowsNotKept()));
    }
  }

  private static void assertKept(OperationCase c, TableRows expected, TableRows actual,
      String when) {
    assertThat(actual.sharedWith(expected, c.rowsNotKept()))
        .as("rows %s%s", when, c.operation().describe())
        .isEqualTo(expected.sharedWith(actual, c.rowsNotKept()));
  }

  /** {@code rows} with the column that {@code op}, a RenameField, renames under its new name. */
  private static TableRows renamed(TableRows rows, Operation op, ProjectState from,
      ProjectState to) {
    if (!(op instanceof RenameField r)) return rows;
    ModelState model = from.requireModel(Shop.APP, r.modelName());
    boolean forwards = model.fields().containsKey(r.oldName());
    Name fromName = forwards ? r.oldName() : r.newName();
    Name toName = forwards ? r.newName() : r.oldName();
    Field field = model.requireField(fromName);
    if (!field.hasColumn()) return rows; // a many-to-many: its join table is renamed instead
    String toColumn = to.requireModel(Shop.APP, r.modelName()).requireField(toName).column(toName);
    return rows.withColumnRenamed(model.table(), field.column(fromName), toColumn);
  }
}
