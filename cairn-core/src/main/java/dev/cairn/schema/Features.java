package dev.cairn.schema;

import java.util.EnumSet;
import java.util.Set;

/**
 * What one database server can do: its {@link Feature} flags and its limits. Immutable.
 *
 * @param maxIdentifierLength the longest identifier the server keeps without truncating or
 *     refusing it; generated names are shortened to fit
 */
public record Features(Set<Feature> flags, int maxIdentifierLength) {
  public Features {
    flags = Set.copyOf(flags);
  }

  public static Features of(int maxIdentifierLength, Feature... flags) {
    return new Features(Set.of(flags), maxIdentifierLength);
  }

  public boolean has(Feature feature) {
    return flags.contains(feature);
  }

  /** These features with {@code feature} set or cleared. */
  public Features with(Feature feature, boolean present) {
    EnumSet<Feature> next = EnumSet.noneOf(Feature.class);
    next.addAll(flags);
    if (present) next.add(feature);
    else next.remove(feature);
    return new Features(next, maxIdentifierLength);
  }
}
