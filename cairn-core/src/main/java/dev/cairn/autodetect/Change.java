package dev.cairn.autodetect;

import dev.cairn.operations.Operation;
import dev.cairn.state.ModelKey;
import java.util.Set;

/**
 * One operation the autodetector wants in an app's next migration, with the models of other apps
 * it needs (their app's migration that makes them must run first). Immutable.
 *
 * @param deferrable a relation to a model another app creates in the same run: when two apps need
 *     each other, it moves to a second migration, as Django splits circular foreign keys
 */
public record Change(Operation operation, Set<ModelKey> needs, boolean deferrable) {
  public Change {
    needs = Set.copyOf(needs);
  }

  static Change of(Operation operation) {
    return new Change(operation, Set.of(), false);
  }
}
