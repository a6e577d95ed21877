package dev.cairn.graph;

import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Finds a circle of dependencies, iteratively so that long chains cannot overflow the stack. */
final class Cycles {
  private Cycles() {}

  private enum Mark { ON_PATH, DONE }

  /** Throws {@link CircularDependencyException} naming the first circle found, if there is one. */
  static void check(Map<MigrationKey, Migration> migrations,
      Map<MigrationKey, List<MigrationKey>> children) {
    Iterable<MigrationKey> nodes = migrations.keySet();
    Map<MigrationKey, Mark> marks = new HashMap<>();
    List<MigrationKey> path = new ArrayList<>();
    List<Iterator<MigrationKey>> pending = new ArrayList<>();
    for (MigrationKey start : nodes) {
      if (marks.containsKey(start)) continue;
      marks.put(start, Mark.ON_PATH);
      path.add(start);
      pending.add(children.get(start).iterator());
      while (!path.isEmpty()) {
        int top = path.size() - 1;
        Iterator<MigrationKey> next = pending.get(top);
        if (!next.hasNext()) {
          marks.put(path.remove(top), Mark.DONE);
          pending.remove(top);
          continue;
        }
        MigrationKey child = next.next();
        Mark mark = marks.get(child);
        if (mark == Mark.ON_PATH) {
          List<MigrationKey> cycle = path.subList(path.indexOf(child), path.size());
          List<MigrationKey> circle = rotateToSmallest(cycle);
          throw new CircularDependencyException(circle,
              circle.stream().map(k -> migrations.get(k).location()).toList());
        }
        if (mark == null) {
          marks.put(child, Mark.ON_PATH);
          path.add(child);
          pending.add(children.get(child).iterator());
        }
      }
    }
  }

  /** The same circle starting at its smallest key, so the message does not depend on the walk. */
  private static List<MigrationKey> rotateToSmallest(List<MigrationKey> cycle) {
    List<MigrationKey> copy = new ArrayList<>(cycle);
    Collections.rotate(copy, -copy.indexOf(Collections.min(copy)));
    return copy;
  }
}
