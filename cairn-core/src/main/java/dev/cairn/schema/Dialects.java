package dev.cairn.schema;

import dev.cairn.dialect.postgres.PostgresDialect;
import dev.cairn.dialect.sqlite.SqliteDialect;

/** Picks the dialect for a JDBC URL. */
public final class Dialects {
  private Dialects() {}

  /** The dialect for {@code jdbcUrl}, by its {@code jdbc:<subprotocol>:} prefix. */
  public static Dialect forUrl(String jdbcUrl) {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException("'" + jdbcUrl + "' is not a JDBC URL;"
          + " expected jdbc:postgresql://host/db or jdbc:sqlite:file.db");
    }
    String rest = jdbcUrl.substring("jdbc:".length());
    String subprotocol = rest.substring(0, Math.max(0, rest.indexOf(':')));
    return switch (subprotocol) {
      case "postgresql" -> new PostgresDialect();
      case "sqlite" -> new SqliteDialect();
      default -> throw new IllegalArgumentException("no Cairn dialect for '" + jdbcUrl
          + "'; supported: jdbc:postgresql:, jdbc:sqlite:");
    };
  }
}
