package dev.cairn.graph;

import dev.cairn.migration.Migration;
import dev.cairn.operations.Operation;
import dev.cairn.state.RefusedOperation;
import dev.cairn.state.StateException;

/** An operation does not fit the state that the migrations before it describe. */
public final class ReplayException extends GraphException {
  public ReplayException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * {@code op} of {@code m} does not fit: names the file and the operation, and what to check. A
   * refused operation's message already says what to do; the hint about names would mislead.
   */
  public static ReplayException of(Migration m, Operation op, StateException e) {
    String where = m.location() + ": " + op.describe() + ": " + e.getMessage();
    if (e instanceof RefusedOperation) return new ReplayException(where, e);
    return new ReplayException(where
        + "\n  Check the names in the operation, and that the migration depends on the one that"
        + " creates what it changes.", e);
  }
}
