package dev.cairn.fuzz;

import dev.cairn.testing.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

final class PostgresQuotedIdentifiersTest extends QuotedIdentifiersContract {
  @RegisterExtension static final PostgresTestDatabase postgres = new PostgresTestDatabase();

  @Override String emptyDatabase() throws Exception {
    postgres.reset();
    return postgres.url() + "?user=postgres";
  }
}
