package dev.cairn.reliability;

import org.junit.jupiter.api.Tag;

/** Crash injection on SQLite in full counts, for {@code mvn verify -Preliability}. */
@Tag("reliability")
final class SqliteCrashInjectionFullTest extends CrashInjectionContract {
  @Override ReliabilityDatabase database() {
    return new SqliteReliabilityDatabase();
  }

  @Override int runs() {
    return 100;
  }
}
