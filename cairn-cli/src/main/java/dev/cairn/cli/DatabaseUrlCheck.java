package dev.cairn.cli;

import java.util.regex.Pattern;

/**
 * Refuses a database URL that JDBC would accept but that cannot be the database meant: one whose
 * path came out empty ({@code jdbc:sqlite:$DB_PATH} with the variable unset, which SQLite opens as
 * a temporary database), a PostgreSQL URL with no database name (the driver then picks the
 * database named after the user), and, to migrate, a SQLite or H2 database in memory, which
 * vanishes when cairn exits. A deploy must not report success having changed nothing that lasts.
 */
final class DatabaseUrlCheck {
  private static final String SQLITE = "jdbc:sqlite:";
  private static final String POSTGRESQL = "jdbc:postgresql:";
  private static final String H2 = "jdbc:h2:";
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&]*");

  private DatabaseUrlCheck() {}

  /** Why {@code url} cannot be used, with what to do; {@code null} when it can. */
  static String problem(String url, boolean toMigrate) {
    if (url.startsWith(SQLITE)) return sqliteProblem(url, toMigrate);
    if (url.startsWith(POSTGRESQL)) return postgresqlProblem(url);
    if (url.startsWith(H2)) return h2Problem(url, toMigrate);
    return null;
  }

  /**
   * An H2 database in memory lives as long as the process that opened it: DB_CLOSE_DELAY=-1 keeps
   * it past the last connection, but not past cairn's exit, so migrate refuses every one.
   */
  private static String h2Problem(String url, boolean toMigrate) {
    String name = url.substring(H2.length()).split(";", 2)[0];
    if (name.isEmpty() || name.equals("file:")) {
      return "the database URL '" + shown(url) + "' names no database\n  Give the file, e.g."
          + " jdbc:h2:file:./db (relative to the folder cairn runs in); if the URL is built from a"
          + " variable, check that the variable is set.";
    }
    if (name.startsWith("mem:") && toMigrate) {
      return "the database URL '" + shown(url) + "' is in memory: what migrate applies would be"
          + " gone when cairn exits (DB_CLOSE_DELAY=-1 keeps it only while one process runs)\n"
          + "  Give a file, e.g. jdbc:h2:file:./db; to see the SQL without a database, use cairn"
          + " sqlmigrate. An application that migrates its own in-memory H2 calls Cairn from"
          + " its own process instead.";
    }
    return null;
  }

  private static String sqliteProblem(String url, boolean toMigrate) {
    String[] parts = url.substring(SQLITE.length()).split("\\?", 2);
    String path = parts[0];
    String query = parts.length > 1 ? parts[1] : "";
    boolean uri = path.startsWith("file:");
    if (uri) path = uriPath(path.substring("file:".length()));
    if (path.isEmpty()) {
      return "the database URL '" + shown(url) + "' names no database file\n  SQLite would use a"
          + " temporary database that is gone when cairn exits. Give the file, e.g."
          + " jdbc:sqlite:db.sqlite3 (relative to the project folder); if the URL is built from a"
          + " variable (jdbc:sqlite:$DB_PATH), check that the variable is set.";
    }
    boolean memory = path.startsWith(":memory:")
        || (uri && Pattern.compile("(^|&)mode=memory(&|$)").matcher(query).find());
    if (memory && toMigrate) {
      return "the database URL '" + shown(url) + "' is in memory: what migrate applies would be"
          + " gone when cairn exits\n  Give a file, e.g. jdbc:sqlite:db.sqlite3; to see the SQL"
          + " without a database, use cairn sqlmigrate.";
    }
    return null;
  }

  /** The path of a {@code file:} URI's rest: {@code //host/path} is {@code /path}. */
  private static String uriPath(String rest) {
    if (!rest.startsWith("//")) return rest;
    int slash = rest.indexOf('/', 2);
    return slash < 0 ? "" : rest.substring(slash);
  }

  private static String postgresqlProblem(String url) {
    String main = url.substring(POSTGRESQL.length()).split("\\?", 2)[0];
    String name;
    if (main.startsWith("//")) {
      int slash = main.indexOf('/', 2);
      name = slash < 0 ? "" : main.substring(slash + 1);
    } else {
      name = main;
    }
    if (!name.isBlank()) return null;
    return "the database URL '" + shown(url) + "' names no database\n  PostgreSQL would connect"
        + " to the database named after the user, not the one meant. Name it after the host, e.g."
        + " jdbc:postgresql://localhost/shop?user=me.";
  }

  /** The URL as a message may show it: a password in it is not printed. */
  static String shown(String url) {
    return PASSWORD.matcher(url).replaceAll("$1***");
  }
}
