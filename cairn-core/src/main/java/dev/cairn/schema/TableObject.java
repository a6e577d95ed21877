package dev.cairn.schema;

import java.util.List;

/**
 * An index or constraint as a live database names it, read back so that the schema editor drops
 * or renames the object a database made by Django (or by hand) has, not the name it would have
 * given it. Immutable.
 *
 * @param isConstraint whether it is dropped as a table constraint rather than as an index
 * @param patternOps whether an index column uses a {@code *_pattern_ops} operator class, as the
 *     {@code _like} indexes Django makes on PostgreSQL for varchar and text columns
 */
public record TableObject(String name, Kind kind, List<String> columns, boolean isConstraint,
    boolean patternOps) {
  public TableObject {
    columns = List.copyOf(columns);
  }

  /** What the object is. */
  public enum Kind { PRIMARY_KEY, UNIQUE, INDEX, FOREIGN_KEY, CHECK }
}
