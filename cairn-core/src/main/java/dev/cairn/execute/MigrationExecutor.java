package dev.cairn.execute;

import dev.cairn.graph.MigrationGraph;
import dev.cairn.graph.ReplayException;
import dev.cairn.history.AppliedMigration;
import dev.cairn.history.MigrationHistory;
import dev.cairn.history.Progress;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.operations.Operation;
import dev.cairn.schema.DatabaseLock;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.Feature;
import dev.cairn.state.ProjectState;
import dev.cairn.state.StateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies and unapplies migrations on one connection. A run holds the database's migration lock
 * from start to end and reads the history only once it holds it, so that racing deploys apply
 * each migration exactly once. Each migration runs in one transaction with its history row where
 * it can ({@link MigrationScript#runsInTransaction}); otherwise its progress is recorded after each
 * statement ({@link ProgressiveRun}), and a migration that stopped part-way goes on from there.
 */
public final class MigrationExecutor {
  private static final Logger log = LoggerFactory.getLogger(MigrationExecutor.class);

  private final Connection connection;
  private final Dialect dialect;
  private final Collection<Migration> migrations;
  private final MigrationHistory history;

  public MigrationExecutor(Connection connection, Dialect dialect, Collection<Migration> migrations) {
    this.connection = connection;
    this.dialect = dialect;
    this.migrations = migrations;
    this.history = new MigrationHistory(connection, dialect);
  }

  /** The applied migrations, read without taking the lock (for showmigrations and --plan). */
  public Map<MigrationKey, AppliedMigration> applied() throws SQLException {
    return history.applied();
  }

  /**
   * The migrations that stopped part-way outside a transaction, and how far each got, read
   * without taking the lock (for showmigrations and --plan); migrations with no file are left out.
   */
  public Map<MigrationKey, Progress> partial() throws SQLException {
    Map<MigrationKey, Progress> rows = history.progress().read();
    Set<MigrationKey> known = new HashSet<>();
    for (Migration m : migrations) known.add(m.key());
    rows.keySet().retainAll(known);
    return rows;
  }


  /** The graph as it stands for this database: squashed migrations resolved against its history. */
  public MigrationGraph graph(Set<MigrationKey> applied) {
    return MigrationGraph.of(migrations).withReplacements(applied);
  }

  /**
   * Reads the operations of every migration that is not recorded as applied with the same bytes,
   * so that a broken file stops every command, as it did when every file was read in full. An
   * applied file that has not changed since was read when it ran, and a run with nothing to do
   * does not read its operations again.
   */
  public void readUnappliedOperations(Map<MigrationKey, AppliedMigration> applied) {
    List<Migration> unread = migrations.stream().filter(m -> {
      AppliedMigration row = applied.get(m.key());
      return row == null || row.checksum() == null || !row.checksum().equals(m.checksum());
    }).toList();
    // Parsing a long history is most of a fresh run's start-up, on a JVM that is not warm yet:
    // files are read in parallel, and the first broken one in file order is reported.
    List<RuntimeException> errors =
        unread.parallelStream().map(MigrationExecutor::readingError).toList();
    for (RuntimeException e : errors) {
      if (e != null) throw e;
    }
  }

  private static RuntimeException readingError(Migration m) {
    try {
      m.operations();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  /**
   * The graph to plan with and the migrations that count as applied in it: a squashed migration
   * counts once all it replaces is recorded. Two leaves in one app stop everything.
   */
  private record Planning(MigrationGraph graph, Set<MigrationKey> applied,
      Map<MigrationKey, Progress> partial) {
    MigrationPlanner planner() {
      return new MigrationPlanner(graph, applied, partial);
    }
  }

  private Planning planning(Map<MigrationKey, AppliedMigration> appliedRows,
      Map<MigrationKey, Progress> partial) {
    Set<MigrationKey> recorded = appliedRows.keySet();
    MigrationGraph graph = graph(recorded);
    graph.requireNoConflicts();
    Map<MigrationKey, Progress> known = new HashMap<>(partial);
    known.keySet().retainAll(graph.nodes());
    return new Planning(graph, new LinkedHashSet<>(graph.applied(recorded)), known);
  }


  /**
   * What {@link #migrate} would do now, without the lock and without changing anything; refuses
   * what it would refuse before its first step, such as an operation that does not fit.
   */
  public List<PlanStep> plan(List<Target> targets) throws SQLException {
    Map<MigrationKey, AppliedMigration> appliedRows = applied();
    readUnappliedOperations(appliedRows);
    Planning p = planning(appliedRows, history.progress().read());
    MigrationPlanner planner = p.planner();
    List<PlanStep> plan = planner.plan(targets);
    MigrationPlanner.checkReversible(plan);
    OperationsChecksum.requireUnchanged(plan);
    MissingFiles.check(migrations, appliedRows, planner, targets, plan);
    if (!plan.isEmpty() && plan.get(0).backwards()) {
      scriptsBackwards(p.graph(), p.applied(), plan);
    } else {
      scriptsForwards(p.graph(), p.applied(), plan);
    }
    return plan;
  }

  /** Applied migrations whose files no longer match the checksum recorded when they ran. */
  public List<MigrationKey> changedSinceApplied(Map<MigrationKey, AppliedMigration> applied) {
    List<MigrationKey> changed = new ArrayList<>();
    for (Migration m : migrations) {
      AppliedMigration row = applied.get(m.key());
      if (row != null && row.checksum() != null && m.checksum() != null
          && !row.checksum().equals(m.checksum())) {
        changed.add(m.key());
      }
    }
    changed.sort(null);
    return changed;
  }

  /**
   * Applied migrations whose files are gone: recorded for an app that still has migrations, with
   * neither a file nor a squash that replaces them. Django ignores such rows; Cairn reports them,
   * and refuses to go backwards past them (see {@link MigrationErrors.MissingFile}).
   */
  public List<MigrationKey> missingSinceApplied(Map<MigrationKey, AppliedMigration> applied) {
    return MissingFiles.of(migrations, applied);
  }

  public List<PlanStep> migrate(List<Target> targets, MigrateOptions options,
      MigrationListener listener) throws SQLException {
    dialect.beforeMigrations(connection);
    try (DatabaseLock lock = dialect.lock(connection, options.lockWait(),
        holder -> listener.waitingForLock(holder, options.lockWait()))) {
      // Every check runs before the history table is created: a refused run changes nothing.
      Map<MigrationKey, AppliedMigration> appliedRows = history.applied();
      Map<MigrationKey, Progress> partial = appliedRows.isEmpty() && !history.exists() ? Map.of()
          : history.progress().read();
      // A fresh database runs in one transaction (see run): a failure rolls everything back.
      boolean fresh = appliedRows.isEmpty() && partial.isEmpty() && !options.fakeInitial()
          && dialect.features().has(Feature.TRANSACTIONAL_DDL);
      if (!fresh) readUnappliedOperations(appliedRows); // named before any other problem
      Set<MigrationKey> applied = appliedRows.keySet();
      List<MigrationKey> changed = changedSinceApplied(appliedRows);
      if (!changed.isEmpty() && !options.ignoreChecksums()) {
        throw new MigrationErrors.ChecksumMismatch(changed);
      }
      Planning p = planning(appliedRows, partial);
      MigrationGraph graph = p.graph();
      applied = p.applied();
      checkConsistent(graph, applied);
      MigrationPlanner planner = p.planner();
      List<PlanStep> plan = planner.plan(targets);
      MigrationPlanner.checkReversible(plan);
      OperationsChecksum.requireUnchanged(plan);
      MissingFiles.check(migrations, appliedRows, planner, targets, plan);
      listener.missingFiles(missingSinceApplied(appliedRows));
      boolean backwards = !plan.isEmpty() && plan.get(0).backwards();
      // One transaction for all: the scripts are made while the first ones run.
      boolean pipelined = fresh && !backwards && !plan.isEmpty()
          && plan.stream().allMatch(step -> step.migration().atomic());
      if (fresh && !pipelined) readUnappliedOperations(appliedRows);
      // Otherwise make every migration's SQL first: an operation that does not fit the state
      // before it (AddField to a missing model), or whose SQL cannot be made, is refused here,
      // naming its file, and not once the migrations before it have committed.
      Scripts scripts = pipelined ? Scripts.pipelined(new ScriptPipeline(
          plan.stream().map(PlanStep::migration).toList(), stateAt(graph, applied),
          (m, before) -> script(m, before, false), () -> readUnappliedOperations(appliedRows)))
          : Scripts.of(backwards ? scriptsBackwards(graph, applied, plan)
              : scriptsForwards(graph, applied, plan));
      listener.planned(plan);
      Set<MigrationKey> recorded = new LinkedHashSet<>(appliedRows.keySet());
      if (plan.isEmpty()) {
        recordReplacements(recorded, listener);
        return plan;
      }
      // A fresh run creates the table in its transaction: a failure leaves nothing behind.
      if (!fresh) history.ensureExists();
      // --fake-initial adopts a database that is already in use: its migrations keep their own
      // transactions, so that none holds locks on live tables for the whole run.
      try (scripts) {
        run(plan, scripts, applied, options, listener, fresh && !backwards);
      }
      plan.forEach(step -> {
        Migration m = step.migration();
        if (step.backwards()) {
          recorded.remove(m.key());
          m.replaces().forEach(recorded::remove);
        } else {
          recorded.add(m.key());
          recorded.addAll(m.replaces());
        }
      });
      recordReplacements(recorded, listener);
      return plan;
    }
  }

  /** The scripts of a forwards plan, each made from the state the one before leaves. */
  private List<MigrationScript> scriptsForwards(MigrationGraph graph, Set<MigrationKey> applied,
      List<PlanStep> plan) {
    List<MigrationScript> scripts = new ArrayList<>();
    if (plan.isEmpty()) return scripts;
    ProjectState state = stateAt(graph, applied);
    for (PlanStep step : plan) {
      MigrationScript script = script(step.migration(), state, false);
      scripts.add(script);
      state = script.after();
    }
    return scripts;
  }



  /** The state the applied migrations leave; rows for migrations with no file count for none. */
  private static ProjectState stateAt(MigrationGraph graph, Set<MigrationKey> applied) {
    return graph.stateAt(applied.stream().filter(graph.nodes()::contains).toList());
  }

  private List<MigrationScript> scriptsBackwards(MigrationGraph graph, Set<MigrationKey> applied,
      List<PlanStep> plan) {
    Map<MigrationKey, ProjectState> before = statesBefore(graph, applied, plan);
    return plan.stream()
        .map(step -> script(step.migration(), before.get(step.migration().key()), true))
        .toList();
  }

  /**
   * The state to unapply each migration of the plan from: every migration still applied when its
   * turn comes, replayed in plan order, without it. Not the state it was first applied on: other
   * apps' migrations applied since (a model renamed) still are in the database, and a SQLite table
   * remake must point at their tables as they are now.
   */
  private Map<MigrationKey, ProjectState> statesBefore(MigrationGraph graph,
      Set<MigrationKey> applied, List<PlanStep> plan) {
    Set<MigrationKey> remaining = new LinkedHashSet<>(applied);
    List<MigrationKey> order = graph.fullPlan();
    Map<MigrationKey, ProjectState> states = new HashMap<>();
    for (PlanStep step : plan) {
      MigrationKey key = step.migration().key();
      remaining.remove(key);
      ProjectState state = ProjectState.empty();
      for (MigrationKey k : order) {
        if (remaining.contains(k)) state = replay(graph.migration(k), state);
      }
      states.put(key, state);
    }
    return states;
  }

  private MigrationScript script(Migration m, ProjectState before, boolean backwards) {
    List<ProjectState> states = new ArrayList<>();
    ProjectState state = before;
    states.add(state);
    for (Operation op : m.operations()) {
      state = replay(m, op, state);
      states.add(state);
    }
    return MigrationScript.make(dialect, m, states, backwards, (i, op, e) -> {
      if (e instanceof StateException se) return ReplayException.of(m, op, se);
      return e instanceof RuntimeException r ? r
          : new IllegalStateException("a collecting sink runs nothing", e);
    });
  }

  private static ProjectState replay(Migration m, ProjectState state) {
    for (Operation op : m.operations()) state = replay(m, op, state);
    return state;
  }

  private static ProjectState replay(Migration m, Operation op, ProjectState state) {
    try {
      return op.stateForwards(m.app(), state);
    } catch (StateException e) {
      throw ReplayException.of(m, op, e);
    }
  }

  /**
   * Runs the plan's scripts in order, each migration in one transaction with its history change.
   * When {@code freshDatabase} (nothing applied, nothing adopted) and the database has
   * transactional DDL, the run's migrations share one transaction instead ({@link
   * SharedTransaction}), up to any non-atomic one, which commits what came before it: nobody
   * uses a new database yet, so its locks held longer hurt no one, a failure leaves it as empty
   * as it was, and a thousand commits and round trips are saved.
   */
  private void run(List<PlanStep> plan, Scripts scripts, Set<MigrationKey> applied,
      MigrateOptions options, MigrationListener listener, boolean freshDatabase)
      throws SQLException {
    ProgressiveRun outside = new ProgressiveRun(connection, dialect, history);
    try (SharedTransaction shared = freshDatabase
        ? new SharedTransaction(connection, dialect, history, listener) : null) {
      for (int i = 0; i < plan.size(); i++) {
        PlanStep step = plan.get(i);
        MigrationScript script = scripts.get(i);
        Migration m = step.migration();
        if (i == plan.size() - 1) dialect.beforeLastMigration(connection);
        boolean fake = options.fake() || (!step.backwards() && options.fakeInitial()
            && new InitialMigrationCheck(dialect, connection).isAlreadyThere(m, script.before()));
        boolean inTransaction = script.runsInTransaction(dialect) && !step.isPartial();
        if (shared != null && inTransaction) {
          shared.add(step, script, fake);
        } else {
          if (shared != null) {
            shared.commit();
            history.ensureExists();
          }
          listener.started(step);
          long start = System.nanoTime();
          if (inTransaction) runInTransaction(script, fake);
          else outside.run(script, step.progress(), fake);
          listener.finished(step, (System.nanoTime() - start) / 1_000_000, fake);
        }
        if (step.backwards()) {
          applied.remove(m.key());
          m.replaces().forEach(applied::remove);
        } else {
          applied.add(m.key());
          applied.addAll(m.replaces());
        }
      }
      scripts.awaitEnd();
      if (shared != null) shared.commit();
    }
  }

  /** Runs one migration's script and its history change in one transaction. */
  private void runInTransaction(MigrationScript script, boolean fake) throws SQLException {
    long start = System.nanoTime();
    Migration m = script.migration();
    boolean backwards = script.backwards();
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      if (!fake) {
        script.run(dialect, connection,
            (i, op, e) -> MigrationErrors.MigrationFailed.inOperation(m, i, backwards, e));
        dialect.checkIntegrity(connection);
      }
      if (backwards) {
        removeApplied(m);
      } else {
        history.record(historyRows(m, (System.nanoTime() - start) / 1_000_000));
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly();
      String outcome = MigrationErrors.MigrationFailed.ROLLED_BACK;
      // An operation's failure already names the migration and operation; keep its cause.
      if (e instanceof MigrationErrors.MigrationFailed f) throw f.withOutcome(outcome);
      throw new MigrationErrors.MigrationFailed((backwards ? "unapplying " : "applying ")
          + m.key() + ": " + e.getMessage() + outcome, e);
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      log.warn("rollback failed", e);
    }
  }

  /** A squashed migration is recorded when it applies; its originals are recorded with it. */
  static List<AppliedMigration> historyRows(Migration m, long millis) {
    List<AppliedMigration> rows = new ArrayList<>();
    rows.add(MigrationHistory.row(m.key(), m.checksum(), millis));
    for (MigrationKey replaced : m.replaces()) rows.add(MigrationHistory.row(replaced, null, 0));
    return rows;
  }

  private void removeApplied(Migration m) throws SQLException {
    history.remove(m.key());
    for (MigrationKey replaced : m.replaces()) history.remove(replaced);
  }

  /** Records a squash as applied once every migration it replaces is, as Django does. */
  private void recordReplacements(Set<MigrationKey> recorded, MigrationListener listener)
      throws SQLException {
    for (Migration m : migrations) {
      if (m.replaces().isEmpty() || recorded.contains(m.key())) continue;
      if (recorded.containsAll(m.replaces())) {
        history.ensureExists();
        history.record(m.key(), m.checksum(), 0);
        recorded.add(m.key());
        listener.recordedReplacement(m.key());
      }
    }
  }

  private static void checkConsistent(MigrationGraph graph, Set<MigrationKey> applied) {
    for (MigrationKey key : applied) {
      if (!graph.nodes().contains(key)) continue;
      for (MigrationKey parent : graph.parents(key)) {
        if (!applied.contains(parent)) {
          throw new MigrationErrors.InconsistentHistory("migration " + key + " is applied before"
              + " its dependency " + parent + ".\n  The history table and the migration files"
              + " disagree: restore the missing migration, or record it with"
              + " 'cairn migrate " + parent.app() + " " + parent.name() + " --fake'.");
        }
      }
    }
  }
}
