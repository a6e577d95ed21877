package dev.cairn.reliability;

import org.junit.jupiter.api.Tag;

/** Crash injection on an H2 file in full counts, for {@code mvn verify -Preliability}. */
@Tag("reliability")
final class H2CrashInjectionFullTest extends CrashInjectionContract {
  @Override ReliabilityDatabase database() {
    return new H2ReliabilityDatabase(false);
  }

  @Override int runs() {
    return 100;
  }
}
