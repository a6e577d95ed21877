package dev.cairn.cli;

import dev.cairn.api.SqlMigration;
import dev.cairn.schema.SqlStatement;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
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

  @Override public Integer call() throws SQLException {
    // The database is not consulted: the SQL depends only on the migrations and the dialect.
    SqlMigration sql = Project.load(common).withDatabase().sqlMigrate(app, migration, backwards);
    print(spec.commandLine().getOut(), sql);
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, SqlMigration sql) {
    boolean transactional = sql.transactional();
    List<SqlStatement> statements = sql.statements();
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
