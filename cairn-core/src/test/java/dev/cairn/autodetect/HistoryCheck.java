package dev.cairn.autodetect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.connect.Database;
import dev.cairn.dialect.h2.H2Dialect;
import dev.cairn.dialect.mysql.MysqlDialect;
import dev.cairn.dialect.postgres.PostgresDialect;
import dev.cairn.dialect.sqlite.SqliteDialect;
import dev.cairn.execute.MigrateOptions;
import dev.cairn.execute.MigrationExecutor;
import dev.cairn.execute.MigrationListener;
import dev.cairn.execute.Target;
import dev.cairn.graph.MigrationGraph;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.optimize.Optimizer;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.ExpectedSchema;
import dev.cairn.schema.SchemaSnapshot;
import dev.cairn.state.ProjectState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code makemigrations} in memory for each step of a {@link RandomHistory} and checks what
 * the issue asks: the migrations rebuild the models, a second run finds nothing, {@code migrate}
 * from zero gives the models' schema, and migrating back to any earlier step gives that step's.
 */
final class HistoryCheck {
  /** A new, empty database for each migrate from zero. */
  @FunctionalInterface
  interface Databases {
    Database fresh() throws Exception;
  }

  /** The migrations as makemigrations writes them: optimized, which may move operations. */
  private static final Optimizer OPTIMIZER = new Optimizer();
  private static final List<Dialect> DIALECTS = List.of(new SqliteDialect(),
      new PostgresDialect(), MysqlDialect.mariaDb(), new H2Dialect());

  private final List<RandomHistory.Step> steps;
  private final Object history;
  private final List<Migration> migrations = new ArrayList<>();
  /** After each step (index 0: before any), each app's last migration. */
  private final List<Map<String, MigrationKey>> leaves = new ArrayList<>();
  private final List<ProjectState> states = new ArrayList<>();
  /** What the migrations replay to at each step: the models' fields, perhaps in another order. */
  private final List<ProjectState> replayedStates = new ArrayList<>();

  HistoryCheck(RandomHistory history) {
    this(history.steps(), history);
  }

  /** @param description what to print for the history when a check fails */
  HistoryCheck(List<RandomHistory.Step> steps, Object description) {
    this.steps = steps;
    this.history = description;
    leaves.add(Map.of());
    states.add(ProjectState.empty());
    replayedStates.add(ProjectState.empty());
  }

  /** Every check of every step on one database; {@code databases == null} checks no database. */
  void run(Databases databases) throws Exception {
    try {
      runSteps(databases);
    } catch (AssertionError e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError(e + "\nhistory:" + history + "\nmigrations:" + describe(), e);
    }
  }

  private void runSteps(Databases databases) throws Exception {
    Database last = null;
    try {
      for (RandomHistory.Step step : steps) {
        makeMigrations(step);
        if (databases == null) continue;
        if (last != null) last.close();
        last = databases.fresh();
        migrate(last, List.of());
        assertSchema(last, states.size() - 1, "migrate from zero");
      }
      if (last != null) migrateBackAndForth(last);
    } finally {
      if (last != null) last.close();
    }
  }

  /** makemigrations, then: the migrations rebuild the models, and {@code --check} is clean. */
  void makeMigrations(RandomHistory.Step step) {
    MigrationGraph graph = MigrationGraph.of(migrations);
    ProjectState current = graph.leafState();
    var changes = new Autodetector(current, step.target(), RandomHistory.APPS, step.questioner())
        .detect();
    List<Migration> made = new MigrationMaker(graph,
        migrations.stream().map(Migration::key).toList(), "", OPTIMIZER::optimize)
        .make(changes, null);
    migrations.addAll(made);

    MigrationGraph after = MigrationGraph.of(migrations);
    after.requireNoConflicts();
    ProjectState replayed = after.leafState();
    for (Dialect d : DIALECTS) {
      // A relation deferred to an AddField (a circle) puts its column last: order is not compared.
      assertThat(columnsSorted(ExpectedSchema.of(replayed, d)))
          .as("%s schema of the replayed migrations %s after step %d of%s", d.name(), made,
              states.size(), history)
          .isEqualTo(columnsSorted(ExpectedSchema.of(step.target(), d)));
    }
    var again = new Autodetector(replayed, step.target(), RandomHistory.APPS, step.questioner())
        .detect();
    assertThat(again).as("makemigrations --check after step %d of%s", states.size(), history)
        .isEmpty();

    Map<String, MigrationKey> appLeaves = new LinkedHashMap<>();
    for (String app : RandomHistory.APPS) {
      List<MigrationKey> l = after.leafNodes(app);
      if (!l.isEmpty()) appLeaves.put(app, l.get(l.size() - 1));
    }
    leaves.add(appLeaves);
    states.add(step.target());
    replayedStates.add(replayed);
  }

  /** From the last step back to each earlier one, then forwards to the last again. */
  private void migrateBackAndForth(Database db) throws Exception {
    int last = states.size() - 1;
    for (int j = last - 1; j >= 0; j--) {
      List<Target> targets = new ArrayList<>();
      for (String app : leaves.get(last).keySet()) {
        MigrationKey leaf = leaves.get(j).get(app);
        targets.add(new Target(app, leaf == null ? Target.ZERO : leaf.name()));
      }
      migrate(db, targets);
      assertSchema(db, j, "migrate back from step " + last);
    }
    migrate(db, List.of());
    assertSchema(db, last, "migrate forwards again");
  }

  private void migrate(Database db, List<Target> targets) throws Exception {
    new MigrationExecutor(db.connection(), db.dialect(), migrations)
        .migrate(targets, MigrateOptions.DEFAULTS, MigrationListener.SILENT);
  }

  /**
   * Compares the database with a step's models. Only a migrate from zero fixes column order:
   * unapplying RemoveField adds the column back at the end, since ALTER TABLE cannot place it.
   */
  private void assertSchema(Database db, int step, String how) throws Exception {
    SchemaSnapshot have = db.dialect().introspect(db.connection());
    SchemaSnapshot want = ExpectedSchema.of(states.get(step), db.dialect());
    assertThat(columnsSorted(have))
        .as("%s: %s to step %d of%s\nmigrations: %s", db.dialect().name(), how, step, history,
            describe())
        .isEqualTo(columnsSorted(want));
    if (how.startsWith("migrate from zero")) {
      // From zero the columns come in the order the migrations give them.
      assertThat(have).as("%s: column order %s to step %d of%s", db.dialect().name(), how, step,
          history).isEqualTo(ExpectedSchema.of(replayedStates.get(step), db.dialect()));
    }
  }

  private static SchemaSnapshot columnsSorted(SchemaSnapshot s) {
    Map<String, SchemaSnapshot.Table> tables = new LinkedHashMap<>();
    s.tables().forEach((name, t) -> {
      List<SchemaSnapshot.Column> columns = new ArrayList<>(t.columns());
      columns.sort(java.util.Comparator.comparing(SchemaSnapshot.Column::name));
      tables.put(name, new SchemaSnapshot.Table(t.name(), columns, t.primaryKey(),
          t.foreignKeys(), t.indexes(), t.checks()));
    });
    return new SchemaSnapshot(tables);
  }

  List<Migration> migrations() {
    return migrations;
  }

  /** Every migration with its operations, for a failure message. */
  String describe() {
    StringBuilder s = new StringBuilder();
    for (Migration m : migrations) {
      s.append("\n  ").append(m.key()).append(" <- ").append(m.dependencies());
      m.operations().forEach(op -> s.append("\n    ").append(op.describe()));
    }
    return s.toString();
  }
}
