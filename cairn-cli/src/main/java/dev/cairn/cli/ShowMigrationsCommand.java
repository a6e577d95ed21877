package dev.cairn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cairn.api.Cairn;
import dev.cairn.api.MigrationStatus;
import dev.cairn.api.Status;
import dev.cairn.migration.MigrationKey;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    String mark() {
      return applied ? "[X]" : operationsApplied != null ? "[~]" : "[ ]";
    }
  }

  @Override public Integer call() throws Exception {
    Project project = Project.load(common);
    Cairn cairn = project.connecting();
    cairn.missingDatabaseFile().ifPresent(file -> spec.commandLine().getErr().println(
        "note: no database file " + file + " yet; nothing is applied (migrate creates it)."));
    Status status = cairn.status();
    for (String app : apps) {
      if (!project.config().apps().containsKey(app)) {
        throw new CliException(ExitCodes.BAD_INPUT, "no app '" + app + "' in cairn.yaml; apps: "
            + String.join(", ", project.config().apps().keySet()));
      }
    }
    List<Row> rows = new ArrayList<>();
    for (MigrationStatus m : plan ? status.inPlanOrder() : status.migrations()) {
      if (!apps.isEmpty() && !apps.contains(m.app())) continue;
      MigrationStatus.PartlyApplied partly = m.partlyApplied();
      rows.add(new Row(m.app(), m.name(), m.applied(),
          m.appliedAt() == null ? null : m.appliedAt().toString(), m.changed(), m.replaces(),
          m.fileMissing(), partly == null ? null : partly.operationsApplied(),
          partly == null ? null : partly.operations()));
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
    MigrateCommand.warnMissing(spec.commandLine().getErr(), project, status.missingFiles());
    if (!status.changed().isEmpty()) {
      spec.commandLine().getErr().println("warning: " + status.changed().size()
          + " applied migration(s) changed since they were applied; migrate will refuse to run.");
    }
    out.flush();
    return ExitCodes.OK;
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
