package dev.cairn.autodetect;

/**
 * A change in the models that makemigrations will not write, because the migration would lose
 * data, fail, or leave a state that disagrees with the database; the message says what to do
 * instead. Exit code 2.
 */
public final class RefusedChange extends RuntimeException {
  private final String app;

  /** @param app the app whose models file holds the change, to name it in the message */
  public RefusedChange(String app, String message) {
    super(message);
    this.app = app;
  }

  public String app() {
    return app;
  }
}
