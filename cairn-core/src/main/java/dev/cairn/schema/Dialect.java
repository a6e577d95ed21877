package dev.cairn.schema;

import dev.cairn.state.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * What Cairn needs to know about one database: how to quote, which types to use, how its DDL
 * behaves, and how to read its schema back. One implementation per package under {@code
 * dev.cairn.dialect}.
 */
public interface Dialect {
  /** A short lower-case name: {@code sqlite}, {@code postgresql}. */
  String name();

  /** Quotes an identifier so that reserved words, mixed case and spaces survive. */
  default String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /**
   * The server version this dialect speaks to: detected on connect ({@link #connectedTo}), else
   * the documented default it assumes offline.
   */
  ServerVersion version();

  /** What the server of {@link #version()} can do; code asks these, never the dialect's name. */
  Features features();

  /**
   * This dialect for the server behind {@code connection}, whose version it reads once; {@link
   * dev.cairn.connect.Database#open} calls it, so every connected dialect knows its server.
   */
  Dialect connectedTo(Connection connection) throws SQLException;

  /** The column type for a field, without nullability or constraints. */
  String columnType(Field field);

  /**
   * The type {@link #introspect} reports for a column made with {@link #columnType}: the same
   * words, lower case, with the database's spelling (PostgreSQL says {@code character varying}).
   */
  default String introspectedType(Field field) {
    return columnType(field).toLowerCase(Locale.ROOT);
  }

  /** The SQL text of its schema changes; by default the standard's forms. */
  default Ddl ddl() {
    return new StandardDdl(this);
  }

  /** A new editor sending its statements to {@code sink}. */
  SchemaEditor schemaEditor(StatementSink sink);

  /** Reads the live schema of the connected database. */
  SchemaSnapshot introspect(Connection connection) throws SQLException;

  /** The indexes and constraints of {@code table} as the database names them. */
  default Optional<List<TableObject>> tableObjects(Connection connection,
      String table) throws SQLException {
    return Optional.empty();
  }

  /**
   * The URL to give the JDBC driver for {@code url}, a URL of this dialect: itself, unless the
   * driver Cairn ships needs it spelled otherwise (MariaDB's serving a {@code jdbc:mysql:} URL).
   */
  default String driverUrl(String url) {
    return url;
  }

  /** Driver properties for a new connection; those the URL gives win. */
  default Properties connectionProperties() {
    return new Properties();
  }

  /** Takes the lock that keeps two {@code migrate} runs apart, waiting for it however long. */
  default DatabaseLock lock(Connection connection) throws SQLException {
    return lock(connection, LockWait.FOREVER, lock -> {});
  }

  /**
   * Takes the lock that keeps two {@code migrate} runs apart. When another run holds it, first
   * tells {@code waiting} which lock and who holds it ("the migration lock, held by pid 4321
   * (cairn migrate, ...)"), then waits up to {@code wait}.
   *
   * @throws LockWaitTimeout the lock was still held when the wait ran out
   */
  DatabaseLock lock(Connection connection, LockWait wait,
      Consumer<String> waiting) throws SQLException;

  /** Prepares a connection for a migrate run, before any transaction starts. */
  default void beforeMigrations(Connection connection) throws SQLException {}

  /**
   * Called before the last migration of a run starts: a dialect that relaxed durability for the
   * run's earlier commits restores it here, so that the run is durable once it returns.
   */
  default void beforeLastMigration(Connection connection) throws SQLException {}

  /**
   * Checks, before a migration commits, what the database could not check while it ran (SQLite's
   * foreign keys, off during table remakes).
   */
  default void checkIntegrity(Connection connection) throws SQLException {}

  /**
   * Runs, inside a transaction that goes on, the checks that committing it would run, and leaves
   * the transaction as a new one would start. A run that shares one transaction among migrations
   * calls it where each migration would have committed, so that it fails where, and only where,
   * applying them one at a time would. By default the checks of {@link #checkIntegrity}.
   */
  default void checkAsCommitWould(Connection connection) throws SQLException {
    checkIntegrity(connection);
  }

  /**
   * {@link #checkAsCommitWould} as one statement that fails when a check fails, so that it can go
   * in a batch; empty where the checks are a query that returns what failed (SQLite's).
   */
  default Optional<String> checkAsCommitWouldStatement() {
    return Optional.empty();
  }

  /** Renders a constant for DDL, where the database accepts no bind parameters. */
  default String literal(Object value) {
    return SqlLiterals.render(value);
  }
}
