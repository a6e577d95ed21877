package dev.cairn.optimize;

import dev.cairn.operations.Operation;
import dev.cairn.operations.Reduction;
import java.util.ArrayList;
import java.util.List;

/**
 * Shortens a list of operations of one app by merging each with a later one it reduces with, as
 * Django's {@code MigrationOptimizer}: an operation may move right across operations it can be
 * optimized through, or the later one may move left across operations that can be optimized
 * through it. Passes repeat until nothing changes. Elidable operations are kept: only squashing
 * drops them. Stateless.
 */
public final class Optimizer {
  /** The shortest list this optimizer finds; {@code ops} itself when nothing reduces. */
  public List<Operation> optimize(List<Operation> ops, String app) {
    List<Operation> current = List.copyOf(ops);
    // Every reduction Cairn's operations make replaces two operations with at most one, so each
    // pass that changes the list shortens it; the bound only guards against a future one that
    // does not.
    for (int pass = 0, limit = current.size() + 1; pass <= limit; pass++) {
      List<Operation> next = pass(current, app);
      if (next == current) return current;
      current = next;
    }
    throw new IllegalStateException("optimizer found no fixed point for " + ops.size()
        + " operations of app " + app + "; a reduce() method grows the list");
  }

  /** Django's {@code optimize_inner}: the first reduction found, or {@code ops} when none is. */
  private static List<Operation> pass(List<Operation> ops, String app) {
    List<Operation> result = new ArrayList<>(ops.size());
    outer:
    for (int i = 0; i < ops.size(); i++) {
      Operation op = ops.get(i);
      boolean right = true; // whether op can still move right across everything so far
      for (int j = i + 1; j < ops.size(); j++) {
        Operation other = ops.get(j);
        Reduction reduction = op.reduce(other, app);
        if (reduction.isReplacement()) {
          List<Operation> between = ops.subList(i + 1, j);
          if (right) {
            result.addAll(between);
            result.addAll(reduction.replacement());
          } else if (between.stream().allMatch(b -> b.reduce(other, app).isThrough())) {
            result.addAll(reduction.replacement());
            result.addAll(between);
          } else {
            result.add(op);
            continue outer;
          }
          result.addAll(ops.subList(j + 1, ops.size()));
          return List.copyOf(result);
        }
        if (!reduction.isThrough()) right = false;
      }
      result.add(op);
    }
    return ops;
  }
}
