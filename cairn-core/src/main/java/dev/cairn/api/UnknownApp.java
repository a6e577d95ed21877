package dev.cairn.api;

/** A command named an app the project does not have. */
public final class UnknownApp extends IllegalArgumentException {
  public UnknownApp(String message) {
    super(message);
  }
}
