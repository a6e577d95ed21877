package dev.cairn.cli;

import dev.cairn.config.ConfigReader;
import dev.cairn.config.ProjectConfig;
import dev.cairn.connect.Database;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationLoader;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A user's project as the command line sees it: cairn.yaml, its migrations, and the database
 * chosen by {@code --database}, {@code CAIRN_DATABASE_URL} or cairn.yaml, in that order.
 */
final class Project {
  static final String DEFAULT_DATABASE = "jdbc:sqlite:db.sqlite3";

  private final ProjectConfig config;
  private final Path folder;
  private final String databaseUrl;

  private Project(ProjectConfig config, Path folder, String databaseUrl) {
    this.config = config;
    this.folder = folder;
    this.databaseUrl = databaseUrl;
  }

  static Project load(CommonOptions options) {
    Path file = options.config != null ? options.config : Path.of("cairn.yaml");
    if (!Files.isRegularFile(file)) {
      throw new CliException(ExitCodes.BAD_INPUT, "no project file " + file.toAbsolutePath()
          + "\n  Run cairn inside a project folder holding cairn.yaml, or pass --config <file>.");
    }
    ProjectConfig config = new ConfigReader().read(file);
    Path folder = file.toAbsolutePath().getParent();
    String url = options.database;
    if (url == null) url = System.getenv("CAIRN_DATABASE_URL");
    if (url == null || url.isBlank()) url = config.database();
    if (url == null || url.isBlank()) url = DEFAULT_DATABASE;
    installClasspath(options.classpath);
    return new Project(config, folder, resolveSqlitePath(url, folder));
  }

  /** A relative SQLite file is relative to the project folder, wherever cairn runs from. */
  static String resolveSqlitePath(String url, Path folder) {
    String prefix = "jdbc:sqlite:";
    if (!url.startsWith(prefix)) return url;
    String rest = url.substring(prefix.length());
    if (rest.isEmpty() || rest.startsWith(":memory:") || rest.startsWith("file:")
        || Path.of(rest.split("\\?", 2)[0]).isAbsolute()) {
      return url;
    }
    return prefix + folder.resolve(rest).normalize();
  }

  ProjectConfig config() {
    return config;
  }

  Path folder() {
    return folder;
  }

  String databaseUrl() {
    return databaseUrl;
  }

  /** Every migration, read in full: a broken file stops the command here. */
  List<Migration> migrations() {
    List<Migration> migrations = migrationsReadingOperationsLater();
    migrations.forEach(Migration::operations);
    return migrations;
  }

  /**
   * Every migration, its operations read on first use. For commands that read the history first
   * and then read the files it does not hold ({@code MigrationExecutor.readUnappliedOperations}).
   */
  List<Migration> migrationsReadingOperationsLater() {
    java.util.Map<String, Path> folders = new java.util.LinkedHashMap<>();
    config.apps().forEach((label, app) -> folders.put(label, app.migrations()));
    return MigrationLoader.load(folders);
  }

  /**
   * Opens the database while another thread reads the migration files, operations later: on a
   * cold start each takes about 100 ms, and neither needs the other. A database that cannot be
   * opened is reported first, as when the files were read after it.
   */
  OpenedProject openReadingMigrations() throws SQLException {
    CompletableFuture<List<Migration>> reading =
        CompletableFuture.supplyAsync(this::migrationsReadingOperationsLater);
    Database db = openDatabase();
    try {
      return new OpenedProject(db, reading.join());
    } catch (CompletionException e) {
      db.close();
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    }
  }

  /** An open database and the project's migrations; closing it closes the database. */
  record OpenedProject(Database db, List<Migration> migrations) implements AutoCloseable {
    @Override public void close() throws SQLException {
      db.close();
    }
  }

  /** Where a migration's file goes: its app's migration folder, {@code <name>.yaml}. */
  Path migrationFile(Migration m) {
    return config.apps().get(m.app()).migrations().resolve(m.name() + ".yaml");
  }

  Database openDatabase() throws SQLException {
    // Only here, not at start-up: it costs about 50 ms, which a PostgreSQL run need not pay.
    if (databaseUrl.startsWith("jdbc:sqlite:")) SqliteNativeLibrary.useCachedCopy();
    return Database.open(databaseUrl);
  }

  private static void installClasspath(List<Path> entries) {
    if (entries.isEmpty()) return;
    List<URL> urls = new ArrayList<>();
    for (Path p : entries) {
      // A URLClassLoader skips a missing entry without a word; the RunJava class would then be
      // reported missing, far from the typo that lost it.
      if (!Files.exists(p)) {
        throw new CliException(ExitCodes.BAD_INPUT, "--classpath entry " + p + " does not exist"
            + "\n  Check the path (entries are separated by ':'), or build the jar first.");
      }
      try {
        urls.add(p.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw new CliException(ExitCodes.BAD_INPUT, "bad --classpath entry " + p);
      }
    }
    Thread.currentThread().setContextClassLoader(
        new URLClassLoader(urls.toArray(URL[]::new), Project.class.getClassLoader()));
  }
}
