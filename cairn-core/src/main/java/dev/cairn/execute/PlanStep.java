package dev.cairn.execute;

import dev.cairn.migration.Migration;

/** One migration to apply or, with {@code backwards}, to unapply. Immutable. */
public record PlanStep(Migration migration, boolean backwards) {
  @Override public String toString() {
    return (backwards ? "Unapply " : "Apply ") + migration.key();
  }
}
