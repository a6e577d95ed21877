package dev.cairn.dialect;

import dev.cairn.dialect.h2.H2Dialect;
import dev.cairn.dialect.mysql.MysqlDialect;
import dev.cairn.dialect.postgres.PostgresDialect;
import dev.cairn.dialect.sqlite.SqliteDialect;
import dev.cairn.schema.Dialect;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one place that knows every dialect: picks one by JDBC URL, or by the product name a live
 * connection reports (for a DataSource, whose URL Cairn may never see). Nothing else imports a
 * dialect package. Order matters where one server passes for another: MariaDB must come before
 * MySQL once both exist, as Flyway checks them.
 */
public final class Dialects {
  /**
   * A dialect's JDBC subprotocol, the product name its driver reports, and how to make it from
   * the URL (null when only the product name is known).
   */
  private record Known(String subprotocol, String productName, Function<String, Dialect> make) {}

  private static final List<Known> KNOWN = List.of(
      new Known("postgresql", "postgresql", url -> new PostgresDialect()),
      new Known("sqlite", "sqlite", url -> new SqliteDialect()),
      new Known("h2", "h2", H2Dialect::new),
      // MariaDB before MySQL, as Flyway checks them; one dialect serves both, by version
      new Known("mariadb", "mariadb", url -> MysqlDialect.mariaDb()),
      new Known("mysql", "mysql", url -> MysqlDialect.mysql()));

  private Dialects() {}

  /** The dialect for {@code jdbcUrl}, by its {@code jdbc:<subprotocol>:} prefix. */
  public static Dialect forUrl(String jdbcUrl) {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException("'" + jdbcUrl + "' is not a JDBC URL;"
          + " expected jdbc:postgresql://host/db or jdbc:sqlite:file.db");
    }
    String rest = jdbcUrl.substring("jdbc:".length());
    String subprotocol = rest.substring(0, Math.max(0, rest.indexOf(':')));
    for (Known k : KNOWN) {
      if (k.subprotocol().equals(subprotocol)) return k.make().apply(jdbcUrl);
    }
    throw new IllegalArgumentException("no Cairn dialect for '" + jdbcUrl + "'; supported: "
        + KNOWN.stream().map(k -> "jdbc:" + k.subprotocol() + ":").collect(Collectors.joining(", ")));
  }

  /**
   * The dialect for the product name of {@code DatabaseMetaData.getDatabaseProductName()}, which
   * a driver may spell in any case ("PostgreSQL", "SQLite").
   */
  public static Dialect forProductName(String productName) {
    String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
    for (Known k : KNOWN) {
      if (name.startsWith(k.productName())) return k.make().apply(null);
    }
    throw new IllegalArgumentException("no Cairn dialect for a database that calls itself '"
        + productName + "'; supported: "
        + KNOWN.stream().map(Known::productName).collect(Collectors.joining(", ")));
  }
}
