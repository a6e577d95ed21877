package dev.cairn.dialect.h2;

import dev.cairn.schema.DatabaseLock;
import dev.cairn.schema.Ddl;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.Feature;
import dev.cairn.schema.Features;
import dev.cairn.schema.LockWait;
import dev.cairn.schema.SchemaEditor;
import dev.cairn.schema.SchemaSnapshot;
import dev.cairn.schema.ServerVersion;
import dev.cairn.schema.StatementSink;
import dev.cairn.schema.TableObject;
import dev.cairn.state.Field;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * H2 2.x, in memory or in a file, for tests and embedded use: types as Hibernate's H2 dialect
 * writes them, DDL that commits (so no transactional DDL), and a migration lock held by a session
 * of its own ({@link H2Lock}). Immutable.
 */
public final class H2Dialect implements Dialect {
  /**
   * The version assumed without a database: the oldest H2 that Hibernate 6.6 and 7 support, and
   * the oldest with the {@code INFORMATION_SCHEMA} of 2.x that {@link H2Introspector} reads.
   */
  public static final ServerVersion OFFLINE_DEFAULT = new ServerVersion("h2", 2, 1, 214);

  /**
   * Every DDL statement commits the session's transaction, before and after it; no {@code
   * DEFERRABLE}, no {@code WHERE} on an index; {@code ADD COLUMN} copies the table's rows. H2
   * refuses names longer than 256 characters (generated names keep PostgreSQL's 63 everywhere).
   */
  private static final Features FEATURES = Features.of(256, Feature.RENAME_COLUMN,
      Feature.RENAME_INDEX, Feature.RENAME_CONSTRAINT, Feature.CHECK_CONSTRAINTS, Feature.COMMENTS,
      Feature.LOOKS_UP_OBJECT_NAMES);

  private final String url;
  private final ServerVersion version;
  private final boolean foldsToUpperCase;

  /**
   * @param url the URL its connections come from, so that the lock can open a session of its
   *     own; {@code null} for a connection whose URL Cairn never saw (a DataSource)
   * @param foldsToUpperCase whether the database reads unquoted names in upper case, as H2 does
   *     unless its URL says {@code DATABASE_TO_LOWER=TRUE} or {@code DATABASE_TO_UPPER=FALSE}
   */
  public H2Dialect(String url, ServerVersion version, boolean foldsToUpperCase) {
    this.url = url;
    this.version = version;
    this.foldsToUpperCase = foldsToUpperCase;
  }

  /** Before a connection: the case of names as the URL's settings make H2 fold them. */
  public H2Dialect(String url) {
    this(url, OFFLINE_DEFAULT, url == null || foldsToUpperCase(url));
  }

  public H2Dialect() {
    this(null);
  }

  @Override public String name() {
    return "h2";
  }

  @Override public ServerVersion version() {
    return version;
  }

  @Override public Features features() {
    return FEATURES;
  }

  /** H2 runs in the driver, so its version is the driver's; 1.x has another catalog. */
  @Override public Dialect connectedTo(Connection connection) throws SQLException {
    ServerVersion found = ServerVersion.parse("h2",
        connection.getMetaData().getDatabaseProductVersion());
    if (!found.atLeast(2, 0)) {
      throw new SQLException("H2 " + found.major() + "." + found.minor() + "." + found.patch()
          + " is not supported; Cairn needs H2 2.1 or later (com.h2database:h2)");
    }
    return new H2Dialect(url, found, connection.getMetaData().storesUpperCaseIdentifiers());
  }

  /**
   * Quotes the name as the database folds unquoted names: a lower-case name in upper case by H2's
   * default, as Django's Oracle backend does, so that a check's {@code price >= 0}, a RunSQL's
   * {@code UPDATE shop_product} and Hibernate's unquoted SQL find what Cairn made; as it is where
   * the URL makes H2 fold to lower case (or not at all), and a name in mixed case (which no
   * unquoted name can be) always. {@link H2Introspector} reads upper-case names back in lower
   * case.
   */
  @Override public String quote(String identifier) {
    return Dialect.super.quote(stored(identifier));
  }

  /** A name as the database stores it, to ask its catalog about. */
  String stored(String identifier) {
    return foldsToUpperCase && identifier.equals(identifier.toLowerCase(Locale.ROOT))
        ? identifier.toUpperCase(Locale.ROOT) : identifier;
  }

  /** A name read from the catalog, as Cairn's state spells it. */
  String read(String stored) {
    return foldsToUpperCase && stored.equals(stored.toUpperCase(Locale.ROOT))
        ? stored.toLowerCase(Locale.ROOT) : stored;
  }

  @Override public String columnType(Field field) {
    return H2Types.columnType(field);
  }

  @Override public String introspectedType(Field field) {
    return H2Types.introspectedType(field);
  }

  @Override public Ddl ddl() {
    return new H2Ddl(this);
  }

  @Override public SchemaEditor schemaEditor(StatementSink sink) {
    return new SchemaEditor(this, sink);
  }

  @Override public SchemaSnapshot introspect(Connection connection) throws SQLException {
    return new H2Introspector(connection, this).snapshot();
  }

  @Override public Optional<List<TableObject>> tableObjects(Connection connection, String table)
      throws SQLException {
    return Optional.of(new H2Introspector(connection, this).tableObjects(table));
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
    return H2Lock.acquire(session, quote(H2Lock.TABLE), wait, waiting);
  }

  /**
   * Whether H2 reads unquoted names in upper case with these URL settings: unless {@code
   * DATABASE_TO_LOWER=TRUE} or {@code DATABASE_TO_UPPER=FALSE}.
   */
  static boolean foldsToUpperCase(String url) {
    String settings = url.toUpperCase(Locale.ROOT).replace(" ", "");
    return !settings.contains(";DATABASE_TO_LOWER=TRUE")
        && !settings.contains(";DATABASE_TO_UPPER=FALSE");
  }

  /** {@code jdbc:h2:mem:} without a name: each connection gets a database of its own. */
  static boolean isPrivateMemory(String url) {
    return url.equals("jdbc:h2:mem:") || url.startsWith("jdbc:h2:mem:;");
  }
}
