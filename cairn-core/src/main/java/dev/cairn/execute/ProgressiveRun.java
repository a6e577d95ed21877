package dev.cairn.execute;

import dev.cairn.files.MigrationReader;
import dev.cairn.history.MigrationHistory;
import dev.cairn.history.MigrationProgress;
import dev.cairn.history.Progress;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.schema.ConnectionSink;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.Effect;
import dev.cairn.schema.ExpectedSchema;
import dev.cairn.schema.Feature;
import dev.cairn.schema.SqlStatement;
import dev.cairn.schema.StatementSink;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one migration outside a transaction, as a database without transactional DDL runs every
 * migration (each DDL statement commits on its own) and as PostgreSQL and SQLite run one that
 * says {@code atomic: false} or holds a statement that must run outside a transaction. Its
 * progress ({@link MigrationProgress}) is committed after each statement, so that a failure or a
 * crash leaves a record of exactly what ran: the next run goes on from there, or unapplies just
 * that. The history row and the end of the progress are written in one transaction.
 *
 * <p>A statement that may run in a transaction commits with its progress: nothing is in doubt.
 * One that may not is recorded in doubt before it is sent and cleared once it has run, so that a
 * crash in between leaves that one statement in doubt, for {@link InDoubtStatement} to settle.
 */
final class ProgressiveRun {
  private static final Logger log = LoggerFactory.getLogger(ProgressiveRun.class);

  private final Connection connection;
  private final Dialect dialect;
  private final MigrationHistory history;
  private final MigrationProgress progress;
  /** Whether the progress table is known to exist: looked for once a run, not once a migration. */
  private boolean tableFound;

  ProgressiveRun(Connection connection, Dialect dialect, MigrationHistory history) {
    this.connection = connection;
    this.dialect = dialect;
    this.history = history;
    this.progress = history.progress();
  }

