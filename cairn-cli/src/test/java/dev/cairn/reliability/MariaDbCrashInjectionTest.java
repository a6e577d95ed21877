package dev.cairn.reliability;

import dev.cairn.testing.MariaDbTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Crash injection on MariaDB, a reduced count for every build; the full one is tagged. */
final class MariaDbCrashInjectionTest extends CrashInjectionContract {
  @RegisterExtension static final MariaDbTestDatabase mariaDb = new MariaDbTestDatabase();

  @Override ReliabilityDatabase database() {
    return new MariaDbReliabilityDatabase(mariaDb);
  }

  @Override int runs() {
    return 5;
  }
}
