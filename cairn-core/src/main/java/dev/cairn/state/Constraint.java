package dev.cairn.state;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A named table constraint: a unique constraint over fields (optionally conditional) or a check
 * with an SQL expression. Immutable.
 */
public record Constraint(Kind kind, String name, List<Name> fields, String check, String condition) {
  /** The constraint types of DESIGN.md, with Django's names. */
  public enum Kind {
    UNIQUE("UniqueConstraint"),
    CHECK("CheckConstraint");

    private final String djangoName;

    Kind(String djangoName) {
      this.djangoName = djangoName;
    }

    public String djangoName() {
      return djangoName;
    }
  }

  public Constraint {
    requireNonNull(kind, "kind == null");
    requireNonNull(name, "name == null");
    fields = fields == null ? List.of() : List.copyOf(fields);
    if (kind == Kind.UNIQUE && fields.isEmpty()) {
      throw new IllegalArgumentException("unique constraint " + name + " has no fields");
    }
    if (kind == Kind.CHECK && (check == null || check.isBlank())) {
      throw new IllegalArgumentException("check constraint " + name + " has no check");
    }
  }

  public static Constraint unique(String name, List<Name> fields, String condition) {
    return new Constraint(Kind.UNIQUE, name, fields, null, condition);
  }

  public static Constraint check(String name, String check) {
    return new Constraint(Kind.CHECK, name, List.of(), check, null);
  }

  public Constraint withFields(List<Name> newFields) {
    return new Constraint(kind, name, newFields, check, condition);
  }
}
