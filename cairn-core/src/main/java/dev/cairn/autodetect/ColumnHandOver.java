package dev.cairn.autodetect;

import dev.cairn.operations.AddField;
import dev.cairn.operations.AlterField;
import dev.cairn.operations.Operation;
import dev.cairn.operations.RemoveField;
import dev.cairn.operations.RenameField;
import dev.cairn.state.Field;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders the field changes of one app so that a column is free before a field takes it: a field
 * renamed or altered onto the column of a field that is removed, renamed or altered away comes
 * after that change ({@code db_column} moving from one field to another). Changes of one field
 * keep their order (a rename before the {@code db_column} change that follows it, a removal
 * before an addition under the same name). Otherwise the detected order stays. Two fields that
 * swap columns form a circle no order solves; they keep the detected order.
 */
final class ColumnHandOver {
  private ColumnHandOver() {}

  /** What one change does to the columns of its model's table. */
  private record Effect(ModelKey model, Set<Name> fields, Set<String> freed, Set<String> taken) {}

  /**
   * @param before the state the first of {@code changes} applies to
   * @param changes field changes of {@code app}'s kept models, in detected order
   */
  static List<Change> order(String app, ProjectState before, List<Change> changes) {
    Map<Change, Effect> effects = new IdentityHashMap<>();
    ProjectState state = before;
    for (Change c : changes) {
      ProjectState after = c.operation().stateForwards(app, state);
      effects.put(c, effect(app, c.operation(), state, after));
      state = after;
    }
    return DependencyOrder.sort(changes, c -> mustFollow(c, changes, effects), false);
  }

  /** The changes {@code c} must come after. */
  private static Set<Change> mustFollow(Change c, List<Change> changes, Map<Change, Effect> effects) {
    Effect e = effects.get(c);
    Set<Change> first = new LinkedHashSet<>();
    if (e == null) return first;
    int at = changes.indexOf(c);
    for (int i = 0; i < changes.size(); i++) {
      Change other = changes.get(i);
      Effect o = effects.get(other);
      if (other == c || o == null || !o.model().equals(e.model())) continue;
      // Changes of one field keep their order, whatever their columns say.
      if (o.fields().stream().anyMatch(e.fields()::contains)) {
        if (i < at) first.add(other);
      } else if (e.taken().stream().anyMatch(o.freed()::contains)) {
        first.add(other);
      }
    }
    return first;
  }

  /**
   * The field change's effect on its columns; null for anything else. This names the four field
   * operations the autodetector makes for kept models, rather than asking every operation, because
   * it reasons about the autodetector's own output: any other operation rightly has no effect.
   */
  private static Effect effect(String app, Operation op, ProjectState before, ProjectState after) {
    Name model;
    Name was = null;
    Name is = null;
    if (op instanceof RenameField r) {
      model = r.modelName();
      was = r.oldName();
      is = r.newName();
    } else if (op instanceof AlterField a) {
      model = a.modelName();
      was = is = a.name();
    } else if (op instanceof AddField a) {
      model = a.modelName();
      is = a.name();
    } else if (op instanceof RemoveField r) {
      model = r.modelName();
      was = r.name();
    } else {
      return null;
    }
    ModelKey key = new ModelKey(app, model);
    String from = column(before, key, was);
    String to = column(after, key, is);
    Set<Name> fields = new HashSet<>();
    if (was != null) fields.add(was);
    if (is != null) fields.add(is);
    boolean moves = !java.util.Objects.equals(from, to);
    return new Effect(key, fields, moves && from != null ? Set.of(from) : Set.of(),
        moves && to != null ? Set.of(to) : Set.of());
  }

  /** The column of a field, in lower case as databases compare them; null when it has none. */
  private static String column(ProjectState state, ModelKey model, Name field) {
    if (field == null) return null;
    Field f = state.model(model).flatMap(m -> m.field(field)).orElse(null);
    if (f == null || !f.hasColumn()) return null;
    return f.column(field).toLowerCase(java.util.Locale.ROOT);
  }
}
