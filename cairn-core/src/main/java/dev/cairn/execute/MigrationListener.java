package dev.cairn.execute;

/** Hears what {@code migrate} does, so that the command line can print it as it happens. */
public interface MigrationListener {
  /**
   * Another run holds the migration lock: this one waits for it, up to {@code upTo}, and then
   * gives up ({@link dev.cairn.schema.LockWaitTimeout}).
   *
   * @param lock the lock and its holder: "the migration lock, held by pid 4321 (cairn migrate,
   *     user deploy, connected since 2026-12-04T21:03:04Z)"
   */
  default void waitingForLock(String lock, dev.cairn.schema.LockWait upTo) {}

  /** The plan, once the lock is held and every check has passed, before anything runs. */
  default void planned(java.util.List<PlanStep> plan) {}

  /**
   * Applied migrations whose files are gone, once the lock is held; the run goes on without them
   * unless it would have to unapply them.
   */
  default void missingFiles(java.util.List<dev.cairn.migration.MigrationKey> keys) {}

  default void started(PlanStep step) {}

  /** @param faked the history changed but no SQL ran */
  default void finished(PlanStep step, long millis, boolean faked) {}

  /** A squashed migration was recorded as applied because all it replaces is applied. */
  default void recordedReplacement(dev.cairn.migration.MigrationKey key) {}

  MigrationListener SILENT = new MigrationListener() {};
}
