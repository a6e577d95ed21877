package dev.cairn.graph;

/** The migrations do not form a usable graph; the CLI maps every subclass to exit code 2. */
public class GraphException extends RuntimeException {
  protected GraphException(String message) {
    super(message);
  }

  protected GraphException(String message, Throwable cause) {
    super(message, cause);
  }
}
