package dev.cairn.graph;

/** An operation does not fit the state that the migrations before it describe. */
public final class ReplayException extends GraphException {
  public ReplayException(String message, Throwable cause) {
    super(message, cause);
  }
}
