package dev.cairn.reliability;

import dev.cairn.testing.MariaDbTestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Racing deploys on MariaDB in full counts, for {@code mvn verify -Preliability}. */
@Tag("reliability")
final class MariaDbRacingDeploysFullTest extends RacingDeploysContract {
  @RegisterExtension static final MariaDbTestDatabase mariaDb = new MariaDbTestDatabase();

  @Override ReliabilityDatabase database() {
    return new MariaDbReliabilityDatabase(mariaDb);
  }

  @Override int processes() {
    return 8;
  }

  @Override int rounds() {
    return 20;
  }
}
