package dev.cairn.execute;

import dev.cairn.history.AppliedMigration;
import dev.cairn.history.MigrationHistory;
import dev.cairn.migration.Migration;
import dev.cairn.operations.Operation;
import dev.cairn.schema.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one transaction in which a fresh database's migrations run (see {@code MigrationExecutor}).
 *
 * <p>Migrations made only of schema statements are queued and their statements sent as one JDBC
 * batch, without a round trip each, so that applying a long history costs the database's work
 * rather than the network's. They are reported to the listener once the batch has run, a batch's
 * time shared among its migrations by their number of statements. A migration that runs user SQL
 * or Java code, or binds values, may be slow or return rows: it sends the queue first, then runs
 * at once, reported as it starts, as every migration is outside a shared transaction.
 *
 * <p>The run must accept and refuse exactly what applying the migrations one at a time would. A
 * commit checks deferred constraints and ends what they left pending; a shared transaction has no
 * commit between migrations, so once rows may exist each migration ends with the checks a commit
 * would make ({@link Dialect#checkAsCommitWould}): a foreign key broken by one migration and
 * mended by the next fails the first, and rows inserted into a table do not stop the next
 * migration from altering it ("pending trigger events" on PostgreSQL).
 */
final class SharedTransaction implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SharedTransaction.class);

  /** Statements queued before they are sent: enough to hide round trips, few enough to report. */
  private static final int BATCH = 200;

  private final Connection connection;
  private final Dialect dialect;
  private final MigrationHistory history;
  private final MigrationListener listener;
  private final boolean autoCommit;
  private final List<Queued> queued = new ArrayList<>();
  private final List<AppliedMigration> rows = new ArrayList<>();
  private int queuedStatements;
  private int migrations;
  /**
   * Whether a migration has run user SQL or Java code (or bound values), which may have written
   * rows: until then the tables of a fresh database are empty and no constraint has anything to
   * check; from then on each migration ends with the checks of a commit, in its batch where the
   * dialect has them as a statement, else run on their own after it.
   */
  private boolean rowsMayExist;
  /** The dialect's checks of a commit as one statement for a batch, or null. */
  private final String checksStatement;

  /**
   * A migration waiting for its statements to be sent; {@code checked}: followed by the checks of
   * its commit ({@link Dialect#checkAsCommitWouldStatement}).
   */
  private record Queued(PlanStep step, MigrationScript script, boolean fake, boolean checked) {
    /** The migration's own statements. */
    int statements() {
      return fake ? 0 : script.statements().size();
    }

    /** What goes in the batch for it: its statements, then the checks. */
    int sent() {
      return statements() + (checked ? 1 : 0);
    }
  }

  SharedTransaction(Connection connection, Dialect dialect, MigrationHistory history,
      MigrationListener listener) throws SQLException {
    this.connection = connection;
    this.dialect = dialect;
    this.history = history;
    this.listener = listener;
    this.autoCommit = connection.getAutoCommit();
    this.checksStatement = dialect.checkAsCommitWouldStatement().orElse(null);
  }

  /** Adds a forwards migration; it runs now, or with the next batch. */
  void add(PlanStep step, MigrationScript script, boolean fake) throws SQLException {
    if (migrations++ == 0) {
      connection.setAutoCommit(false);
      history.ensureExistsInTransaction();
    }
    boolean checked = rowsMayExist && !fake;
    if (fake || (onlySchemaStatements(script) && (!checked || checksStatement != null))) {
      Queued q = new Queued(step, script, fake, checked);
      queued.add(q);
      queuedStatements += q.sent();
      if (queuedStatements >= BATCH) send();
      return;
    }
    send(); // user code sees the schema that the migrations before it made
    listener.started(step);
    long start = System.nanoTime();
    try {
      script.run(dialect, connection,
          (i, op, e) -> MigrationErrors.MigrationFailed.inOperation(script.migration(), i, false, e));
      checkAsCommitWould(script.migration());
    } catch (MigrationErrors.MigrationFailed e) {
      throw rolledBack(e);
    }
    rowsMayExist = true;
    long millis = (System.nanoTime() - start) / 1_000_000;
    rows.addAll(MigrationExecutor.historyRows(script.migration(), millis));
    listener.finished(step, millis, false);
  }

  /**
   * Ends a migration as its own commit would have (see the class comment): a deferred foreign key
   * it broke fails it, here and not at the end of the run, and the checks it left pending do not
   * stop a later migration from altering the table.
   */
  private void checkAsCommitWould(Migration m) {
    try {
      dialect.checkAsCommitWould(connection);
    } catch (SQLException | RuntimeException e) {
      throw new MigrationErrors.MigrationFailed("applying " + m.key() + ": " + e.getMessage(), e);
    }
  }

  /** Sends the queued migrations' statements as one batch. */
  void send() throws SQLException {
    if (queued.isEmpty()) return;
    List<Queued> batch = List.copyOf(queued);
    int total = queuedStatements;
    queued.clear();
    queuedStatements = 0;
    long start = System.nanoTime();
    if (total > 0) {
      List<String> statements = new ArrayList<>();
      for (Queued q : batch) {
        if (q.fake()) continue;
        for (MigrationScript.Numbered n : q.script().statements()) statements.add(n.statement().sql());
        if (q.checked()) statements.add(checksStatement);
      }
      Savepoint beforeBatch = connection.setSavepoint();
      try (Statement s = connection.createStatement()) {
        for (String sql : statements) s.addBatch(sql);
        s.executeBatch();
      } catch (SQLException e) {
        throw failedIn(batch, statements, beforeBatch, e);
      }
      connection.releaseSavepoint(beforeBatch);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    for (Queued q : batch) {
      long share = total == 0 ? 0 : millis * q.sent() / total;
      rows.addAll(MigrationExecutor.historyRows(q.script().migration(), share));
      listener.started(q.step());
      listener.finished(q.step(), share, q.fake());
    }
  }

  /** Sends what is queued, checks, writes the history rows in one batch, and commits. */
  void commit() throws SQLException {
    if (migrations == 0) return;
    send();
    try {
      dialect.checkIntegrity(connection);
      history.record(rows);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      throw rolledBack(new MigrationErrors.MigrationFailed(
          "committing the run's migrations: " + e.getMessage(), e));
    }
    rows.clear();
    migrations = 0;
  }

  /** Rolls back what is not committed (after a failure) and restores auto-commit. */
  @Override public void close() throws SQLException {
    if (migrations > 0) rollbackQuietly();
    migrations = 0;
    connection.setAutoCommit(autoCommit);
  }

  /** Schema statements return no rows and bind nothing; user SQL and Java code may do either. */
  private static boolean onlySchemaStatements(MigrationScript script) {
    if (script.needsConnection()) return false;
    for (MigrationScript.Numbered n : script.statements()) {
      Operation op = script.migration().operations().get(n.operation());
      if (!n.statement().params().isEmpty() || op.runsUserCode()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The failure of a batch, naming the migration and operation of the statement that failed.
   * Drivers tell that statement in different ways, or not at all, so the batch is rolled back to
   * its savepoint and run again one statement at a time, which fails at the same statement and
   * gives its own error. The migrations before it are reported as a run without batches would
   * have.
   */
  private MigrationErrors.MigrationFailed failedIn(List<Queued> batch, List<String> statements,
      Savepoint beforeBatch, SQLException batchFailure) {
    int failed = -1;
    Exception cause = batchFailure;
    try {
      connection.rollback(beforeBatch);
      try (Statement s = connection.createStatement()) {
        for (failed = 0; failed < statements.size(); failed++) s.execute(statements.get(failed));
      }
    } catch (SQLException e) {
      cause = e;
    }
    int seen = 0;
    for (Queued q : batch) {
      if (failed < seen + q.sent()) {
        listener.started(q.step());
        if (failed - seen == q.statements()) { // the checks of its commit
          return rolledBack(new MigrationErrors.MigrationFailed("applying "
              + q.script().migration().key() + ": " + cause.getMessage(), cause));
        }
        MigrationScript.Numbered n = q.script().statements().get(failed - seen);
        return rolledBack(MigrationErrors.MigrationFailed.inOperation(q.script().migration(),
            n.operation(), false, cause));
      }
      seen += q.sent();
      listener.started(q.step());
      listener.finished(q.step(), 0, q.fake());
    }
    return rolledBack(new MigrationErrors.MigrationFailed("applying a batch of migrations: "
        + batchFailure.getMessage(), batchFailure));
  }

  private MigrationErrors.MigrationFailed rolledBack(MigrationErrors.MigrationFailed e) {
    rollbackQuietly();
    int held = migrations;
    migrations = 0;
    queued.clear();
    queuedStatements = 0;
    rows.clear();
    return e.withOutcome(held > 1
        ? "\n  The run's transaction was rolled back: none of the " + held + " migrations it"
            + " held was applied, this one included."
        : MigrationErrors.MigrationFailed.ROLLED_BACK);
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      log.warn("rollback failed", e);
    }
  }
}
