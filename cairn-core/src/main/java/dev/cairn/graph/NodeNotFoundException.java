package dev.cairn.graph;

import dev.cairn.migration.MigrationKey;

/** A migration names another migration (a dependency, run_before or a target) that does not exist. */
public final class NodeNotFoundException extends GraphException {
  private final MigrationKey node;

  NodeNotFoundException(MigrationKey node, String message) {
    super(message);
    this.node = node;
  }

  /** The migration that does not exist. */
  public MigrationKey node() {
    return node;
  }
}
