package dev.cairn.schema;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A database schema reduced to what migrations decide: tables, their columns with type and
 * nullability, primary keys, foreign keys, indexes (unique constraints included) and named checks.
 * Read from a live database by a dialect, or derived from a {@code ProjectState} by {@link
 * ExpectedSchema}, so the two can be compared. Immutable.
 */
public record SchemaSnapshot(Map<String, Table> tables) {
  public SchemaSnapshot {
    tables = java.util.Collections.unmodifiableMap(new TreeMap<>(tables));
  }

  /**
   * The same schema with each table's columns sorted by name: a database cannot place a column,
   * so a column added later sits at the end, wherever the models list it. Compare these.
   */
  public SchemaSnapshot withSortedColumns() {
    Map<String, Table> sorted = new TreeMap<>();
    tables.forEach((name, t) -> sorted.put(name, new Table(t.name(),
        t.columns().stream().sorted(java.util.Comparator.comparing(Column::name)).toList(),
        t.primaryKey(), t.foreignKeys(), t.indexes(), t.checks())));
    return new SchemaSnapshot(sorted);
  }

  /** One table. Column order is kept; the rest are sets, since their order means nothing. */
  public record Table(
      String name,
      List<Column> columns,
      List<String> primaryKey,
      Set<ForeignKey> foreignKeys,
      Set<IndexDef> indexes,
      Set<String> checks) {
    public Table {
      columns = List.copyOf(columns);
      primaryKey = List.copyOf(primaryKey);
      foreignKeys = Set.copyOf(foreignKeys);
      indexes = Set.copyOf(indexes);
      checks = Set.copyOf(checks);
    }

    public List<String> columnNames() {
      return columns.stream().map(Column::name).toList();
    }

    public java.util.Optional<Column> column(String columnName) {
      return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
  }

  /** A column: its name, its type as the database reports it (lower case), and nullability. */
  public record Column(String name, String type, boolean nullable) {}

  /** A foreign key from one column to another table's column. */
  public record ForeignKey(String column, String targetTable, String targetColumn) {}

  /**
   * An index or unique constraint over columns. The name is {@code null} where the database gives
   * it none of Cairn's choosing (SQLite's inline UNIQUE).
   */
  public record IndexDef(String name, List<String> columns, boolean unique) {
    public IndexDef {
      columns = List.copyOf(columns);
    }
  }
}
