package dev.cairn.execute;

import dev.cairn.schema.LockWait;

/**
 * How {@code migrate} runs. Immutable.
 *
 * @param fake record (or remove) history rows without running any SQL
 * @param fakeInitial record an initial migration as applied when its tables and columns exist
 * @param ignoreChecksums go on although an applied migration's file has changed since
 * @param lockWait how long to wait for the migration lock while another run holds it
 */
public record MigrateOptions(boolean fake, boolean fakeInitial, boolean ignoreChecksums,
    LockWait lockWait) {
  public static final MigrateOptions DEFAULTS = new MigrateOptions(false, false, false);

  public MigrateOptions {
    java.util.Objects.requireNonNull(lockWait, "lockWait == null");
  }

  /** Waits {@link LockWait#DEFAULT} for the lock. */
  public MigrateOptions(boolean fake, boolean fakeInitial, boolean ignoreChecksums) {
    this(fake, fakeInitial, ignoreChecksums, LockWait.DEFAULT);
  }
}
