package dev.cairn.reliability;

import dev.cairn.testing.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Crash injection on PostgreSQL, a reduced count for every build; the full one is tagged. */
final class PostgresCrashInjectionTest extends CrashInjectionContract {
  @RegisterExtension static final PostgresTestDatabase postgres = new PostgresTestDatabase();

  @Override ReliabilityDatabase database() {
    return new PostgresReliabilityDatabase(postgres);
  }

  @Override int runs() {
    return 10;
  }
}
