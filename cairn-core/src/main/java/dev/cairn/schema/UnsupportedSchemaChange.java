package dev.cairn.schema;

/** A change the database cannot make in place, with what to do instead. */
public final class UnsupportedSchemaChange extends RuntimeException {
  public UnsupportedSchemaChange(String message) {
    super(message);
  }
}
