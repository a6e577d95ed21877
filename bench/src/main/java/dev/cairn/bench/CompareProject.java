package dev.cairn.bench;

import dev.cairn.files.MigrationWriter;
import dev.cairn.execute.MigrationSql;
import dev.cairn.graph.MigrationGraph;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.operations.Operation;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.SqlStatement;
import dev.cairn.state.ProjectState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One schema history written for every tool of issue 4, so that all run the same DDL: a Cairn
 * project ({@code cairn.yaml}, {@code migrations/app/*.yaml}), the SQL Cairn's {@code sqlmigrate}
 * gives for each migration on the server as a Flyway project ({@code flyway/V{n}__m{n}.sql}) and
 * as a Liquibase formatted-SQL changelog ({@code liquibase/changelog.sql}, one changeset per
 * migration with its backwards SQL as the rollback), and all of it in one file for the server's
 * client ({@code psql/all.sql} for {@code psql -1 -f}, {@code mariadb/all.sql}); for psql once
 * more with a transaction per migration ({@code psql/per-migration.sql}), the floor for a tool
 * that commits each migration. Usage: {@code CompareProject <folder> [models] [migrations]
 * [postgresql|mariadb]} (defaults 100, 1000 and postgresql; the SQL is for the server version
 * Cairn assumes offline).
 */
public final class CompareProject {
  static final String APP = "app";

  private final Path folder;
  private final List<Migration> history;

  private CompareProject(Path folder, List<Migration> history) {
    this.folder = folder;
    this.history = history;
  }

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args[0]);
    int models = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int migrations = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    Server server = Server.named(args.length > 3 ? args[3] : "postgresql");
    write(folder, models, migrations, server, server.offlineDialect());
    System.out.printf("wrote %d models, %d migrations to %s%n", models, migrations, folder);
  }

  /** Writes the history, its SQL made by {@code dialect}, for the tools and client of {@code server}. */
  static CompareProject write(Path folder, int models, int migrations, Server server,
      Dialect dialect) throws IOException {
    CompareProject project = new CompareProject(folder,
        HistoryGenerator.realistic(APP, models, migrations));
    project.writeCairn();
    project.writeSql(server, dialect);
    return project;
  }

  /** The name of the migration that {@code rollback the last k} goes back to. */
  static String nameBeforeLast(int migrations, int k) {
    int n = migrations - k;
    return n == 1 ? "0001_initial" : String.format("%04d_change_%d", n, n);
  }

  private void writeCairn() throws IOException {
    Path dir = Files.createDirectories(folder.resolve("migrations").resolve(APP));
    MigrationWriter writer = new MigrationWriter();
    for (Migration m : history) Files.writeString(dir.resolve(m.name() + ".yaml"), writer.write(m));
    Files.writeString(folder.resolve("cairn.yaml"), "apps:\n  " + APP + ":\n    migrations: migrations/"
        + APP + "\n");
  }

  /** The code path of {@code cairn sqlmigrate}, walked once over the full plan. */
  private void writeSql(Server server, Dialect dialect) throws IOException {
    Path flyway = Files.createDirectories(folder.resolve("flyway"));
    Path liquibase = Files.createDirectories(folder.resolve("liquibase"));
    Path client = Files.createDirectories(folder.resolve(server.client));
    MigrationGraph graph = MigrationGraph.of(history);
    StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n");
    StringBuilder all = new StringBuilder();
    StringBuilder perMigration = new StringBuilder();
    ProjectState state = ProjectState.empty();
    int n = 0;
    for (MigrationKey key : graph.fullPlan()) {
      Migration m = graph.migration(key);
      n++;
      List<String> forwards = sql(dialect, m, state, false);
      List<String> backwards = sql(dialect, m, state, true);
      for (Operation op : m.operations()) state = op.stateForwards(m.app(), state);

      StringBuilder file = new StringBuilder();
      for (String s : forwards) file.append(s).append(";\n");
      Files.writeString(flyway.resolve("V" + n + "__m" + n + ".sql"), file);
      all.append("-- ").append(key).append('\n').append(file);
      perMigration.append("-- ").append(key).append("\nBEGIN;\n").append(file).append("COMMIT;\n");
      changelog.append("\n--changeset cairn:").append(m.name()).append('\n').append(file);
      for (String s : backwards) {
        changelog.append("--rollback ").append(s.replace('\n', ' ')).append(";\n");
      }
    }
    Files.writeString(liquibase.resolve("changelog.sql"), changelog);
    Files.writeString(client.resolve("all.sql"), all);
    if (server.clientRuns.contains(Server.PSQL_EACH)) {
      Files.writeString(client.resolve("per-migration.sql"), perMigration);
    }
  }

  private static List<String> sql(Dialect dialect, Migration m, ProjectState before,
      boolean backwards) {
    List<String> result = new ArrayList<>();
    for (SqlStatement s : MigrationSql.of(dialect, m, before, backwards)) {
      if (!s.sql().isEmpty()) result.add(s.inlined());
    }
    return result;
  }
}
