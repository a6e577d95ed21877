package dev.cairn.dialect.h2;

import dev.cairn.schema.DatabaseLock;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.LockWait;
import dev.cairn.schema.SchemaEditor;
import dev.cairn.schema.SchemaSnapshot;
import dev.cairn.schema.StatementSink;
import dev.cairn.schema.TableObject;
import dev.cairn.state.Field;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * H2 2.x, in memory or in a file, for tests and embedded use: types as Hibernate's H2 dialect
 * writes them, DDL that commits (so no transactional DDL), and a migration lock held by a session
 * of its own ({@link H2Lock}). Immutable.
 */
public final class H2Dialect implements Dialect {
  private final String url;

  /** A dialect that knows the URL its connections come from, so the lock can open its own. */
  public H2Dialect(String url) {
    this.url = url;
  }

  /** A dialect for a connection whose URL Cairn never saw (a DataSource). */
  public H2Dialect() {
    this(null);
  }

  @Override public String name() {
    return "h2";
  }

  @Override public int maxIdentifierLength() {
    return 256; // H2 refuses a longer name; generated names keep PostgreSQL's 63 everywhere
  }

  /** Every DDL statement commits the session's transaction first and after. */
  @Override public boolean hasTransactionalDdl() {
    return false;
  }

  @Override public String columnType(Field field) {
    return H2Types.columnType(field);
  }

  @Override public String introspectedType(Field field) {
    return H2Types.introspectedType(field);
  }

  @Override public SchemaEditor schemaEditor(StatementSink sink) {
    return new H2SchemaEditor(this, sink);
  }

  @Override public SchemaSnapshot introspect(Connection connection) throws SQLException {
    return new H2Introspector(connection).snapshot();
  }

  /** H2 names a constraint's index itself, and a database made by Hibernate names keys its way. */
  @Override public boolean looksUpNames() {
    return true;
  }

  @Override public Optional<List<TableObject>> tableObjects(Connection connection, String table)
      throws SQLException {
    return Optional.of(new H2Introspector(connection).tableObjects(table));
  }

  /**
   * Takes the lock on a new session of the same database: with the URL this dialect was made for,
   * else with the URL and user the connection reports (H2 tells no password: a DataSource whose
   * user has one must give Cairn its URL).
   */
  @Override public DatabaseLock lock(Connection connection, LockWait wait,
      Consumer<String> waiting) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    if (isPrivateMemory(meta.getURL())) return () -> {}; // nobody else can open it
    Connection session = url != null ? DriverManager.getConnection(url)
        : DriverManager.getConnection(meta.getURL(), meta.getUserName(), "");
    return H2Lock.acquire(session, wait, waiting);
  }

  /** {@code jdbc:h2:mem:} without a name: each connection gets a database of its own. */
  static boolean isPrivateMemory(String url) {
    return url.equals("jdbc:h2:mem:") || url.startsWith("jdbc:h2:mem:;");
  }
}
