package dev.cairn.testing;

import dev.cairn.dialect.postgres.PostgresDialect;
import dev.cairn.schema.Dialect;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, empty PostgreSQL database for one test class, dropped afterwards:
 *
 * <pre>{@code
 * @RegisterExtension static final PostgresTestDatabase db = new PostgresTestDatabase();
 * ... try (Connection c = db.connect()) { ... }
 * }</pre>
 *
 * <p>It uses the server at {@code 127.0.0.1:5432} (user {@code postgres}, or {@code
 * $CAIRN_TEST_POSTGRES_URL}, a URL of a database to run {@code CREATE DATABASE} from) and
 * otherwise starts an embedded PostgreSQL once per JVM ({@code CAIRN_TEST_POSTGRES=embedded}
 * skips the local server). Without either it skips, or fails under
 * {@code CI=true}.
 */
public final class PostgresTestDatabase implements BeforeAllCallback, AfterAllCallback {
  private static final String DEFAULT_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static EmbeddedPostgres embedded;
  private static String embeddedFailure;

  private String adminUrl;
  private String name;
  private String url;

  @Override public void beforeAll(ExtensionContext context) throws SQLException {
    adminUrl = adminUrl();
    name = "cairn_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = open(adminUrl); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
  }

  @Override public void afterAll(ExtensionContext context) throws SQLException {
    if (name == null) return;
    try (Connection c = open(adminUrl); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  /** The JDBC URL of this class's database, without credentials. */
  public String url() {
    return url;
  }

  public Dialect dialect() {
    return new PostgresDialect();
  }

  /** A new connection to this class's database, in auto-commit mode. */
  public Connection connect() throws SQLException {
    return open(url);
  }

  /** Empties the database again (drops and recreates the public schema) between tests. */
  public void reset() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA public CASCADE");
      s.execute("CREATE SCHEMA public");
    }
  }

  private static Connection open(String url) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", "postgres");
    props.setProperty("connectTimeout", "3");
    props.setProperty("loginTimeout", "5");
    return DriverManager.getConnection(url, props);
  }

  /** The first of: $CAIRN_TEST_POSTGRES_URL, the local server, an embedded server. */
  private static synchronized String adminUrl() {
    String configured = System.getenv("CAIRN_TEST_POSTGRES_URL");
    if (configured != null && !configured.isBlank()) return configured;
    boolean embeddedOnly = "embedded".equalsIgnoreCase(System.getenv("CAIRN_TEST_POSTGRES"));
    if (!embeddedOnly && answers(DEFAULT_ADMIN_URL)) return DEFAULT_ADMIN_URL;
    if (embedded == null && embeddedFailure == null) {
      try {
        EmbeddedPostgres started = EmbeddedPostgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            started.close();
          } catch (Exception ignored) {
            // the JVM is going away; the temporary data folder goes with the process
          }
        }));
        embedded = started;
      } catch (Exception | LinkageError e) {
        embeddedFailure = e.toString();
      }
    }
    if (embedded == null) {
      throw DatabaseUnavailable.skipOrFail("no PostgreSQL at 127.0.0.1:5432 and embedded"
          + " PostgreSQL did not start", new IllegalStateException(embeddedFailure));
    }
    return embedded.getJdbcUrl("postgres", "postgres");
  }

  private static boolean answers(String url) {
    try (Connection ignored = open(url)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
