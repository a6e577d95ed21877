package dev.cairn.cli;

import dev.cairn.api.Cairn;
import dev.cairn.config.ProjectConfig;
import dev.cairn.execute.MigrationListener;
import dev.cairn.schema.LockWait;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's project as the command line sees it: the {@link Cairn} for cairn.yaml and the
 * {@code --classpath}, and the database chosen by {@code --database}, {@code CAIRN_DATABASE_URL}
 * or cairn.yaml, in that order. Everything else is the facade's.
 */
final class Project {
  private final Cairn cairn;
  private final DatabaseUrl databaseUrl;

  private Project(Cairn cairn, DatabaseUrl databaseUrl) {
    this.cairn = cairn;
    this.databaseUrl = databaseUrl;
  }

  static Project load(CommonOptions options) {
    Path file = options.config != null ? options.config : Path.of("cairn.yaml");
    if (!Files.isRegularFile(file)) {
      throw new CliException(ExitCodes.BAD_INPUT, "no project file " + file.toAbsolutePath()
          + "\n  Run cairn inside a project folder holding cairn.yaml, or pass --config <file>.");
    }
    Cairn cairn = Cairn.configure().project(file).build();
    DatabaseUrl url = DatabaseUrl.choose(options.database, System.getenv("CAIRN_DATABASE_URL"),
        cairn.config().database());
    ClassLoader loader = classLoader(options.classpath);
    if (loader != null) cairn = cairn.newBuilder().classLoader(loader).build();
    return new Project(cairn, url);
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

  ProjectConfig config() {
    return cairn.config();
  }

  /** The project for the commands that need no database (makemigrations, squash, merges). */
  Cairn cairn() {
    return cairn;
  }

  /**
   * Stops with exit code 2 when there is no database URL, or one that names no database ({@code
   * toMigrate}: or one in memory, where nothing lasts).
   */
  void checkDatabaseUrl(boolean toMigrate) {
    databaseUrl.check(toMigrate);
  }

  /** The project with its database, for sqlmigrate, which needs only its dialect. */
  Cairn withDatabase() {
    return withDatabase(databaseUrl.check(false));
  }

  /** The project with its database, to read it: exit code 2 when there is none. */
  Cairn connecting() {
    return connecting(false, MigrationListener.SILENT, LockWait.DEFAULT);
  }

  /**
   * The project with its database, to connect to it.
   *
   * @param toMigrate refuse a database in memory too
   */
  Cairn connecting(boolean toMigrate, MigrationListener listener, LockWait lockWait) {
    String url = databaseUrl.check(toMigrate);
    // Only here, not at start-up: it costs about 50 ms, which a PostgreSQL run need not pay.
    if (url.startsWith("jdbc:sqlite:")) SqliteNativeLibrary.useCachedCopy();
    return withDatabase(url).newBuilder().listener(listener).lockWait(lockWait).build();
  }

  private Cairn withDatabase(String url) {
    return cairn.newBuilder().database(url).build();
  }

  /** The class loader for {@code --classpath}; {@code null} when none is given. */
  private static ClassLoader classLoader(List<Path> entries) {
    if (entries.isEmpty()) return null;
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
    return new URLClassLoader(urls.toArray(URL[]::new), Project.class.getClassLoader());
  }
}
