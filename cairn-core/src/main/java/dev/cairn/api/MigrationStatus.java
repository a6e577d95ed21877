package dev.cairn.api;

import dev.cairn.migration.MigrationKey;
import java.time.Instant;

/**
 * One migration as {@code showmigrations} lists it. Immutable.
 *
 * @param applied recorded in the history (a squash: once all it replaces is)
 * @param appliedAt when its history row was written; {@code null} when not applied, or when the
 *     squash counts as applied through the rows of what it replaces
 * @param checksum the checksum recorded when it ran; {@code null} when not applied or recorded on
 *     behalf of a squash
 * @param replaces how many migrations it squashes (0 for an ordinary one)
 * @param changed applied, and its file changed since ({@code migrate} refuses to run)
 * @param fileMissing applied, and its file is gone
 * @param partlyApplied how far it got, when it stopped part-way outside a transaction (recorded
 *     in the progress table, not applied); {@code null} otherwise
 */
public record MigrationStatus(MigrationKey key, boolean applied, Instant appliedAt,
    String checksum, int replaces, boolean changed, boolean fileMissing,
    PartlyApplied partlyApplied) {
  /** Of a migration that stopped part-way: {@code operationsApplied} of its {@code operations}. */
  public record PartlyApplied(int operationsApplied, int operations) {}

  public MigrationStatus(MigrationKey key, boolean applied, Instant appliedAt, String checksum,
      int replaces, boolean changed, boolean fileMissing) {
    this(key, applied, appliedAt, checksum, replaces, changed, fileMissing, null);
  }

  public String app() {
    return key.app();
  }

  public String name() {
    return key.name();
  }
}
