package dev.cairn.dialect.postgres;

import dev.cairn.schema.DatabaseLock;
import dev.cairn.schema.Ddl;
import dev.cairn.schema.Feature;
import dev.cairn.schema.Features;
import dev.cairn.schema.LockWait;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.SchemaEditor;
import dev.cairn.schema.SchemaSnapshot;
import dev.cairn.schema.ServerVersion;
import dev.cairn.schema.StatementSink;
import dev.cairn.schema.TableObject;
import dev.cairn.state.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * PostgreSQL: transactional DDL, identity columns, advisory locks. Immutable: one instance per
 * server version.
 */
public final class PostgresDialect implements Dialect {
  /**
   * The version assumed without a database ({@code sqlmigrate}): the oldest release the
   * PostgreSQL project still supports, so that what Cairn writes offline runs on every supported
   * server.
   */
  public static final ServerVersion OFFLINE_DEFAULT = new ServerVersion("postgresql", 15, 0, 0);

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(PostgresDialect.class);

  /** The application_name of Cairn's sessions, where the URL gives none. */
  static final String APPLICATION_NAME = "cairn";

  /** How often a session checks that its client is alive while a statement runs. */
  static final String CONNECTION_CHECK_INTERVAL = "2s";

  private final ServerVersion version;
  private final Features features;

  public PostgresDialect() {
    this(OFFLINE_DEFAULT);
  }

  public PostgresDialect(ServerVersion version) {
    this.version = version;
    this.features = Features.of(63, // NAMEDATALEN - 1; longer names are silently truncated
        Feature.TRANSACTIONAL_DDL, Feature.PARTIAL_INDEXES, Feature.DEFERRABLE_CONSTRAINTS,
        Feature.RENAME_COLUMN, Feature.RENAME_INDEX, Feature.RENAME_CONSTRAINT,
        Feature.CHECK_CONSTRAINTS, Feature.COMMENTS, Feature.LOOKS_UP_OBJECT_NAMES)
        .with(Feature.INSTANT_ADD_COLUMN, version.atLeast(11, 0));
  }

  @Override public String name() {
    return "postgresql";
  }

  @Override public ServerVersion version() {
    return version;
  }

  @Override public Features features() {
    return features;
  }

  @Override public Dialect connectedTo(Connection connection) throws SQLException {
    return new PostgresDialect(ServerVersion.parse("postgresql",
        connection.getMetaData().getDatabaseProductVersion()));
  }

  @Override public String columnType(Field field) {
    return PostgresTypes.columnType(field);
  }

  @Override public String introspectedType(Field field) {
    return PostgresTypes.introspectedType(field);
  }

  /**
   * Commits of all but the last migration of a run do not wait for the WAL to reach the disk
   * (synchronous_commit off): a migration and its history row still commit together, so a server
   * crash can lose only the newest whole migrations, never half of one, and the next migrate
   * applies them again. The last migration commits synchronously, which flushes the WAL of every
   * commit before it: once migrate returns, the whole run is durable. This saves one disk flush
   * per migration, the largest cost of applying a long history.
   *
   * <p>The session also checks, every {@link #CONNECTION_CHECK_INTERVAL} while a statement runs,
   * that migrate is still there (PostgreSQL 14 and later): otherwise a migrate killed during a
   * long statement keeps its session, and so the migration lock, until the statement ends. A
   * server that cannot check (one on Windows refuses the setting) runs without. A session that
   * Cairn named ({@link #connectionProperties}) is renamed {@code cairn migrate}, so that another
   * run waiting for the lock can say who holds it.
   */
  @Override public void beforeMigrations(Connection connection) throws SQLException {
    String settings = "set_config('synchronous_commit', 'off', false),"
        + " CASE WHEN current_setting('application_name') = '" + APPLICATION_NAME + "'"
        + " THEN set_config('application_name', '" + APPLICATION_NAME + " migrate', false) END";
    if (connection.getMetaData().getDatabaseMajorVersion() >= 14) {
      try (var s = connection.createStatement()) {
        s.execute("SELECT " + settings + ", set_config('client_connection_check_interval', '"
            + CONNECTION_CHECK_INTERVAL + "', false)");
        return;
      } catch (SQLException e) {
        if (!"22023".equals(e.getSQLState())) throw e; // invalid_parameter_value: cannot check
        log.debug("the server does not check for dead clients: {}", e.getMessage());
      }
    }
    try (var s = connection.createStatement()) {
      s.execute("SELECT " + settings);
    }
  }

  /**
   * Names Cairn's sessions in {@code pg_stat_activity}, and so the holder of the migration lock
   * that a waiting migrate reports; pgjdbc lets an {@code ApplicationName} in the URL win.
   */
  @Override public Properties connectionProperties() {
    Properties properties = new Properties();
    properties.setProperty("ApplicationName", APPLICATION_NAME);
    return properties;
  }

  @Override public void beforeLastMigration(Connection connection) throws SQLException {
    try (var s = connection.createStatement()) {
      s.execute("SET synchronous_commit = on");
    }
  }

  /**
   * Fires the deferred constraint checks a commit would fire (foreign keys are {@code DEFERRABLE
   * INITIALLY DEFERRED}), which also clears the pending trigger events that make a later {@code
   * ALTER TABLE} of the same table fail; then puts every deferrable constraint back in the mode it
   * was declared with, as a new transaction has it. PostgreSQL has no {@code SET CONSTRAINTS ALL
   * DEFAULT}: the constraints declared {@code INITIALLY IMMEDIATE} (only user SQL makes them) are
   * named, other sessions' temporary ones left out. One statement, one round trip.
   */
  @Override public void checkAsCommitWould(Connection connection) throws SQLException {
    try (var s = connection.createStatement()) {
      s.execute(CHECK_AS_COMMIT_WOULD);
    }
  }

  @Override public Optional<String> checkAsCommitWouldStatement() {
    return Optional.of(CHECK_AS_COMMIT_WOULD);
  }

  private static final String CHECK_AS_COMMIT_WOULD = """
      DO $cairn$
      DECLARE immediate text;
      BEGIN
        SET CONSTRAINTS ALL IMMEDIATE;
        SET CONSTRAINTS ALL DEFERRED;
        SELECT string_agg(DISTINCT format('%I.%I', n.nspname, c.conname), ', ') INTO immediate
          FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
          WHERE c.condeferrable AND NOT c.condeferred
            AND (n.oid = pg_my_temp_schema() OR n.nspname !~ '^pg_(toast_)?temp_');
        IF immediate IS NOT NULL THEN
          EXECUTE 'SET CONSTRAINTS ' || immediate || ' IMMEDIATE';
        END IF;
      END
      $cairn$""";

  @Override public Ddl ddl() {
    return new PostgresDdl(this);
  }

  @Override public SchemaEditor schemaEditor(StatementSink sink) {
    return new SchemaEditor(this, sink);
  }

  @Override public SchemaSnapshot introspect(Connection connection) throws SQLException {
    return new PostgresIntrospector(connection).snapshot();
  }

  @Override public Optional<List<TableObject>> tableObjects(
      Connection connection, String table) throws SQLException {
    return Optional.of(new PostgresIntrospector(connection).tableObjects(table));
  }

  @Override public DatabaseLock lock(Connection connection, LockWait wait,
      Consumer<String> waiting) throws SQLException {
    return PostgresLock.acquire(connection, wait, waiting);
  }
}
