package dev.cairn.files;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name a misspelt one was probably meant to be. */
public final class Suggestions {
  /** Edits allowed between a misspelling and its suggestion; more suggests unrelated names. */
  private static final int MAX_DISTANCE = 2;

  private Suggestions() {}

  public static Optional<String> closest(String given, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = given.toLowerCase(Locale.ROOT);
    for (String candidate : known) {
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return bestDistance <= MAX_DISTANCE ? Optional.of(best) : Optional.empty();
  }

  /** "did you mean 'X'?", else a list of what is allowed. */
  public static String hint(String given, Collection<String> known) {
    return closest(given, known)
        .map(s -> "did you mean '" + s + "'?")
        .orElseGet(() -> "expected one of: " + String.join(", ", known));
  }

  /** Levenshtein distance. */
  public static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
