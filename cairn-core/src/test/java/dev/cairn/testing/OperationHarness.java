package dev.cairn.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.operations.Operation;
import dev.cairn.schema.CollectingSink;
import dev.cairn.schema.ConnectionSink;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.ExpectedSchema;
import dev.cairn.schema.SchemaSnapshot;
import dev.cairn.schema.SqlStatement;
import dev.cairn.state.ProjectState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs operations against a real database the way {@code migrate} does (one transaction per
 * operation, through the dialect's schema editor) and checks after each step that the
 * introspected schema equals the one {@link ExpectedSchema} derives from the state. Works for any
 * dialect; a dialect's test only supplies the connection.
 */
public final class OperationHarness {
  private final Dialect dialect;
  private final Connection connection;
  private final String app;

  public OperationHarness(Dialect dialect, Connection connection, String app) {
    this.dialect = dialect;
    this.connection = connection;
    this.app = app;
  }

  /** Applies {@code ops} forwards from {@code start}, checking the schema after each. */
  public ProjectState migrate(ProjectState start, Operation... ops) throws Exception {
    ProjectState state = start;
    for (Operation op : ops) state = forwards(state, op);
    return state;
  }

  /** Runs {@code op} forwards from {@code before}, commits, and checks the schema. */
  public ProjectState forwards(ProjectState before, Operation op) throws Exception {
    ProjectState after = op.stateForwards(app, before);
    inTransaction(c -> op.databaseForwards(dialect.schemaEditor(new ConnectionSink(c)), app,
        before, after));
    assertSchema(after, "after " + op.describe());
    return after;
  }

  /**
   * Runs {@code op} forwards from {@code before} and commits, without checking the schema: on a
   * database that Cairn did not make, whose names differ until the operations replace them.
   */
  public ProjectState forwardsUnchecked(ProjectState before, Operation op) throws Exception {
    ProjectState after = op.stateForwards(app, before);
    inTransaction(c -> op.databaseForwards(dialect.schemaEditor(new ConnectionSink(c)), app,
        before, after));
    return after;
  }

  /** Runs {@code op} backwards (it was applied to {@code before}), commits, and checks the schema. */
  public void backwards(ProjectState before, Operation op) throws Exception {
    ProjectState after = op.stateForwards(app, before);
    inTransaction(c -> op.databaseBackwards(dialect.schemaEditor(new ConnectionSink(c)), app,
        before, after));
    assertSchema(before, "after unapplying " + op.describe());
  }

  /**
   * Forwards, then backwards, checking the schema after each; the database ends as it began, at
   * {@code before}. Returns the state after {@code op}.
   */
  public ProjectState roundTrip(ProjectState before, Operation op) throws Exception {
    ProjectState after = forwards(before, op);
    backwards(before, op);
    return after;
  }

  /** The SQL {@code op} would run, collected without a connection. */
  public List<SqlStatement> sql(ProjectState before, Operation op, boolean backwards)
      throws SQLException {
    ProjectState after = op.stateForwards(app, before);
    CollectingSink sink = new CollectingSink();
    if (backwards) {
      op.databaseBackwards(dialect.schemaEditor(sink), app, before, after);
    } else {
      op.databaseForwards(dialect.schemaEditor(sink), app, before, after);
    }
    return sink.statements();
  }

  /**
   * Checks that the database has the schema {@code expected} describes, columns in any order: a
   * column added back by going backwards over RemoveField comes last, since ALTER TABLE cannot
   * place a column (SQLite's table remake can, PostgreSQL cannot), as in Django.
   */
  public void assertSchema(ProjectState expected, String when) throws SQLException {
    SchemaSnapshot want = ExpectedSchema.of(expected, dialect);
    SchemaSnapshot have = dialect.introspect(connection);
    assertThat(have.tables().keySet()).as("tables " + when)
        .containsExactlyInAnyOrderElementsOf(want.tables().keySet());
    for (String table : want.tables().keySet()) {
      assertThat(columnsSorted(have.tables().get(table))).as("table %s %s", table, when)
          .isEqualTo(columnsSorted(want.tables().get(table)));
    }
  }

  /** Checks the schema with column order too, as after CreateModel. */
  public void assertSchemaInOrder(ProjectState expected) throws SQLException {
    assertThat(dialect.introspect(connection)).isEqualTo(ExpectedSchema.of(expected, dialect));
  }

  private static SchemaSnapshot.Table columnsSorted(SchemaSnapshot.Table t) {
    List<SchemaSnapshot.Column> columns = new ArrayList<>(t.columns());
    columns.sort(java.util.Comparator.comparing(SchemaSnapshot.Column::name));
    return new SchemaSnapshot.Table(t.name(), columns, t.primaryKey(), t.foreignKeys(), t.indexes(),
        t.checks());
  }

  /**
   * Runs {@code work} in one transaction, as the executor runs a migration: the dialect checks
   * integrity (SQLite's foreign keys) before the commit; rolled back if either throws.
   */
  public void inTransaction(SqlWork work) throws Exception {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      work.run(connection);
      dialect.checkIntegrity(connection);
      connection.commit();
    } catch (Exception | Error e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  public SchemaSnapshot introspect() throws SQLException {
    return dialect.introspect(connection);
  }

  /** Runs one SQL statement in auto-commit mode, such as an INSERT of test rows. */
  public void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  /** The rows of a query, each a list of its column values as JDBC returns them. */
  public List<List<Object>> rows(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) row.add(rs.getObject(i));
        rows.add(row);
      }
    }
    return rows;
  }

  public Connection connection() {
    return connection;
  }

  public Dialect dialect() {
    return dialect;
  }
}
