package dev.cairn.reliability;

import dev.cairn.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Racing deploys on PostgreSQL in full counts, for {@code mvn verify -Preliability}. */
@Tag("reliability")
final class PostgresRacingDeploysFullTest extends RacingDeploysContract {
  @RegisterExtension static final PostgresTestDatabase postgres = new PostgresTestDatabase();

  @Override ReliabilityDatabase database() {
    return new PostgresReliabilityDatabase(postgres);
  }

  @Override int processes() {
    return 8;
  }

  @Override int rounds() {
    return 20;
  }
}
