package dev.cairn.dialect.mysql;

import dev.cairn.schema.DatabaseLock;
import dev.cairn.schema.Ddl;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.Features;
import dev.cairn.schema.LockWait;
import dev.cairn.schema.SchemaEditor;
import dev.cairn.schema.SchemaSnapshot;
import dev.cairn.schema.ServerVersion;
import dev.cairn.schema.SqlLiterals;
import dev.cairn.schema.StatementSink;
import dev.cairn.schema.TableObject;
import dev.cairn.state.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * MySQL 8.0+ and MariaDB 10.6+, one dialect for both: InnoDB tables in utf8mb4, Django's MySQL
 * types, no transactional DDL (every DDL statement commits on its own), user locks. What differs
 * between the products and their versions is asked of {@link MysqlServer}. Immutable: one
 * instance per server version.
 */
public final class MysqlDialect implements Dialect {
  /**
   * The MySQL assumed without a database ({@code sqlmigrate} on a {@code jdbc:mysql:} URL): 8.0.16,
   * the first to enforce the CHECK constraints Cairn's models declare.
   */
  public static final ServerVersion MYSQL_OFFLINE_DEFAULT =
      new ServerVersion(MysqlServer.MYSQL, 8, 0, 16);

  /** The MariaDB assumed without a database: 10.6, the oldest Cairn supports. */
  public static final ServerVersion MARIADB_OFFLINE_DEFAULT =
      new ServerVersion(MysqlServer.MARIADB, 10, 6, 0);

  private final MysqlServer server;
  private final Features features;

  public MysqlDialect(ServerVersion version) {
    this.server = new MysqlServer(version);
    this.features = server.features();
  }

  /** The dialect for a {@code jdbc:mysql:} URL before it connects. */
  public static MysqlDialect mysql() {
    return new MysqlDialect(MYSQL_OFFLINE_DEFAULT);
  }

  /** The dialect for a {@code jdbc:mariadb:} URL before it connects. */
  public static MysqlDialect mariaDb() {
    return new MysqlDialect(MARIADB_OFFLINE_DEFAULT);
  }

  @Override public String name() {
    return server.version().product();
  }

  @Override public ServerVersion version() {
    return server.version();
  }

  @Override public Features features() {
    return features;
  }

  MysqlServer server() {
    return server;
  }

  /**
   * Reads {@code VERSION()}, which says {@code 10.11.6-MariaDB-0+deb12u1} on MariaDB whichever
   * driver asks (MySQL's Connector/J reports MariaDB as MySQL), and {@code 8.0.36} on MySQL.
   */
  @Override public Dialect connectedTo(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT VERSION()")) {
      rs.next();
      String text = rs.getString(1);
      String product = text.toLowerCase(Locale.ROOT).contains("mariadb")
          ? MysqlServer.MARIADB : MysqlServer.MYSQL;
      return new MysqlDialect(ServerVersion.parse(product, text));
    }
  }

  /**
   * A {@code jdbc:mysql:} URL as MariaDB's driver, the one Cairn ships, takes it ({@code
   * permitMysqlScheme}), unless a driver on the class path (MySQL's Connector/J, which Cairn does
   * not ship for its license) takes it as it is.
   */
  @Override public String driverUrl(String url) {
    if (!url.startsWith("jdbc:mysql:") || url.contains("permitMysqlScheme")) return url;
    try {
      DriverManager.getDriver(url);
      return url;
    } catch (SQLException noDriver) {
      return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }
  }

  @Override public String quote(String identifier) {
    return '`' + identifier.replace("`", "``") + '`';
  }

  @Override public String columnType(Field field) {
    return MysqlTypes.columnType(field);
  }

  @Override public String introspectedType(Field field) {
    return MysqlTypes.introspectedType(field, server.hasNativeJson());
  }

  /**
   * A string constant as both servers read it in their default mode, where a backslash escapes
   * the next character: doubled, as quotes are. The migrate session clears {@code
   * NO_BACKSLASH_ESCAPES} ({@link #beforeMigrations}), so this holds there whatever the server's
   * setting.
   */
  @Override public String literal(Object value) {
    if (value instanceof String s) {
      if (s.indexOf('\0') >= 0) throw new IllegalArgumentException("a default may not contain NUL");
      return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }
    return SqlLiterals.render(value);
  }

  /**
   * Strict mode for the run ({@code STRICT_TRANS_TABLES}), so that a type change that cannot keep
   * a value (a string longer than the new varchar) fails the migration instead of cutting it, as
   * both servers' defaults already say but a server's configuration may not; and backslashes read
   * as escapes, as {@link #literal} writes them.
   */
  @Override public void beforeMigrations(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SET SESSION sql_mode = CONCAT_WS(',', 'STRICT_TRANS_TABLES',"
          + " REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', ''))");
    }
  }

  @Override public Ddl ddl() {
    return new MysqlDdl(this);
  }

  @Override public SchemaEditor schemaEditor(StatementSink sink) {
    return new SchemaEditor(this, sink);
  }

  @Override public SchemaSnapshot introspect(Connection connection) throws SQLException {
    return new MysqlIntrospector(connection, server.listsColumnChecks()).snapshot();
  }

  @Override public Optional<List<TableObject>> tableObjects(Connection connection, String table)
      throws SQLException {
    return Optional.of(new MysqlIntrospector(connection, server.listsColumnChecks())
        .tableObjects(table));
  }

  @Override public DatabaseLock lock(Connection connection, LockWait wait,
      Consumer<String> waiting) throws SQLException {
    return MysqlLock.acquire(connection, wait, waiting);
  }
}
