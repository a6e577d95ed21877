package dev.cairn.graph;

import dev.cairn.migration.MigrationKey;
import java.util.List;
import java.util.stream.Collectors;

/** Migrations depend on each other in a circle, so none of them can run first. */
public final class CircularDependencyException extends GraphException {
  private final List<MigrationKey> cycle;

  CircularDependencyException(List<MigrationKey> cycle, List<String> locations) {
    super("Circular dependency: " + cycle.stream().map(MigrationKey::toString)
        .collect(Collectors.joining(" -> ")) + " -> " + cycle.get(0)
        + "\n  Remove one of these dependencies, in " + String.join(", ", locations) + ".");
    this.cycle = List.copyOf(cycle);
  }

  /** The migrations of the circle in running order, each a parent of the next, the first once. */
  public List<MigrationKey> cycle() {
    return cycle;
  }
}
