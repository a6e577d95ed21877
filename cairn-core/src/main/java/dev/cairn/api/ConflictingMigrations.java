package dev.cairn.api;

/** An app has several leaf migrations, and makemigrations would add to only one of them. */
public final class ConflictingMigrations extends IllegalArgumentException {
  public ConflictingMigrations(String message) {
    super(message);
  }
}
