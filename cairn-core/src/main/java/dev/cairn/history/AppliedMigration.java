package dev.cairn.history;

import dev.cairn.migration.MigrationKey;
import java.time.Instant;

/**
 * One row of the history table: a migration recorded as applied. Immutable.
 *
 * @param checksum {@code null} for rows recorded on behalf of a squashed migration's originals
 */
public record AppliedMigration(MigrationKey key, Instant applied, String checksum,
    long executionMillis, String appliedBy) {}
