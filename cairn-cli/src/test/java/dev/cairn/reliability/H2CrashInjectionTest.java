package dev.cairn.reliability;

/** Crash injection on an H2 file, a reduced count for every build; the full one is tagged. */
final class H2CrashInjectionTest extends CrashInjectionContract {
  @Override ReliabilityDatabase database() {
    return new H2ReliabilityDatabase(false);
  }

  @Override int runs() {
    return 5;
  }
}
