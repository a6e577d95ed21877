package dev.cairn.state;

/** An operation does not fit the state it is applied to (a missing model, a duplicate field). */
public class StateException extends RuntimeException {
  public StateException(String message) {
    super(message);
  }
}
