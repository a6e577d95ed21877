package dev.cairn.autodetect;

import dev.cairn.operations.Operation;
import dev.cairn.state.ModelKey;
import java.util.Set;

/**
 * One operation the autodetector wants in an app's next migration, with what must run before it
 * in other apps. Immutable.
 *
 * @param needs models of other apps it points at: the migration that makes them (in this run, or
 *     already) must run first
 * @param afterApps apps whose every migration, including any written in this run, must run first:
 *     a renamed or deleted model's old name must not be used by another app after it is gone
 * @param deferrable a relation to a model another app creates in the same run: when two apps need
 *     each other, it moves to a second migration, as Django splits circular foreign keys
 */
public record Change(Operation operation, Set<ModelKey> needs, Set<String> afterApps,
    boolean deferrable) {
  public Change {
    needs = Set.copyOf(needs);
    afterApps = Set.copyOf(afterApps);
  }

  Change(Operation operation, Set<ModelKey> needs, boolean deferrable) {
    this(operation, needs, Set.of(), deferrable);
  }

  static Change of(Operation operation) {
    return new Change(operation, Set.of(), Set.of(), false);
  }
}
