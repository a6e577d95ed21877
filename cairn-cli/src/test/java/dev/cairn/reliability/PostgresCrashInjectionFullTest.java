package dev.cairn.reliability;

import dev.cairn.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Crash injection on PostgreSQL in full counts, for {@code mvn verify -Preliability}. */
@Tag("reliability")
final class PostgresCrashInjectionFullTest extends CrashInjectionContract {
  @RegisterExtension static final PostgresTestDatabase postgres = new PostgresTestDatabase();

  @Override ReliabilityDatabase database() {
    return new PostgresReliabilityDatabase(postgres);
  }

  @Override int runs() {
    return 100;
  }
}
