package dev.cairn.state;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A named index over one or more fields, optionally unique or partial (with a {@code condition}
 * in SQL). Immutable.
 */
public record Index(String name, List<Name> fields, boolean unique, String condition) {
  public Index {
    requireNonNull(name, "name == null");
    fields = List.copyOf(fields);
    if (fields.isEmpty()) throw new IllegalArgumentException("index " + name + " has no fields");
  }

  public Index withFields(List<Name> newFields) {
    return new Index(name, newFields, unique, condition);
  }

  public Index withName(String newName) {
    return new Index(newName, fields, unique, condition);
  }
}
