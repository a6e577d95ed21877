package dev.cairn.api;

import dev.cairn.files.MigrationWriter;
import dev.cairn.migration.Migration;
import java.nio.file.Path;

/**
 * A migration Cairn made and has not written yet ({@link Cairn#write}), with the file it goes to.
 * Immutable.
 */
public record NewMigration(Migration migration, Path file) {
  /** The file's text, as it will be written. */
  public String text() {
    return new MigrationWriter().write(migration);
  }
}
