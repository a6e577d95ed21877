package dev.cairn.reliability;

/** Racing deploys on SQLite, a reduced count for every build; the full one is tagged. */
final class SqliteRacingDeploysTest extends RacingDeploysContract {
  @Override ReliabilityDatabase database() {
    return new SqliteReliabilityDatabase();
  }

  @Override int processes() {
    return 4;
  }

  @Override int rounds() {
    return 3;
  }
}
