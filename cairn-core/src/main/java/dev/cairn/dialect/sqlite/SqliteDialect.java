package dev.cairn.dialect.sqlite;

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
import dev.cairn.state.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** SQLite, the embedded default: types as Django's backend, ALTERs through {@link TableRemake}. */
public final class SqliteDialect implements Dialect {
  /**
   * The version assumed without a database: the oldest SQLite with {@code DROP COLUMN} and
   * {@code RENAME COLUMN}, older than any sqlite-jdbc release Cairn ships with.
   */
  public static final ServerVersion OFFLINE_DEFAULT = new ServerVersion("sqlite", 3, 35, 0);

  private final ServerVersion version;
  private final Features features;

  public SqliteDialect() {
    this(OFFLINE_DEFAULT);
  }

  public SqliteDialect(ServerVersion version) {
    this.version = version;
    // 63: SQLite has no limit; PostgreSQL's keeps generated names the same everywhere. Its
    // double-quoted string fallback is on by default and not switched off by sqlite-jdbc (it has
    // no SQLITE_DBCONFIG_DQS_DDL option, and its build keeps SQLITE_DQS at 3).
    this.features = Features.of(63, Feature.TRANSACTIONAL_DDL, Feature.PARTIAL_INDEXES,
        Feature.DEFERRABLE_CONSTRAINTS, Feature.CHECK_CONSTRAINTS, Feature.INSTANT_ADD_COLUMN,
        Feature.UNKNOWN_QUOTED_NAMES_ARE_STRINGS)
        .with(Feature.RENAME_COLUMN, version.atLeast(3, 25));
  }

  @Override public String name() {
    return "sqlite";
  }

  @Override public ServerVersion version() {
    return version;
  }

  @Override public Features features() {
    return features;
  }

  @Override public Dialect connectedTo(Connection connection) throws SQLException {
    return new SqliteDialect(ServerVersion.parse("sqlite",
        connection.getMetaData().getDatabaseProductVersion()));
  }

  /** Waits for another process's write instead of failing at once with SQLITE_BUSY. */
  @Override public Properties connectionProperties() {
    Properties properties = new Properties();
    properties.setProperty("busy_timeout", "30000");
    return properties;
  }

  @Override public String columnType(Field field) {
    return switch (field.type()) {
      case AUTO, BIG_AUTO, SMALL_AUTO -> "integer";
      case BINARY -> "BLOB";
      case BOOLEAN -> "bool";
      case CHAR, EMAIL, SLUG, URL -> "varchar(" + field.effectiveMaxLength() + ")";
      case DATE -> "date";
      case DATE_TIME -> "datetime";
      case DECIMAL -> "decimal";
      case DURATION, BIG_INTEGER -> "bigint";
      case FLOAT -> "real";
      case INTEGER -> "integer";
      case JSON, TEXT -> "text";
      case POSITIVE_BIG_INTEGER -> "bigint unsigned";
      case POSITIVE_INTEGER -> "integer unsigned";
      case POSITIVE_SMALL_INTEGER -> "smallint unsigned";
      case SMALL_INTEGER -> "smallint";
      case TIME -> "time";
      case UUID -> "char(32)";
      case FOREIGN_KEY, ONE_TO_ONE, MANY_TO_MANY ->
          throw new IllegalArgumentException("a relation's column takes its target key's type");
    };
  }

  /** Foreign keys off, as SQLite's table remake requires; it is a no-op inside a transaction. */
  @Override public void beforeMigrations(Connection connection) throws SQLException {
    try (var s = connection.createStatement()) {
      s.execute("PRAGMA foreign_keys = OFF");
    }
  }

  @Override public void checkIntegrity(Connection connection) throws SQLException {
    try (var s = connection.createStatement();
        var rs = s.executeQuery("PRAGMA foreign_key_check")) {
      if (rs.next()) {
        throw new SQLException("foreign key check failed: table " + rs.getString(1) + " row "
            + rs.getLong(2) + " points at a missing row of " + rs.getString(3));
      }
    }
  }

  @Override public Ddl ddl() {
    return new SqliteDdl(this);
  }

  @Override public SchemaEditor schemaEditor(StatementSink sink) {
    return new SqliteSchemaEditor(this, new SqliteDdl(this), sink);
  }

  @Override public SchemaSnapshot introspect(Connection connection) throws SQLException {
    return new SqliteIntrospector(connection).read();
  }

  @Override public DatabaseLock lock(Connection connection, LockWait wait,
      java.util.function.Consumer<String> waiting) throws SQLException {
    return SqliteLock.acquire(connection, wait, waiting);
  }
}
