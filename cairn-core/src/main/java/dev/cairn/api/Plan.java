package dev.cairn.api;

import dev.cairn.execute.PlanStep;
import dev.cairn.migration.MigrationKey;
import java.util.List;

/**
 * What {@code migrate} would do now ({@link Cairn#plan}), or did ({@link Cairn#migrate}).
 * Immutable.
 *
 * @param steps the migrations applied or unapplied, in order; empty when there was nothing to do
 * @param missingFiles applied migrations whose files are gone (the run goes on without them, but
 *     cannot unapply them)
 */
public record Plan(List<PlanStep> steps, List<MigrationKey> missingFiles) {
  public Plan {
    steps = List.copyOf(steps);
    missingFiles = List.copyOf(missingFiles);
  }

  public boolean isEmpty() {
    return steps.isEmpty();
  }
}
