package dev.cairn.graph;

/** Two migrations have the same app and name. */
public final class DuplicateMigrationException extends GraphException {
  DuplicateMigrationException(String message) {
    super(message);
  }
}
