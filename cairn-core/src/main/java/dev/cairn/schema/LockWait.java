package dev.cairn.schema;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long {@code migrate} waits for the migration lock while another run holds it, written as
 * people write it: {@code 30s}, {@code 10m}, {@code 1h}, {@code 500ms}, {@code 0} (do not wait).
 * Immutable.
 */
public record LockWait(Duration limit) {
  /** Ten minutes: longer than a deploy's migrations usually take, shorter than a stuck deploy. */
  public static final LockWait DEFAULT = new LockWait(Duration.ofMinutes(10));
  /** No limit, for callers that prefer to wait however long it takes. */
  public static final LockWait FOREVER = new LockWait(java.time.temporal.ChronoUnit.FOREVER.getDuration());

  private static final Pattern TEXT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  public LockWait {
    requireNonNull(limit, "limit == null");
    if (limit.isNegative()) throw new IllegalArgumentException("negative lock wait: " + limit);
  }

  /** Reads {@code 30s}, {@code 10m}, {@code 1h}, {@code 500ms} or {@code 0}. */
  public static LockWait parse(String text) {
    if (text.strip().equals("0")) return new LockWait(Duration.ZERO);
    Matcher m = TEXT.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration: write a number and"
          + " a unit, such as 30s, 10m or 1h (ms, s, m, h), or 0 not to wait");
    }
    long n = Long.parseLong(m.group(1));
    return new LockWait(switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    });
  }

  public boolean isForever() {
    return limit.equals(FOREVER.limit);
  }

  /** As {@link #parse} reads it, in the largest unit that says it exactly. */
  @Override public String toString() {
    if (isForever()) return "forever";
    long ms = limit.toMillis();
    if (ms == 0) return "0";
    if (ms % 3_600_000 == 0) return ms / 3_600_000 + "h";
    if (ms % 60_000 == 0) return ms / 60_000 + "m";
    if (ms % 1_000 == 0) return ms / 1_000 + "s";
    return ms + "ms";
  }
}
