package dev.cairn.execute;

import dev.cairn.graph.MigrationGraph;
import dev.cairn.graph.ReplayException;
import dev.cairn.history.AppliedMigration;
import dev.cairn.history.MigrationHistory;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.operations.Operation;
import dev.cairn.schema.CollectingSink;
import dev.cairn.schema.ConnectionSink;
import dev.cairn.schema.DatabaseLock;
import dev.cairn.schema.Dialect;
import dev.cairn.state.ProjectState;
import dev.cairn.state.StateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
 * the database has transactional DDL (unless the migration says {@code atomic: false}).
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
    for (Migration m : migrations) {
      AppliedMigration row = applied.get(m.key());
      if (row == null || row.checksum() == null || !row.checksum().equals(m.checksum())) {
        m.operations();
      }
    }
  }

  /**
   * The graph to plan with and the migrations that count as applied in it: a squashed migration
   * counts once all it replaces is recorded. Two leaves in one app stop everything.
   */
  private record Planning(MigrationGraph graph, Set<MigrationKey> applied) {}

  private Planning planning(Map<MigrationKey, AppliedMigration> appliedRows) {
    Set<MigrationKey> recorded = appliedRows.keySet();
    MigrationGraph graph = graph(recorded);
    graph.requireNoConflicts();
    return new Planning(graph, new LinkedHashSet<>(graph.applied(recorded)));
  }

  /** What {@link #migrate} would do now, without the lock and without changing anything. */
  public List<PlanStep> plan(List<Target> targets) throws SQLException {
    Map<MigrationKey, AppliedMigration> appliedRows = applied();
    readUnappliedOperations(appliedRows);
    Planning p = planning(appliedRows);
    MigrationPlanner planner = new MigrationPlanner(p.graph(), p.applied());
    List<PlanStep> plan = planner.plan(targets);
    MigrationPlanner.checkReversible(plan);
    MissingFiles.check(migrations, appliedRows, planner, targets, plan);
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
    try (DatabaseLock lock = dialect.lock(connection)) {
      // Every check runs before the history table is created: a refused run changes nothing.
      Map<MigrationKey, AppliedMigration> appliedRows = history.applied();
      readUnappliedOperations(appliedRows); // a broken file is named before any other problem
      Set<MigrationKey> applied = appliedRows.keySet();
      List<MigrationKey> changed = changedSinceApplied(appliedRows);
      if (!changed.isEmpty() && !options.ignoreChecksums()) {
        throw new MigrationErrors.ChecksumMismatch(changed);
      }
      Planning p = planning(appliedRows);
      MigrationGraph graph = p.graph();
      applied = p.applied();
      checkConsistent(graph, applied);
      MigrationPlanner planner = new MigrationPlanner(graph, applied);
      List<PlanStep> plan = planner.plan(targets);
      MigrationPlanner.checkReversible(plan);
      MissingFiles.check(migrations, appliedRows, planner, targets, plan);
      listener.missingFiles(missingSinceApplied(appliedRows));
      boolean backwards = !plan.isEmpty() && plan.get(0).backwards();
      // Replay every state change first: an operation that does not fit the state before it
      // (AddField to a missing model) is refused here, naming its file, and not once the
      // migrations before it have committed.
      ProjectState start = backwards || plan.isEmpty() ? null : replay(graph, applied, plan);
      Map<MigrationKey, ProjectState> statesBefore = backwards ? statesBefore(graph, applied, plan) : null;
      if (backwards) plan.forEach(step -> dryRun(step.migration(), statesBefore.get(step.migration().key()), true));
      listener.planned(plan);
      Set<MigrationKey> recorded = new LinkedHashSet<>(appliedRows.keySet());
      if (plan.isEmpty()) {
        recordReplacements(recorded, listener);
        return plan;
      }
      history.ensureExists();
      if (backwards) {
        unapply(statesBefore, applied, plan, options, listener);
      } else {
        apply(start, applied, plan, options, listener);
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

  /** The state the forwards plan starts from, once every migration in it replays onto it. */
  private ProjectState replay(MigrationGraph graph, Set<MigrationKey> applied,
      List<PlanStep> plan) {
    ProjectState start = graph.stateAt(applied.stream().filter(graph.nodes()::contains).toList());
    ProjectState state = start;
    for (PlanStep step : plan) state = dryRun(step.migration(), state, false);
    return start;
  }

  /**
   * Generates a migration's SQL without running it, so that what only SQL generation finds (an
   * index on a field the model lacks, a relation to no model) is refused before anything runs;
   * returns the state after the migration.
   */
  private ProjectState dryRun(Migration m, ProjectState before, boolean backwards) {
    List<ProjectState> states = new ArrayList<>();
    ProjectState state = before;
    states.add(state);
    for (Operation op : m.operations()) {
      state = replay(m, op, state);
      states.add(state);
    }
    MigrationSql.run(dialect.schemaEditor(new CollectingSink()), m, states, backwards,
        (i, op, e) -> {
          if (e instanceof StateException se) return ReplayException.of(m, op, se);
          return e instanceof RuntimeException r ? r
              : new IllegalStateException("a collecting sink runs nothing", e);
        });
    return state;
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

  private void apply(ProjectState from, Set<MigrationKey> applied, List<PlanStep> plan,
      MigrateOptions options, MigrationListener listener) throws SQLException {
    ProjectState state = from;
    for (PlanStep step : plan) {
      Migration m = step.migration();
      if (step == plan.get(plan.size() - 1)) dialect.beforeLastMigration(connection);
      boolean fake = options.fake()
          || (options.fakeInitial() && new InitialMigrationCheck(dialect, connection).isAlreadyThere(m, state));
      listener.started(step);
      long start = System.nanoTime();
      state = runInTransaction(m, fake, state, millis -> recordApplied(m, millis), false);
      long millis = (System.nanoTime() - start) / 1_000_000;
      applied.add(m.key());
      applied.addAll(m.replaces());
      listener.finished(step, millis, fake);
    }
  }

  private void unapply(Map<MigrationKey, ProjectState> statesBefore, Set<MigrationKey> applied,
      List<PlanStep> plan, MigrateOptions options, MigrationListener listener) throws SQLException {
    for (PlanStep step : plan) {
      Migration m = step.migration();
      if (step == plan.get(plan.size() - 1)) dialect.beforeLastMigration(connection);
      listener.started(step);
      long start = System.nanoTime();
      runInTransaction(m, options.fake(), statesBefore.get(m.key()), millis -> removeApplied(m),
          true);
      long millis = (System.nanoTime() - start) / 1_000_000;
      applied.remove(m.key());
      m.replaces().forEach(applied::remove);
      listener.finished(step, millis, options.fake());
    }
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

  @FunctionalInterface
  private interface HistoryChange {
    void apply(long millisSoFar) throws SQLException;
  }

  /**
   * Runs one migration's operations (forwards, or backwards last first) and its history change in
   * one transaction where the database allows; returns the state after the migration.
   */
  private ProjectState runInTransaction(Migration m, boolean fake, ProjectState before,
      HistoryChange historyChange, boolean backwards) throws SQLException {
    long start = System.nanoTime();
    List<ProjectState> states = MigrationSql.states(m, before);
    ProjectState after = states.get(states.size() - 1);
    boolean transactional = dialect.hasTransactionalDdl() && m.atomic();
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(!transactional);
    try {
      if (!fake) {
        MigrationSql.run(dialect.schemaEditor(new ConnectionSink(connection)), m, states,
            backwards, (i, op, e) -> new MigrationErrors.MigrationFailed(
                (backwards ? "unapplying " : "applying ") + m.key() + ", operation " + (i + 1)
                    + " (" + op.describe() + "): " + e.getMessage(), e));
        dialect.checkIntegrity(connection);
      }
      historyChange.apply((System.nanoTime() - start) / 1_000_000);
      if (transactional) connection.commit();
    } catch (SQLException | RuntimeException e) {
      if (transactional) rollbackQuietly();
      String outcome = transactional ? "\n  The migration was rolled back; nothing of it was"
          + " applied." : "\n  This migration is not atomic: its earlier statements stay applied;"
          + " check the database before running migrate again.";
      // An operation's failure already names the migration and operation; keep its cause.
      if (e instanceof MigrationErrors.MigrationFailed f) {
        throw new MigrationErrors.MigrationFailed(f.getMessage() + outcome, f.getCause());
      }
      throw new MigrationErrors.MigrationFailed((backwards ? "unapplying " : "applying ")
          + m.key() + ": " + e.getMessage() + outcome, e);
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    return backwards ? before : after;
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      log.warn("rollback failed", e);
    }
  }

  /** A squashed migration is recorded when it applies; its originals are recorded with it. */
  private void recordApplied(Migration m, long millis) throws SQLException {
    history.record(m.key(), m.checksum(), millis);
    for (MigrationKey replaced : m.replaces()) history.record(replaced, null, 0);
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
