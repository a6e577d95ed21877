package dev.cairn.bench;

import dev.cairn.connect.Database;
import dev.cairn.dialect.Dialects;
import dev.cairn.schema.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The database server a comparison runs on, local and reached without a password, and what
 * differs from one server to the next: URLs, how a database is made and dropped, the version
 * query, Flyway's plugin for it, and the server's own command-line client as the floor.
 */
enum Server {
  /** PostgreSQL at 127.0.0.1:5432, user postgres. */
  POSTGRESQL("PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/", "?user=postgres", "postgres",
      "SHOW server_version", " WITH (FORCE)", "flyway-database-postgresql", "psql", "psql",
      List.of(Server.PSQL, Server.PSQL_EACH)),
  /**
   * MariaDB at 127.0.0.1:3306, user root. Its DDL commits on its own, so neither the client nor
   * any tool applies a migration, let alone a history, in one transaction.
   */
  MARIADB("MariaDB", "jdbc:mariadb://127.0.0.1:3306/", "?user=root", "",
      "SELECT SUBSTRING_INDEX(VERSION(), '-', 1)", "", "flyway-mysql", "mariadb",
      "the mariadb client on MariaDB", List.of(Server.MARIADB_CLIENT));

  static final String PSQL = "psql -1 -f";
  /** The same file with BEGIN and COMMIT around each migration: no history table, one commit each. */
  static final String PSQL_EACH = "psql -f, a transaction per migration";
  /** One file into the client; each DDL statement commits, whatever BEGIN says. */
  static final String MARIADB_CLIENT = "mariadb < all.sql (no transaction: DDL commits)";

  final String title;
  private final String prefix;
  private final String user;
  private final String adminDatabase;
  private final String versionQuery;
  private final String dropSuffix;
  /** Flyway's artifact that supports this server, for the header of the tables. */
  final String flywayPlugin;
  /** The client's name, also the project's folder that holds the client's SQL files. */
  final String client;
  /** How the heading names the floor the tools are measured against. */
  final String floor;
  /** The runs of the client, as the tables name them. */
  final List<String> clientRuns;

  Server(String title, String prefix, String user, String adminDatabase, String versionQuery,
      String dropSuffix, String flywayPlugin, String client, String floor,
      List<String> clientRuns) {
    this.title = title;
    this.prefix = prefix;
    this.user = user;
    this.adminDatabase = adminDatabase;
    this.versionQuery = versionQuery;
    this.dropSuffix = dropSuffix;
    this.flywayPlugin = flywayPlugin;
    this.client = client;
    this.floor = floor;
    this.clientRuns = clientRuns;
  }

  /** {@code postgresql} or {@code mariadb}, as the command line spells it. */
  static Server named(String name) {
    for (Server s : values()) {
      if (s.name().equalsIgnoreCase(name)) return s;
    }
    throw new IllegalArgumentException("unknown server '" + name + "'; use postgresql or mariadb");
  }

  String url(String database) {
    return prefix + database + user;
  }

  /** The dialect Cairn uses on this server: connected, so the SQL fits the server's version. */
  Dialect dialect() throws SQLException {
    try (Database db = Database.open(url(adminDatabase))) {
      return db.dialect();
    }
  }

  /** The dialect Cairn assumes for this server without a connection, as {@code sqlmigrate}. */
  Dialect offlineDialect() {
    return Dialects.forUrl(url(adminDatabase));
  }

  String version() throws SQLException {
    try (Connection c = DriverManager.getConnection(url(adminDatabase));
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(versionQuery)) {
      rs.next();
      return rs.getString(1);
    }
  }

  String driverVersion() throws SQLException {
    try (Connection c = DriverManager.getConnection(url(adminDatabase))) {
      return c.getMetaData().getDriverVersion();
    }
  }

  void recreate(String database) throws SQLException {
    drop(database);
    admin("CREATE DATABASE " + database);
  }

  void drop(String database) throws SQLException {
    admin("DROP DATABASE IF EXISTS " + database + dropSuffix);
  }

  private void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(adminDatabase));
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The client's command for one of {@link #clientRuns}, reading from {@link #clientInput}. */
  List<String> clientCommand(String run, String database, Path project) {
    List<String> cmd = new ArrayList<>();
    if (this == MARIADB) {
      cmd.addAll(List.of("mariadb", "--user=root", "-h", "127.0.0.1", database));
      return cmd;
    }
    boolean single = run.equals(PSQL);
    cmd.addAll(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"));
    if (single) cmd.add("-1");
    cmd.addAll(List.of("-h", "127.0.0.1", "-U", "postgres", "-d", database, "-f",
        project.resolve(single ? "psql/all.sql" : "psql/per-migration.sql").toString()));
    return cmd;
  }

  /** The file the client reads on its standard input, or null when it names its file itself. */
  Path clientInput(Path project) {
    return this == MARIADB ? project.resolve("mariadb/all.sql") : null;
  }
}
