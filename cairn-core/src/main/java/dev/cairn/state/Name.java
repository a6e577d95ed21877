package dev.cairn.state;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * An identifier of a model, field, index or constraint that compares without regard to case, as
 * Django's model names do ({@code shop.Category} is {@code shop.category}), but keeps the spelling
 * it was written with. Immutable.
 *
 * <p>A class rather than a record so that the lower-case form and hash are computed once: names
 * are map keys on the replay path, rehashed every time a state is copied.
 */
public final class Name implements Comparable<Name> {
  private final String value;
  private final String lower;

  private Name(String value) {
    requireNonNull(value, "value == null");
    if (value.isBlank()) throw new IllegalArgumentException("name is blank");
    this.value = value;
    this.lower = value.toLowerCase(Locale.ROOT);
  }

  public static Name of(String value) {
    return new Name(value);
  }

  /** The spelling it was written with. */
  public String value() {
    return value;
  }

  /** The spelling used for keys and default table names. */
  public String lower() {
    return lower;
  }

  @Override public boolean equals(Object o) {
    return o instanceof Name other && lower.equals(other.lower);
  }

  @Override public int hashCode() {
    return lower.hashCode(); // String caches its own hash
  }

  @Override public int compareTo(Name other) {
    return lower.compareTo(other.lower);
  }

  @Override public String toString() {
    return value;
  }
}
