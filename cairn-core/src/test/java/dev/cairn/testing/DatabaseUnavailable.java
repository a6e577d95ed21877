package dev.cairn.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when its database cannot be reached: under {@code CI=true} it fails, since CI
 * must really test every database; elsewhere it is skipped, so a laptop without a server still
 * runs the rest.
 */
public final class DatabaseUnavailable {
  private DatabaseUnavailable() {}

  /** Fails or skips the current test (or test class) with {@code reason}; never returns. */
  public static RuntimeException skipOrFail(String reason, Throwable cause) {
    String message = reason + (cause == null ? "" : ": " + cause);
    if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException(message, cause);
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }
}
