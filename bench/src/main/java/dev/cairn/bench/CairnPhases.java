package dev.cairn.bench;

import dev.cairn.connect.Database;
import dev.cairn.execute.MigrateOptions;
import dev.cairn.execute.MigrationExecutor;
import dev.cairn.execute.MigrationListener;
import dev.cairn.execute.MigrationPlanner;
import dev.cairn.graph.MigrationGraph;
import dev.cairn.history.AppliedMigration;
import dev.cairn.history.MigrationHistory;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.migration.MigrationLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a no-op {@code migrate} spends its time, phase by phase, in a fresh JVM (so the first,
 * cold call is what is timed, as in a whole-process run), then once more warm. Usage: {@code
 * CairnPhases <project> <jdbc-url>} on a database where the project is fully applied.
 */
public final class CairnPhases {
  public static void main(String[] args) throws Exception {
    Path project = Path.of(args[0]);
    String url = args[1];
    for (String label : List.of("cold", "warm")) {
      long t0 = System.nanoTime();
      List<Migration> all = MigrationLoader.load(Map.of(CompareProject.APP,
          project.resolve("migrations").resolve(CompareProject.APP)));
      long t1 = System.nanoTime();
      try (Database db = Database.open(url)) {
        long t2 = System.nanoTime();
        MigrationHistory history = new MigrationHistory(db.connection(), db.dialect());
        Map<MigrationKey, AppliedMigration> rows = history.applied();
        long t3 = System.nanoTime();
        MigrationExecutor executor = new MigrationExecutor(db.connection(), db.dialect(), all);
        executor.changedSinceApplied(rows);
        long t4 = System.nanoTime();
        MigrationGraph graph = executor.graph(rows.keySet());
        graph.requireNoConflicts();
        Set<MigrationKey> applied = new LinkedHashSet<>(graph.applied(rows.keySet()));
        new MigrationPlanner(graph, applied).plan(List.of());
        long t5 = System.nanoTime();
        executor.migrate(List.of(), MigrateOptions.DEFAULTS, MigrationListener.SILENT);
        long t6 = System.nanoTime();
        System.out.printf("%s: read %d files %.0f ms | connect %.0f ms | history read %.0f ms |"
            + " checksums %.0f ms | graph + plan %.0f ms | whole no-op migrate() %.0f ms%n", label,
            all.size(), ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4),
            ms(t6 - t5));
      }
    }
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
