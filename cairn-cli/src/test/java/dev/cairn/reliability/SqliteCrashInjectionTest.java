package dev.cairn.reliability;

/** Crash injection on SQLite, a reduced count for every build; the full one is tagged. */
final class SqliteCrashInjectionTest extends CrashInjectionContract {
  @Override ReliabilityDatabase database() {
    return new SqliteReliabilityDatabase();
  }

  @Override int runs() {
    return 10;
  }
}
