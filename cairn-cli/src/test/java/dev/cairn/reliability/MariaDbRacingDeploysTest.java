package dev.cairn.reliability;

import dev.cairn.testing.MariaDbTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Racing deploys on MariaDB, a reduced count for every build; the full one is tagged. */
final class MariaDbRacingDeploysTest extends RacingDeploysContract {
  @RegisterExtension static final MariaDbTestDatabase mariaDb = new MariaDbTestDatabase();

  @Override ReliabilityDatabase database() {
    return new MariaDbReliabilityDatabase(mariaDb);
  }

  @Override int processes() {
    return 4;
  }

  @Override int rounds() {
    return 3;
  }
}
