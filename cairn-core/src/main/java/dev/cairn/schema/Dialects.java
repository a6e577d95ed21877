package dev.cairn.schema;

import dev.cairn.dialect.sqlite.SqliteDialect;
import java.util.Optional;

/** Picks the dialect for a JDBC URL. */
public final class Dialects {
  private Dialects() {}

  public static Optional<Dialect> forUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) return Optional.of(new SqliteDialect());
    return Optional.empty();
  }
}
