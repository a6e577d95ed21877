package dev.cairn.execute;

import dev.cairn.history.Progress;
import dev.cairn.migration.Migration;

/**
 * One migration to apply or, with {@code backwards}, to unapply. Immutable.
 *
 * @param progress how far it got when it last ran outside a transaction and stopped, or {@code
 *     null}: it goes on from there
 */
public record PlanStep(Migration migration, boolean backwards, Progress progress) {
  public PlanStep(Migration migration, boolean backwards) {
    this(migration, backwards, null);
  }

  /** Whether some of its operations are in the database already, recorded as such. */
  public boolean isPartial() {
    return progress != null;
  }

  @Override public String toString() {
    return (backwards ? "Unapply " : "Apply ") + migration.key();
  }
}