  /**
   * Applies or unapplies the script's migration, from {@code from} where it stopped before (or
   * from its start when {@code null}); with {@code fake}, only records that it did.
   */
  void run(MigrationScript script, Progress from, boolean fake) throws SQLException {
    long start = System.nanoTime();
    Migration m = script.migration();
    boolean backwards = script.backwards();
    boolean autoCommit = connection.getAutoCommit();
    Runner runner = null;
    try {
      connection.setAutoCommit(true);
      if (!tableFound) progress.createIfMissing();
      tableFound = true;
      if (!fake) {
        runner = new Runner(script, from == null ? begin(m, backwards) : resume(script, from));
        runner.run();
        dialect.checkIntegrity(connection);
      }
      end(m, backwards, (System.nanoTime() - start) / 1_000_000);
    } catch (MigrationErrors.MigrationFailed e) {
      if (!connection.getAutoCommit()) rollbackQuietly();
      throw runner == null ? e : e.withOutcome(outcome(m, runner.saved));
    } catch (SQLException e) {
      if (!connection.getAutoCommit()) rollbackQuietly();
      MigrationErrors.MigrationFailed failed = new MigrationErrors.MigrationFailed(
          (backwards ? "unapplying " : "applying ") + m.key() + ": " + e.getMessage(), e);
      throw runner == null ? failed : failed.withOutcome(outcome(m, runner.saved));
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** Records the start; going backwards, the history row goes in the same transaction. */
  private Progress begin(Migration m, boolean backwards) throws SQLException {
    Progress p = Progress.start(m.key(), backwards, backwards ? m.operations().size() : 0)
        .withOperationsChecksum(OperationsChecksum.of(m, backwards ? m.operations().size() : 0));
    inOneTransaction(() -> {
      if (backwards) removeApplied(m);
      progress.save(p);
    });
    return p;
  }

  /** Where a stopped run goes on: its statement in doubt settled, its direction the plan's. */
  private Progress resume(MigrationScript script, Progress from) throws SQLException {
    Progress p = from;
    if (p.inDoubt()) {
      p = InDoubtStatement.settle(dialect, connection, script, p);
      progress.save(p);
    }
    if (p.backwards() != script.backwards()) {
      if (p.statements() > 0) throw halfDone(script.migration(), p);
      p = p.at(p.operations(), script.backwards());
      progress.save(p);
    }
    return p;
  }

  private void end(Migration m, boolean backwards, long millis) throws SQLException {
    inOneTransaction(() -> {
      if (backwards) removeApplied(m);
      else history.record(MigrationExecutor.historyRows(m, millis));
      progress.remove(m.key());
    });
  }

  private void removeApplied(Migration m) throws SQLException {
    history.remove(m.key());
    for (MigrationKey replaced : m.replaces()) history.remove(replaced);
  }

  private interface Work {
    void run() throws SQLException;
  }

  private void inOneTransaction(Work work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      work.run();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      log.warn("rollback failed", e);
    }
  }

  /** The next link of the checksum of an operation's statements that ran. */
  static String chain(String checksum, String sql) {
    return MigrationReader.checksum((Objects.toString(checksum, "") + "\n" + sql)
        .getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Takes the statements of the operations still to move, in order, skipping those of the first
   * that ran before; runs each and saves the progress after it.
   */
  private final class Runner implements StatementSink {
    private final MigrationScript script;
    private final Migration m;
    private final boolean backwards;
    private final ConnectionSink sink;
    private final Map<Integer, String> checksums = new HashMap<>();
    private final boolean transactional = dialect.features().has(Feature.TRANSACTIONAL_DDL);
    /** The progress as last saved. */
    private Progress saved;
    /** The operation being moved, or -1 before the first. */
    private int operation = -1;
    /** Statements of it taken so far, skipped or run, and the checksum of their SQL. */
    private int taken;
    private String chain;
    /** Statements of the first operation that ran before, to skip, and their checksum. */
    private int skip;
    private final String skipped;

    Runner(MigrationScript script, Progress start) {
      this.script = script;
      this.m = script.migration();
      this.backwards = script.backwards();
      this.sink = new ConnectionSink(connection);
      this.saved = start;
      this.skip = start.statements();
      this.skipped = start.statementsChecksum();
    }

    void run() throws SQLException {
      // Where DDL is transactional, an operation's work between two records of its progress
      // (a statement, or what Java code does) commits with the second.
      connection.setAutoCommit(!transactional);
      List<Integer> order = script.operationOrder(saved.operations());
      MigrationSql.Failure failure = (i, op, e) -> {
        if (e instanceof MigrationErrors.HalfDoneOperation || e instanceof MigrationErrors.MigrationFailed) {
          return (RuntimeException) e;
        }
        return MigrationErrors.MigrationFailed.inOperation(m, i, backwards, e);
      };
      if (script.needsConnection()) {
        MigrationSql.run(dialect.schemaEditor(this), m, script.states(), backwards, failure,
            this::starting, m.operations().size() - order.size());
      } else {
        for (int i : order) {
          starting(i);
          List<SqlStatement> statements = script.statementsOf(i);
          for (SqlStatement statement : statements) {
            try {
              accept(statement);
            } catch (SQLException e) {
              SQLException named = statements.size() == 1 ? e
                  : statement.failed(e, taken, statements.size());
              throw failure.of(i, m.operations().get(i), named);
            } catch (RuntimeException e) {
              throw failure.of(i, m.operations().get(i), e);
            }
          }
        }
      }
      if (operation >= 0) endOperation();
    }

    @Override public Optional<Connection> connection() {
      return Optional.of(connection);
    }

    private void starting(int i) {
      try {
        if (operation >= 0) endOperation();
        // Java code commits what it does on its own here: if the run stops inside it, whether
        // it ran is in doubt, and Cairn will not run it twice.
        if (!transactional && script.needsConnection() && m.operations().get(i).runsUserCode()) {
          save(saved.inDoubt(new Progress.Doubt(null, null)));
        }
      } catch (SQLException e) {
        throw new MigrationErrors.MigrationFailed("recording the progress of " + m.key() + ": "
            + e.getMessage(), e);
      }
      operation = i;
    }

    @Override public void accept(SqlStatement statement) throws SQLException {
      if (statement.sql().isEmpty()) return;
      String next = chain(chain, statement.sql());
      if (taken < skip) {
        taken++;
        chain = next;
        if (taken == skip && !Objects.equals(chain, skipped)) throw statementsChanged();
        return;
      }
      // A statement commits with its progress: any but one that must run outside a transaction,
      // where DDL is transactional; elsewhere one that only changes rows, which every database
      // keeps in a transaction (DDL commits on its own there, even inside one).
      boolean outside = statement.has(Effect.OUTSIDE_TRANSACTION);
      if (transactional && !outside) {
        sink.accept(statement);
        save(saved.withStatements(taken + 1, next));
        connection.commit();
      } else if (!transactional && !outside && DataStatement.is(statement.sql())) {
        inOneTransaction(() -> {
          sink.accept(statement);
          save(saved.withStatements(taken + 1, next));
        });
      } else {
        if (transactional) {
          connection.commit();
          connection.setAutoCommit(true);
        }
        save(saved.inDoubt(new Progress.Doubt(TableFingerprint.of(connection, changedTables()),
            next)));
        try {
          sink.accept(statement);
        } catch (SQLException | RuntimeException e) {
          clearDoubtQuietly(); // the database refused it: it did not run
          throw e;
        }
        save(saved.withStatements(taken + 1, next));
        connection.setAutoCommit(!transactional);
      }
      taken++;
      chain = next;
    }

    /** The tables the operation being moved changes, as its states before and after say. */
    private java.util.Set<String> changedTables() {
      List<dev.cairn.state.ProjectState> states = script.states();
      return TableFingerprint.changed(ExpectedSchema.of(states.get(operation), dialect),
          ExpectedSchema.of(states.get(operation + 1), dialect));
    }

    private void endOperation() throws SQLException {
      if (taken < skip) throw statementsChanged();
      save(saved.at(backwards ? saved.operations() - 1 : saved.operations() + 1, backwards));
      if (transactional) connection.commit();
      taken = 0;
      chain = null;
      skip = 0;
    }

    private void save(Progress p) throws SQLException {
      int touched = Math.min(p.touchedOperations(), m.operations().size());
      Progress withChecksum = p.withOperationsChecksum(
          checksums.computeIfAbsent(touched, n -> OperationsChecksum.of(m, n)));
      progress.save(withChecksum);
      saved = withChecksum;
    }

    private void clearDoubtQuietly() {
      try {
        save(saved.withStatements(saved.statements(), saved.statementsChecksum()));
      } catch (SQLException e) {
        log.warn("could not record that a failed statement did not run; the next run settles it", e);
      }
    }

    /** The SQL of the statements that ran of a half-done operation is not what it makes now. */
    private MigrationErrors.HalfDoneOperation statementsChanged() {
      return new MigrationErrors.HalfDoneOperation("migration " + m.key() + " stopped after "
          + skip + " statement(s) of operation " + (operation + 1) + " ("
          + m.operations().get(operation).describe() + "), but that operation no longer makes"
          + " the same first statements on this database, so Cairn cannot tell which of them"
          + " are left to run.\n  Finish the operation by hand, or undo what of it ran, and"
          + " then record where the migration stands with 'cairn migrate " + m.app() + " "
          + m.name() + " --fake' (applied) or 'cairn migrate " + m.app() + " "
          + previousTarget(m) + " --fake' (unapplied). Nothing was changed.");
    }
  }

  /** An operation half-applied one way, while the plan goes the other way through it. */
  private static MigrationErrors.HalfDoneOperation halfDone(Migration m, Progress p) {
    int op = p.backwards() ? p.operations() : p.operations() + 1;
    return new MigrationErrors.HalfDoneOperation("migration " + m.key() + " stopped inside"
        + " operation " + op + " of " + m.operations().size() + " ("
        + m.operations().get(op - 1).describe() + "), " + p.statements() + " of its statements "
        + (p.backwards() ? "unapplied" : "applied") + "; it cannot be "
        + (p.backwards() ? "applied" : "unapplied") + " from there.\n  First "
        + (p.backwards() ? "finish unapplying it: 'cairn migrate " + m.app() + " "
            + previousTarget(m) + "'"
            : "finish applying it: 'cairn migrate " + m.app() + " " + m.name() + "'")
        + " (fix what failed first). Nothing was changed.");
  }

  /** What a failure left behind, said after its error. */
  static String outcome(Migration m, Progress p) {
    int total = m.operations().size();
    int done = p.operations();
    String kept = done == 0 ? "none of its " + total + " operations is"
        : done == 1 ? "operation 1 of " + total + " is" : "operations 1 to " + done + " of "
            + total + " are";
    int moving = p.backwards() ? done : done + 1;
    String half = p.statements() == 0 ? "" : ", and " + p.statements() + " statement(s) of"
        + " operation " + moving + " ran";
    String app = m.app();
    if (p.backwards()) {
      return "\n  This migration runs outside a transaction: " + kept + " still applied" + half
          + "; Cairn has recorded which (showmigrations marks it [~]).\n  Fix the reverse of"
          + " operation " + moving + " and run 'cairn migrate " + app + " " + previousTarget(m)
          + "' again to go on unapplying"
          + (p.statements() == 0 ? ", or 'cairn migrate " + app + " " + m.name()
              + "' to apply it again." : ".");
    }
    return "\n  This migration runs outside a transaction: " + kept + " applied" + half
        + "; Cairn has recorded which (showmigrations marks it [~]).\n  Fix operation " + moving
        + " and run migrate again to go on from it"
        + (p.statements() == 0 && done > 0 ? ", or run 'cairn migrate " + app + " "
            + previousTarget(m) + "' to unapply what ran." : ".");
  }

  /** Where {@code migrate <app> <target>} unapplies {@code m}: its parent in its app, or zero. */
  private static String previousTarget(Migration m) {
    return m.dependencies().stream().filter(d -> d.app().equals(m.app()))
        .map(MigrationKey::name).reduce((a, b) -> b).orElse(Target.ZERO);
  }
}
