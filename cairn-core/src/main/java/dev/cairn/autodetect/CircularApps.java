package dev.cairn.autodetect;

import dev.cairn.state.Field;
import dev.cairn.state.ModelKey;
import dev.cairn.state.ModelState;
import dev.cairn.state.ProjectState;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Apps whose new models point at each other's new models, directly or around a circle. Their
 * migrations cannot each depend on the other, so one app's relations to the others' new models go
 * into a second migration, as Django does: the first app by label in a circle is split, then the
 * circle is looked for again without its relations, so that two apps give three migrations.
 */
final class CircularApps {
  private CircularApps() {}

  static Set<String> find(ProjectState current, ProjectState target, Collection<String> apps) {
    Map<String, Set<String>> needs = new HashMap<>();
    for (ModelState m : target.models()) {
      if (!apps.contains(m.app())) continue;
      for (Field f : m.fields().values()) {
        if (f.to() == null) continue;
        ModelKey ref = ModelKey.resolve(m.app(), f.to());
        if (!ref.app().equals(m.app()) && current.model(ref).isEmpty() && apps.contains(ref.app())) {
          needs.computeIfAbsent(m.app(), a -> new HashSet<>()).add(ref.app());
        }
      }
    }
    Set<String> split = new HashSet<>();
    for (String app : new java.util.TreeSet<>(needs.keySet())) {
      if (reaches(app, app, needs, new HashSet<>())) {
        split.add(app);
        needs.remove(app); // its relations wait in its second migration: the circle is broken
      }
    }
    return split;
  }

  private static boolean reaches(String from, String goal, Map<String, Set<String>> needs,
      Set<String> seen) {
    for (String next : needs.getOrDefault(from, Set.of())) {
      if (next.equals(goal)) return true;
      if (seen.add(next) && reaches(next, goal, needs, seen)) return true;
    }
    return false;
  }
}
