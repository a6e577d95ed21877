package dev.cairn.operations;

import dev.cairn.schema.Feature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One row of the table {@link OperationsContract} runs every operation from: the operation, what
 * the shop with its rows needs first (operations, then SQL), the features it needs, and the
 * tables whose rows it does not keep. Immutable.
 */
record OperationCase(Operation operation, List<Operation> setup, List<String> data,
    Set<Feature> needs, Set<String> rowsNotKept) {

  OperationCase {
    setup = List.copyOf(setup);
    data = List.copyOf(data);
    needs = Set.copyOf(needs);
    rowsNotKept = Set.copyOf(rowsNotKept);
  }

  /** {@code operation} on the shop with its rows, needing nothing more. */
  static OperationCase of(Operation operation) {
    return new OperationCase(operation, List.of(), List.of(), Set.of(), Set.of());
  }

  /** These operations run (and are checked) on the shop with its rows, before the case's SQL. */
  OperationCase after(Operation... ops) {
    List<Operation> more = new ArrayList<>(setup);
    more.addAll(List.of(ops));
    return new OperationCase(operation, more, data, needs, rowsNotKept);
  }

  /** This SQL (identifiers in braces, see {@link dev.cairn.testing.Shop#sql}) runs after the setup. */
  OperationCase withData(String... sql) {
    List<String> more = new ArrayList<>(data);
    more.addAll(List.of(sql));
    return new OperationCase(operation, setup, more, needs, rowsNotKept);
  }

  /** Runs only where the server has {@code feature}. */
  OperationCase needs(Feature feature) {
    Set<Feature> more = new HashSet<>(needs);
    more.add(feature);
    return new OperationCase(operation, setup, data, more, rowsNotKept);
  }

  /** The operation replaces {@code table}'s rows, as Django's does (say why at the call). */
  OperationCase losesRowsOf(String table) {
    Set<String> more = new HashSet<>(rowsNotKept);
    more.add(table);
    return new OperationCase(operation, setup, data, needs, more);
  }

  @Override public String toString() {
    String name = operation.describe();
    return setup.isEmpty() ? name : name + " (after " + setup.get(setup.size() - 1).describe() + ")";
  }
}
