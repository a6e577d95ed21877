package dev.cairn.operations;

/** A step was asked to go backwards but has no way to. */
public final class IrreversibleOperation extends RuntimeException {
  public IrreversibleOperation(String message) {
    super(message);
  }
}
