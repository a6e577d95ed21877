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
  private final ProjectConfig config;
  private final Path folder;
  private final DatabaseUrl databaseUrl;

  private Project(ProjectConfig config, Path folder, DatabaseUrl databaseUrl) {
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
    DatabaseUrl url = DatabaseUrl.choose(options.database, System.getenv("CAIRN_DATABASE_URL"),
        config.database());
    installClasspath(options.classpath);
    return new Project(config, folder, url);
  }

  /**
   * The database URL, or why there is none. An empty URL is never passed over to the next source,
   * nor to a default: a deploy whose variable came out empty must stop, not migrate some other
   * database and report success. Only commands that need a database ask for it, so makemigrations
   * runs without one.
   */
  record DatabaseUrl(String url, String problem) {
    static DatabaseUrl choose(String option, String environment, String file) {
      if (option != null) {
        return option.isBlank() ? missing("--database is empty\n  Give a JDBC URL, e.g."
            + " --database jdbc:postgresql://localhost/shop, or leave the option out to use"
            + " CAIRN_DATABASE_URL or 'database:' in cairn.yaml.") : new DatabaseUrl(option, null);
      }
      if (environment != null) {
        return environment.isBlank() ? missing("CAIRN_DATABASE_URL is set but empty\n  Set it to"
            + " a JDBC URL, or unset it to use 'database:' in cairn.yaml.")
            : new DatabaseUrl(environment, null);
      }
      if (file != null) {
        return file.isBlank() ? missing("'database' in cairn.yaml is empty\n  Give its JDBC URL,"
            + " e.g. 'database: jdbc:sqlite:db.sqlite3' or 'database:"
            + " jdbc:postgresql://localhost/shop', or remove the line and give the URL with"
            + " --database or CAIRN_DATABASE_URL.") : new DatabaseUrl(file, null);
      }
      return missing("no database URL given\n  Give its JDBC URL with 'database:' in"
          + " cairn.yaml, --database <jdbc-url>, or CAIRN_DATABASE_URL, e.g."
          + " jdbc:sqlite:db.sqlite3 or jdbc:postgresql://localhost/shop?user=me");
    }

    private static DatabaseUrl missing(String problem) {
      return new DatabaseUrl(null, problem);
    }

    /** The URL; throws the problem (exit code 2) when there is none. */
    String get() {
      if (url == null) throw new CliException(ExitCodes.BAD_INPUT, problem);
      return url;
    }

    /**
     * The URL; throws (exit code 2) when there is none or it cannot be the database meant (see
     * {@link DatabaseUrlCheck}). {@code toMigrate} also refuses a database in memory.
     */
    String check(boolean toMigrate) {
      String problem = DatabaseUrlCheck.problem(get(), toMigrate);
      if (problem != null) throw new CliException(ExitCodes.BAD_INPUT, problem);
      return url;
    }
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

  /**
   * The URL of the database to use, a relative SQLite file resolved; exit code 2 when none or one
   * that names no database.
   */
  String databaseUrl() {
    return resolveSqlitePath(databaseUrl.check(false), folder);
  }

  /** As {@link #databaseUrl()}, also refusing a database in memory, where nothing lasts. */
  String databaseUrlToMigrate() {
    return resolveSqlitePath(databaseUrl.check(true), folder);
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
    return openReadingMigrations(false);
  }

  /**
   * As {@link #openReadingMigrations()}, for a command that only reads: a SQLite file that does
   * not exist is not created (SQLite would make it on connecting), but read as the empty database
   * it would be, from memory.
   */
  OpenedProject openToReadReadingMigrations() throws SQLException {
    return openReadingMigrations(true);
  }

  private OpenedProject openReadingMigrations(boolean readOnly) throws SQLException {
    databaseUrl(); // none: stop before starting the reader
    CompletableFuture<List<Migration>> reading =
        CompletableFuture.supplyAsync(this::migrationsReadingOperationsLater);
    Database db = readOnly ? openDatabaseToRead() : openDatabase();
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

  /** The database, or for a SQLite file that does not exist yet an empty one in memory. */
  Database openDatabaseToRead() throws SQLException {
    Path file = sqliteFile(databaseUrl());
    if (file == null || Files.exists(file)) return openDatabase();
    SqliteNativeLibrary.useCachedCopy();
    return Database.open("jdbc:sqlite::memory:");
  }

  /** The file of a plain SQLite URL ({@code jdbc:sqlite:/path}); null for memory, URIs, others. */
  static Path sqliteFile(String url) {
    String prefix = "jdbc:sqlite:";
    if (!url.startsWith(prefix)) return null;
    String rest = url.substring(prefix.length()).split("\\?", 2)[0];
    if (rest.isEmpty() || rest.startsWith(":memory:") || rest.startsWith("file:")) return null;
    return Path.of(rest);
  }

  Database openDatabase() throws SQLException {
    // Only here, not at start-up: it costs about 50 ms, which a PostgreSQL run need not pay.
    String url = databaseUrl();
    Path file = sqliteFile(url);
    // SQLite makes a missing file but not its folder, and its SQLITE_CANTOPEN names neither.
    if (file != null && file.getParent() != null && !Files.isDirectory(file.getParent())) {
      throw new CliException(ExitCodes.BAD_INPUT, "the folder " + file.getParent() + " of the"
          + " SQLite database " + file + " does not exist\n  Create the folder, or correct the"
          + " path in the database URL.");
    }
    if (url.startsWith("jdbc:sqlite:")) SqliteNativeLibrary.useCachedCopy();
    return Database.open(url);
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
