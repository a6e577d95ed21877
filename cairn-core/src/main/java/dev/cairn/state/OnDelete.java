package dev.cairn.state;

import java.util.Arrays;
import java.util.Optional;

/**
 * What happens to rows pointing at a deleted row. Cairn has no ORM at run time, so unlike Django
 * every choice is enforced by the database's foreign key.
 */
public enum OnDelete {
  CASCADE("CASCADE"),
  PROTECT("RESTRICT"),
  SET_NULL("SET NULL"),
  SET_DEFAULT("SET DEFAULT"),
  RESTRICT("RESTRICT"),
  DO_NOTHING("NO ACTION");

  private final String sql;

  OnDelete(String sql) {
    this.sql = sql;
  }

  /** The {@code ON DELETE} action. */
  public String sql() {
    return sql;
  }

  public static Optional<OnDelete> byName(String name) {
    return Arrays.stream(values()).filter(v -> v.name().equals(name)).findFirst();
  }
}
