package dev.cairn.cli;

import dev.cairn.dialect.Dialects;
import dev.cairn.execute.MigrationPlanner;
import dev.cairn.execute.MigrationSql;
import dev.cairn.execute.Target;
import dev.cairn.graph.MigrationGraph;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.Feature;
import dev.cairn.schema.SqlStatement;
import dev.cairn.state.ProjectState;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sqlmigrate",
    description = "Print the SQL a migration runs, without running it.")
final class SqlMigrateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<app>", description = "App label from cairn.yaml.")
  String app;

  @Parameters(index = "1", paramLabel = "<migration>",
      description = "Migration name or a unique prefix of one (0002).")
  String migration;

  @Option(names = "--backwards", description = "Print the SQL that unapplies it instead.")
  boolean backwards;

  @Override public Integer call() {
    Project project = Project.load(common);
    Dialect dialect = Dialects.forUrl(project.databaseUrl());
    // The database is not consulted: the SQL depends only on the migrations and the dialect.
    MigrationGraph graph = MigrationGraph.of(project.migrations());
    MigrationKey key = new MigrationPlanner(graph, Set.of()).resolve(new Target(app, migration));
    Migration m = graph.migration(key);
    if (backwards) MigrationPlanner.checkReversible(List.of(new dev.cairn.execute.PlanStep(m, true)));
    // The state migrate has on a fresh database when it reaches this migration: every migration
    // before it in the full plan, other apps' included, not only its ancestors (as Django takes).
    List<MigrationKey> plan = graph.fullPlan();
    ProjectState state = graph.stateAt(plan.subList(0, plan.indexOf(key)));

    List<SqlStatement> statements = MigrationSql.of(dialect, m, state, backwards);
    print(spec.commandLine().getOut(), dialect, m, statements);
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, Dialect dialect, Migration m,
      List<SqlStatement> statements) {
    boolean transactional = dialect.features().has(Feature.TRANSACTIONAL_DDL) && m.atomic();
    if (transactional) out.println("BEGIN;");
    for (SqlStatement s : statements) {
      if (s.sql().isEmpty()) {
        // An operation's header, as Django frames it; its further lines follow the frame.
        String[] lines = s.comment().split("\n");
        out.println("--");
        out.println("-- " + lines[0]);
        out.println("--");
        for (int i = 1; i < lines.length; i++) out.println("-- " + lines[i]);
        continue;
      }
      if (s.comment() != null) {
        for (String line : s.comment().split("\n")) out.println("-- " + line);
      }
      out.println(s.inlined() + ";");
    }
    if (statements.isEmpty()) out.println("-- (no SQL to run)");
    if (transactional) out.println("COMMIT;");
    out.flush();
  }
}
