package dev.cairn.execute;

import dev.cairn.files.MigrationReader;
import dev.cairn.files.MigrationWriter;
import dev.cairn.history.Progress;
import dev.cairn.migration.Migration;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The checksum of a migration's first operations, as the writer writes them: what a partly applied
 * migration's progress keeps of the operations it ran, so that an edit of those is refused and an
 * edit of the others (the failing one, fixed) is not. Formatting and comments do not count.
 */
final class OperationsChecksum {
  private OperationsChecksum() {}

  /** The checksum of the first {@code count} operations of {@code m}. */
  static String of(Migration m, int count) {
    Migration first = new Migration(m.key(), List.of(), m.operations().subList(0, count),
        List.of(), List.of(), false, true, null, null, null);
    return MigrationReader.checksum(new MigrationWriter().write(first)
        .getBytes(StandardCharsets.UTF_8));
  }

  /** Refuses to go on with a partly applied migration of the plan whose operations that ran changed. */
  static void requireUnchanged(List<PlanStep> plan) {
    for (PlanStep step : plan) {
      if (step.isPartial()) requireUnchanged(step.migration(), step.progress());
    }
  }

  /** Refuses a partly applied migration whose operations that ran have changed since. */
  static void requireUnchanged(Migration m, Progress p) {
    int touched = Math.min(p.touchedOperations(), m.operations().size());
    if (touched < p.touchedOperations() || !of(m, touched).equals(p.operationsChecksum())) {
      throw new MigrationErrors.EditedWhilePartlyApplied(m, p.touchedOperations(),
          m.operations().size());
    }
  }
}
