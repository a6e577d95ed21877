package dev.cairn.graph;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** An app has more than one leaf migration, so it is unclear which one comes last. */
public final class ConflictException extends GraphException {
  private final SortedMap<String, List<String>> conflicts;

  ConflictException(Map<String, List<String>> conflicts) {
    super("Conflicting migrations in " + new TreeMap<>(conflicts).entrySet().stream()
        .map(e -> "app " + e.getKey() + ": " + String.join(", ", e.getValue()))
        .collect(Collectors.joining("; in "))
        + ". To fix them run 'cairn makemigrations --merge'.");
    this.conflicts = new TreeMap<>(conflicts);
  }

  /** App label to the names of its leaf migrations, sorted. */
  public SortedMap<String, List<String>> conflicts() {
    return conflicts;
  }
}
