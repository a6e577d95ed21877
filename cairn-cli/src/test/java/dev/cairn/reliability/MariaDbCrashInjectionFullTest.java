package dev.cairn.reliability;

import dev.cairn.testing.MariaDbTestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Crash injection on MariaDB in full counts, for {@code mvn verify -Preliability}. */
@Tag("reliability")
final class MariaDbCrashInjectionFullTest extends CrashInjectionContract {
  @RegisterExtension static final MariaDbTestDatabase mariaDb = new MariaDbTestDatabase();

  @Override ReliabilityDatabase database() {
    return new MariaDbReliabilityDatabase(mariaDb);
  }

  @Override int runs() {
    return 100;
  }
}
