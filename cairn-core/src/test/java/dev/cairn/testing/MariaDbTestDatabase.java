package dev.cairn.testing;

import dev.cairn.dialect.mysql.MysqlDialect;
import dev.cairn.schema.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, empty MariaDB (or MySQL) database for one test class, dropped afterwards:
 *
 * <pre>{@code
 * @RegisterExtension static final MariaDbTestDatabase db = new MariaDbTestDatabase();
 * ... try (Connection c = db.connect()) { ... }
 * }</pre>
 *
 * <p>It uses the server at {@code 127.0.0.1:3306} (user {@code root}, no password), or {@code
 * $CAIRN_TEST_MARIADB_URL}, a URL to run {@code CREATE DATABASE} from, such as {@code
 * jdbc:mariadb://host:3306/?user=u&password=p}. Without one it skips, or fails under {@code
 * CI=true}.
 */
public final class MariaDbTestDatabase implements BeforeAllCallback, AfterAllCallback {
  private static final String DEFAULT_ADMIN_URL = "jdbc:mariadb://127.0.0.1:3306/?user=root";

  private String adminUrl;
  private String name;
  private String url;
  private Dialect dialect;

  @Override public void beforeAll(ExtensionContext context) throws SQLException {
    adminUrl = adminUrl();
    name = "cairn_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = open(adminUrl); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
    }
    url = withDatabase(adminUrl, name);
    try (Connection c = connect()) {
      dialect = MysqlDialect.mariaDb().connectedTo(c);
    }
  }

  @Override public void afterAll(ExtensionContext context) throws SQLException {
    if (name == null) return;
    try (Connection c = open(adminUrl); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
    }
  }

  /** The JDBC URL of this class's database, with the credentials of the admin URL. */
  public String url() {
    return url;
  }

  /** The name of this class's database. */
  public String name() {
    return name;
  }

  /** The dialect for the server's product and version. */
  public Dialect dialect() {
    return dialect;
  }

  /** A new connection to this class's database, in auto-commit mode. */
  public Connection connect() throws SQLException {
    return open(url);
  }

  /** Empties the database again (drops and recreates it) between tests. */
  public void reset() throws SQLException {
    try (Connection c = open(adminUrl); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
    }
  }

  /** {@code url} with {@code database} as its path: {@code jdbc:mariadb://h:3306/<database>?...}. */
  static String withDatabase(String url, String database) {
    int hosts = url.indexOf("//") + 2;
    int query = url.indexOf('?');
    int slash = url.indexOf('/', hosts);
    int end = query < 0 ? url.length() : query;
    String base = slash < 0 || slash > end ? url.substring(0, end) : url.substring(0, slash);
    return base + "/" + database + (query < 0 ? "" : url.substring(query));
  }

  private static Connection open(String url) throws SQLException {
    return DriverManager.getConnection(url.contains("connectTimeout") ? url
        : url + (url.contains("?") ? "&" : "?") + "connectTimeout=3000");
  }

  private static String adminUrl() {
    String configured = System.getenv("CAIRN_TEST_MARIADB_URL");
    String url = configured != null && !configured.isBlank() ? configured : DEFAULT_ADMIN_URL;
    try (Connection ignored = open(url)) {
      return url;
    } catch (SQLException e) {
      throw DatabaseUnavailable.skipOrFail("no MariaDB at " + url, e);
    }
  }
}
