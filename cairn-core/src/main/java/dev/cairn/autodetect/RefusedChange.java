package dev.cairn.autodetect;

/**
 * A change in the models that makemigrations will not write, because the migration would lose
 * data, fail, or leave a state that disagrees with the database; the message says what to do
 * instead. Exit code 2.
 */
public final class RefusedChange extends RuntimeException {
  public RefusedChange(String message) {
    super(message);
  }
}
