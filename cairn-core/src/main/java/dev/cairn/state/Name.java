package dev.cairn.state;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * An identifier of a model, field, index or constraint that compares without regard to case, as
 * Django's model names do ({@code shop.Category} is {@code shop.category}), but keeps the spelling
 * it was written with. Immutable.
 */
public record Name(String value) implements Comparable<Name> {
  public Name {
    requireNonNull(value, "value == null");
    if (value.isBlank()) throw new IllegalArgumentException("name is blank");
  }

  public static Name of(String value) {
    return new Name(value);
  }

  /** The spelling used for keys and default table names. */
  public String lower() {
    return value.toLowerCase(Locale.ROOT);
  }

  @Override public boolean equals(Object o) {
    return o instanceof Name other && value.equalsIgnoreCase(other.value);
  }

  @Override public int hashCode() {
    return lower().hashCode();
  }

  @Override public int compareTo(Name other) {
    return lower().compareTo(other.lower());
  }

  @Override public String toString() {
    return value;
  }
}
