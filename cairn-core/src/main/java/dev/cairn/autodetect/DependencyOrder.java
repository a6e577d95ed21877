package dev.cairn.autodetect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A stable topological order: each item after the items it depends on (or, {@code reversed},
 * before them), otherwise in the given order. Items in a circle keep the given order; the caller
 * breaks the circle itself (the autodetector defers relations).
 */
final class DependencyOrder {
  private DependencyOrder() {}

  static <T> List<T> sort(List<T> items, Function<T, Set<T>> dependencies, boolean reversed) {
    List<T> order = new ArrayList<>();
    Set<T> done = new HashSet<>();
    Set<T> visiting = new LinkedHashSet<>();
    for (T item : items) visit(item, dependencies, done, visiting, order);
    if (reversed) java.util.Collections.reverse(order);
    return order;
  }

  private static <T> void visit(T item, Function<T, Set<T>> dependencies, Set<T> done,
      Set<T> visiting, List<T> order) {
    // Depth is bounded by the number of new models in one run, so recursion is safe here.
    if (done.contains(item) || !visiting.add(item)) return;
    for (T dep : dependencies.apply(item)) visit(dep, dependencies, done, visiting, order);
    visiting.remove(item);
    done.add(item);
    order.add(item);
  }
}
