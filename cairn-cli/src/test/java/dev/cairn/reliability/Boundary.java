package dev.cairn.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.connect.Database;
import dev.cairn.graph.MigrationGraph;
import dev.cairn.history.MigrationHistory;
import dev.cairn.history.MigrationProgress;
import dev.cairn.history.Progress;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.migration.MigrationLoader;
import dev.cairn.operations.Operation;
import dev.cairn.schema.ExpectedSchema;
import dev.cairn.schema.SchemaSnapshot;
import dev.cairn.state.ProjectState;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Checks that a database sits exactly at a migration boundary: the history lists a prefix of the
 * plan, each migration once; the ledger lists the same migrations, each once; and the live schema
 * equals the state after replaying exactly the recorded migrations, in graph order.
 */
final class Boundary {
  private final MigrationGraph graph;
  private final List<MigrationKey> plan;
  private final Predicate<String> engineLeftover;
  private final Set<String> leftoversSeen = new TreeSet<>();

  Boundary(Path projectRoot) {
    this(projectRoot, table -> false);
  }

  /**
   * @param engineLeftover the tables the database engine itself may leave after a kill (H2's
   *     copies of a table it was altering), left out of the compared schema and counted
   */
  Boundary(Path projectRoot, Predicate<String> engineLeftover) {
    this.engineLeftover = engineLeftover;
    List<Migration> migrations = MigrationLoader.load(
        Map.of(LoadProject.APP, projectRoot.resolve("migrations/" + LoadProject.APP)));
    graph = MigrationGraph.of(migrations);
    plan = graph.fullPlan();
  }

  int total() {
    return plan.size();
  }

  /** The engine's leftover tables seen so far (each database's), by name. */
  Set<String> leftoversSeen() {
    return Set.copyOf(leftoversSeen);
  }

  /** The live schema, the engine's leftovers taken out and noted. */
  private SchemaSnapshot live(Database db, String url) throws SQLException {
    SchemaSnapshot live = db.dialect().introspect(db.connection());
    Map<String, SchemaSnapshot.Table> tables = new LinkedHashMap<>(live.tables());
    for (String table : live.tables().keySet()) {
      if (engineLeftover.test(table)) {
        leftoversSeen.add(url + " " + table);
        tables.remove(table);
      }
    }
    return new SchemaSnapshot(tables).withSortedColumns();
  }

  /** Asserts the boundary and returns how many migrations are recorded as applied. */
  int check(String url) throws SQLException {
    try (Database db = Database.open(url)) {
      assertThat(column(db, "SELECT app, name FROM " + MigrationProgress.TABLE,
          MigrationProgress.TABLE)).as("migrations left part-way").isEmpty();
      List<String> history = column(db, "SELECT app, name FROM "
          + MigrationHistory.TABLE + " ORDER BY id", MigrationHistory.TABLE);
      assertThat(history).as("history rows").doesNotHaveDuplicates();
      List<String> prefix = plan.subList(0, history.size()).stream()
          .map(MigrationKey::toString).toList();
      assertThat(history).as("the history is the start of the plan").isEqualTo(prefix);

      List<String> ledger = column(db, "SELECT '" + LoadProject.APP + "', migration FROM "
          + LoadProject.LEDGER + " ORDER BY id", LoadProject.LEDGER);
      assertThat(ledger).as("each recorded migration's RunSQL ran once, and no other's")
          .containsExactlyInAnyOrderElementsOf(history);

      Set<MigrationKey> applied = new HashSet<>(plan.subList(0, history.size()));
      ProjectState state = ProjectState.empty();
      for (MigrationKey key : plan) {
        if (!applied.contains(key)) continue;
        Migration m = graph.migration(key);
        for (Operation op : m.operations()) state = op.stateForwards(m.app(), state);
      }
      assertThat(live(db, url))
          .as("the live schema after %s", history.isEmpty() ? "no migration"
              : history.get(history.size() - 1))
          .isEqualTo(ExpectedSchema.of(state, db.dialect()).withSortedColumns());
      return history.size();
    }
  }

  /**
   * After a kill of a run whose migrations run outside transactions: the history is a prefix of
   * the plan, at most the next migration is partly applied and recorded so, each RunSQL that is
   * recorded as run ran once, and the live schema is the state of the recorded migrations and of
   * the operations of the partial one that ran (unless it stopped inside one). Returns the
   * migrations recorded as applied.
   */
  int checkPartial(String url) throws SQLException {
    try (Database db = Database.open(url)) {
      List<String> history = column(db, "SELECT app, name FROM "
          + MigrationHistory.TABLE + " ORDER BY id", MigrationHistory.TABLE);
      assertThat(history).as("the history is the start of the plan")
          .isEqualTo(plan.subList(0, history.size()).stream().map(MigrationKey::toString).toList());
      Map<MigrationKey, Progress> progress = new MigrationProgress(db.connection(), db.dialect())
          .read();
      assertThat(progress.size()).as("migrations left part-way: %s", progress).isLessThanOrEqualTo(1);
      Progress partial = progress.values().stream().findFirst().orElse(null);
      List<String> ledgered = new ArrayList<>(history);
      ProjectState state = ProjectState.empty();
      for (MigrationKey key : plan.subList(0, history.size())) {
        Migration m = graph.migration(key);
        for (Operation op : m.operations()) state = op.stateForwards(m.app(), state);
      }
      if (partial != null) {
        assertThat(partial.key()).as("the migration left part-way")
            .isEqualTo(plan.get(history.size()));
        Migration m = graph.migration(partial.key());
        List<Operation> ops = m.operations();
        // The ledger's RunSQL is the last operation: one statement, in a transaction here.
        if (partial.touchedOperations() == ops.size() && !partial.inDoubt()
            && (partial.operations() == ops.size() || partial.statements() == 1)) {
          ledgered.add(partial.key().toString());
        }
        for (Operation op : ops.subList(0, partial.operations())) {
          state = op.stateForwards(m.app(), state);
        }
      }
      List<String> ledger = column(db, "SELECT '" + LoadProject.APP + "', migration FROM "
          + LoadProject.LEDGER + " ORDER BY id", LoadProject.LEDGER);
      assertThat(ledger).as("each RunSQL recorded as run ran once, and no other")
          .containsExactlyInAnyOrderElementsOf(ledgered);
      if (partial == null || !partial.isInsideAnOperation()) {
        assertThat(live(db, url))
            .as("the live schema after %s", partial == null ? history : partial)
            .isEqualTo(ExpectedSchema.of(state, db.dialect()).withSortedColumns());
      }
      return history.size();
    }
  }

  /**
   * A query's rows, each its two columns joined by a dot (MySQL reads {@code ||} as OR); empty
   * when {@code table} does not exist (yet) in the connection's database (H2 stores it in upper
   * case, as it reads the query's unquoted names).
   */
  private static List<String> column(Database db, String sql, String table) throws SQLException {
    List<String> values = new ArrayList<>();
    DatabaseMetaData meta = db.connection().getMetaData();
    String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    try (ResultSet tables = meta.getTables(db.connection().getCatalog(), null, stored, null)) {
      if (!tables.next()) return values;
    }
    try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) row.add(rs.getString(i));
        values.add(String.join(".", row));
      }
    }
    return values;
  }
}
