package dev.cairn.reliability;

import org.junit.jupiter.api.Tag;

/** Racing deploys on SQLite in full counts, for {@code mvn verify -Preliability}. */
@Tag("reliability")
final class SqliteRacingDeploysFullTest extends RacingDeploysContract {
  @Override ReliabilityDatabase database() {
    return new SqliteReliabilityDatabase();
  }

  @Override int processes() {
    return 8;
  }

  @Override int rounds() {
    return 20;
  }
}
