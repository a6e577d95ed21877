package dev.cairn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cairn.connect.Database;
import dev.cairn.execute.MigrationExecutor;
import dev.cairn.graph.MigrationGraph;
import dev.cairn.history.AppliedMigration;
import dev.cairn.history.Progress;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "showmigrations",
    description = "List migrations and whether each is applied.")
final class ShowMigrationsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "<app>", arity = "0..*", description = "Apps to list. Default: every app.")
  List<String> apps = new ArrayList<>();

  @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
      description = "Print as text or json. Default: ${DEFAULT-VALUE}.")
  OutputFormat format;

  enum OutputFormat { text, json }

  @Option(names = "--plan", description = "List all migrations in the order migrate applies them.")
  boolean plan;

  /**
   * One line of the listing.
   *
   * @param operationsApplied of a migration that stopped part-way outside a transaction, how many
   *     of its {@code operations} are in the database; else {@code null}, as {@code operations}
   */
  record Row(String app, String name, boolean applied, String appliedAt, boolean changed,
      int squashed, boolean fileMissing, Integer operationsApplied, Integer operations) {
    Row(String app, String name, boolean applied, String appliedAt, boolean changed,
        int squashed, boolean fileMissing) {
      this(app, name, applied, appliedAt, changed, squashed, fileMissing, null, null);
    }

    String mark() {
      return applied ? "[X]" : operationsApplied != null ? "[~]" : "[ ]";
    }
  }

  @Override public Integer call() throws Exception {
    Project project = Project.load(common);
    Path file = Project.sqliteFile(project.databaseUrl());
    if (file != null && !Files.exists(file)) {
      spec.commandLine().getErr().println("note: no database file " + file + " yet; nothing is"
          + " applied (migrate creates it).");
    }
    try (Project.OpenedProject opened = project.openToReadReadingMigrations()) {
      Database db = opened.db();
      List<Migration> migrations = opened.migrations();
      MigrationExecutor executor = new MigrationExecutor(db.connection(), db.dialect(), migrations);
      Map<MigrationKey, AppliedMigration> appliedRows = executor.applied();
      executor.readUnappliedOperations(appliedRows);
      MigrationGraph graph = executor.graph(appliedRows.keySet());
      Set<MigrationKey> applied = graph.applied(appliedRows.keySet());
      Set<MigrationKey> changed = Set.copyOf(executor.changedSinceApplied(appliedRows));
      Map<MigrationKey, Progress> partial = executor.partial();
      for (String app : apps) {
        if (!project.config().apps().containsKey(app)) {
          throw new CliException(ExitCodes.BAD_INPUT, "no app '" + app + "' in cairn.yaml; apps: "
              + String.join(", ", project.config().apps().keySet()));
        }
      }
      List<MigrationKey> order = plan ? graph.fullPlan() : graph.nodes().stream().toList();
      List<Row> rows = new ArrayList<>();
      for (MigrationKey key : order) {
        if (!apps.isEmpty() && !apps.contains(key.app())) continue;
        AppliedMigration row = appliedRows.get(key);
        Migration m = graph.migration(key);
        Progress progress = applied.contains(key) ? null : partial.get(key);
        rows.add(new Row(key.app(), key.name(), applied.contains(key),
            row == null || row.applied() == null ? null : row.applied().toString(),
            changed.contains(key), m.replaces().size(), false,
            progress == null ? null : progress.operations(),
            progress == null ? null : m.operations().size()));
      }
      // Applied migrations whose files are gone come last in their app, in the order applied.
      List<MigrationKey> missing = executor.missingSinceApplied(appliedRows);
      for (MigrationKey key : missing) {
        if (!apps.isEmpty() && !apps.contains(key.app())) continue;
        AppliedMigration row = appliedRows.get(key);
        rows.add(new Row(key.app(), key.name(), true,
            row.applied() == null ? null : row.applied().toString(), false, 0, true));
      }
      PrintWriter out = spec.commandLine().getOut();
      if (format == OutputFormat.json) {
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .writeValueAsString(rows));
      } else if (plan) {
        for (Row r : rows) out.println(r.mark() + "  " + r.app() + "." + r.name() + notes(r));
      } else {
        printByApp(out, project, rows);
      }
      MigrateCommand.warnMissing(spec.commandLine().getErr(), project, missing);
      if (!changed.isEmpty()) {
        spec.commandLine().getErr().println("warning: " + changed.size()
            + " applied migration(s) changed since they were applied; migrate will refuse to run.");
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** Where the file of a migration would be: in its app's migrations folder. */
  static String expectedFile(Project project, MigrationKey key) {
    return project.config().app(key.app())
        .map(a -> a.migrations().resolve(key.name() + ".yaml").toString())
        .orElse(key.name() + ".yaml");
  }

  private void printByApp(PrintWriter out, Project project, List<Row> rows) {
    Map<String, List<Row>> byApp = new LinkedHashMap<>();
    List<String> appOrder = apps.isEmpty() ? new ArrayList<>(project.config().apps().keySet()) : apps;
    appOrder.forEach(a -> byApp.put(a, new ArrayList<>()));
    rows.forEach(r -> byApp.computeIfAbsent(r.app(), a -> new ArrayList<>()).add(r));
    byApp.forEach((app, list) -> {
      out.println(app);
      if (list.isEmpty()) out.println(" (no migrations)");
      for (Row r : list) out.println(" " + r.mark() + " " + r.name() + notes(r));
    });
  }

  private static String notes(Row r) {
    String notes = "";
    if (r.operationsApplied() != null) {
      notes += " (" + r.operationsApplied() + " of " + r.operations() + " operations applied)";
    }
    if (r.squashed() > 0) notes += " (" + r.squashed() + " squashed migrations)";
    if (r.changed()) notes += " (changed since applied!)";
    if (r.fileMissing()) notes += " (file missing!)";
    return notes;
  }
}
