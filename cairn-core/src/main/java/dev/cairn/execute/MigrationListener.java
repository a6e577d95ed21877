package dev.cairn.execute;

/** Hears what {@code migrate} does, so that the command line can print it as it happens. */
public interface MigrationListener {
  default void started(PlanStep step) {}

  /** @param faked the history changed but no SQL ran */
  default void finished(PlanStep step, long millis, boolean faked) {}

  /** A squashed migration was recorded as applied because all it replaces is applied. */
  default void recordedReplacement(dev.cairn.migration.MigrationKey key) {}

  MigrationListener SILENT = new MigrationListener() {};
}
