package dev.cairn.execute;

/**
 * How {@code migrate} runs. Immutable.
 *
 * @param fake record (or remove) history rows without running any SQL
 * @param fakeInitial record an initial migration as applied when its tables and columns exist
 * @param ignoreChecksums go on although an applied migration's file has changed since
 */
public record MigrateOptions(boolean fake, boolean fakeInitial, boolean ignoreChecksums) {
  public static final MigrateOptions DEFAULTS = new MigrateOptions(false, false, false);
}
