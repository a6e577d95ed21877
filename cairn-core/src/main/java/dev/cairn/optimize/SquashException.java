package dev.cairn.optimize;

import dev.cairn.graph.GraphException;

/** The migrations asked for cannot be squashed into one; the message says which and why. */
public final class SquashException extends GraphException {
  public SquashException(String message) {
    super(message);
  }
}
