package dev.cairn.reliability;

import dev.cairn.testing.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Racing deploys on PostgreSQL, a reduced count for every build; the full one is tagged. */
final class PostgresRacingDeploysTest extends RacingDeploysContract {
  @RegisterExtension static final PostgresTestDatabase postgres = new PostgresTestDatabase();

  @Override ReliabilityDatabase database() {
    return new PostgresReliabilityDatabase(postgres);
  }

  @Override int processes() {
    return 4;
  }

  @Override int rounds() {
    return 3;
  }
}
