package dev.cairn.schema;

import dev.cairn.state.Field;
import dev.cairn.state.ModelKey;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The foreign key columns that point at one column of a model, auto-created join tables'
 * included: those whose type follows the column's when it changes (AutoField to BigAutoField).
 */
final class PointingKeys {
  /** A key: field {@code name} of {@code source}, a model or a join table. */
  record Key(ModelState source, Name name, Field field) {}

  private PointingKeys() {}

  /** The keys of {@code state}'s managed models that point at {@code target}'s {@code column}. */
  static List<Key> at(ProjectState state, ModelState target, String column) {
    List<Key> keys = new ArrayList<>();
    for (ModelState other : state.models()) {
      if (!other.managed()) continue;
      for (Map.Entry<Name, Field> e : other.fields().entrySet()) {
        Field f = e.getValue();
        if (f.to() == null) continue;
        if (JoinTable.isAutoCreated(f)) {
          ModelState join = JoinTable.model(state, other, e.getKey(), f);
          for (Map.Entry<Name, Field> j : join.fields().entrySet()) {
            add(keys, join, j.getKey(), j.getValue(), target, column);
          }
        } else {
          add(keys, other, e.getKey(), f, target, column);
        }
      }
    }
    return keys;
  }

  private static void add(List<Key> keys, ModelState source, Name name, Field f,
      ModelState target, String column) {
    if (f.type().isForeignKey()
        && ModelKey.resolve(source.app(), f.to()).equals(target.key())
        && Relations.targetColumn(target, f).equals(column)) {
      keys.add(new Key(source, name, f));
    }
  }
}
