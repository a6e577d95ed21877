package dev.cairn.autodetect;

import dev.cairn.operations.Operation;
import dev.cairn.state.ModelKey;
import java.util.Set;

/**
 * One operation the autodetector wants in an app's next migration, with the models of other apps
 * it needs (their app's migration that makes them must run first). Immutable.
 *
 * @param deferrable a relation to a model another app creates in the same run, or a model other
 *     apps stop pointing at in the same run: it moves to a second migration, as Django splits
 *     circular foreign keys
 * @param after models of other apps whose changes in the same run must come first (a deleted
 *     model waits until the fields pointing at it are gone); their app's latest migration when
 *     that app has no changes
 */
public record Change(Operation operation, Set<ModelKey> needs, boolean deferrable,
    Set<ModelKey> after) {
  public Change {
    needs = Set.copyOf(needs);
    after = Set.copyOf(after);
  }

  public Change(Operation operation, Set<ModelKey> needs, boolean deferrable) {
    this(operation, needs, deferrable, Set.of());
  }

  static Change of(Operation operation) {
    return new Change(operation, Set.of(), false);
  }
}
