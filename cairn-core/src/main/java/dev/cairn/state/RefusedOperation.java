package dev.cairn.state;

/**
 * An operation that names things that exist but asks for a change no database can run (a column
 * becoming a many-to-many, the primary key moving); its message says what to write instead, so
 * it needs no hint about names or dependencies.
 */
public final class RefusedOperation extends StateException {
  public RefusedOperation(String message) {
    super(message);
  }
}
