package dev.cairn.bench;

import dev.cairn.connect.Database;
import dev.cairn.execute.MigrateOptions;
import dev.cairn.execute.MigrationExecutor;
import dev.cairn.execute.MigrationListener;
import dev.cairn.execute.Target;
import dev.cairn.graph.MigrationGraph;
import dev.cairn.history.AppliedMigration;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.migration.MigrationLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Cairn in process: what {@code cairn migrate} and {@code showmigrations} do after parsing args. */
final class CairnTool implements Tool {
  private final Path project;
  private final int migrations;

  CairnTool(Path project, int migrations) {
    this.project = project;
    this.migrations = migrations;
  }

  @Override public String name() {
    return "Cairn";
  }

  private List<Migration> load() {
    return MigrationLoader.load(Map.of(CompareProject.APP,
        project.resolve("migrations").resolve(CompareProject.APP)));
  }

  @Override public void migrate(String url) throws Exception {
    run(url, List.of());
  }

  private void run(String url, List<Target> targets) throws Exception {
    List<Migration> all = load();
    try (Database db = Database.open(url)) {
      new MigrationExecutor(db.connection(), db.dialect(), all)
          .migrate(targets, MigrateOptions.DEFAULTS, MigrationListener.SILENT);
    }
  }

  /** As {@code ShowMigrationsCommand}: history, graph, checksums, one line per migration. */
  @Override public String status(String url) throws Exception {
    List<Migration> all = load();
    try (Database db = Database.open(url)) {
      MigrationExecutor executor = new MigrationExecutor(db.connection(), db.dialect(), all);
      Map<MigrationKey, AppliedMigration> rows = executor.applied();
      MigrationGraph graph = executor.graph(rows.keySet());
      Set<MigrationKey> applied = graph.applied(rows.keySet());
      Set<MigrationKey> changed = Set.copyOf(executor.changedSinceApplied(rows));
      StringBuilder out = new StringBuilder(CompareProject.APP).append('\n');
      for (MigrationKey key : graph.nodes()) {
        out.append(applied.contains(key) ? " [X] " : " [ ] ").append(key.name())
            .append(changed.contains(key) ? " (changed since applied!)" : "").append('\n');
      }
      return out.toString();
    }
  }

  @Override public boolean canRollBack() {
    return true;
  }

  @Override public void rollback(String url, int count) throws Exception {
    run(url, List.of(new Target(CompareProject.APP,
        CompareProject.nameBeforeLast(migrations, count))));
  }
}
