package dev.cairn.dialect.h2;

import dev.cairn.schema.TableSnapshotBuilder;
import dev.cairn.history.MigrationHistory;
import dev.cairn.history.MigrationProgress;
import dev.cairn.schema.SchemaSnapshot;
import dev.cairn.schema.TableObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the tables of the connection's current schema from H2 2.x's {@code INFORMATION_SCHEMA}
 * into a {@link SchemaSnapshot}, leaving out Cairn's own tables. Indexes H2 makes for a
 * constraint ({@code IS_GENERATED}) are left out: the constraint stands for them under its name.
 */
final class H2Introspector {
  private static final String TABLES = """
      SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES
      WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_TYPE = 'BASE TABLE'
        AND TABLE_NAME NOT IN (?, ?, ?)
      ORDER BY TABLE_NAME""";
  private static final String COLUMNS = """
      SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION,
        NUMERIC_SCALE, DATETIME_PRECISION, INTERVAL_TYPE, INTERVAL_PRECISION, IS_NULLABLE
      FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = CURRENT_SCHEMA
      ORDER BY TABLE_NAME, ORDINAL_POSITION""";
  /**
   * Constraint and index names are unique in an H2 schema, not only in a table. A key's columns
   * are read from the index that serves it, not from KEY_COLUMN_USAGE, which H2 2.3 leaves at
   * the old name after RENAME COLUMN.
   */
  private static final String CONSTRAINTS = """
      SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE, INDEX_NAME
      FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = CURRENT_SCHEMA""";
  /** The columns a check names. */
  private static final String CHECK_COLUMNS = """
      SELECT CONSTRAINT_NAME, TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.CONSTRAINT_COLUMN_USAGE
      WHERE CONSTRAINT_SCHEMA = CURRENT_SCHEMA ORDER BY CONSTRAINT_NAME, COLUMN_NAME""";
  private static final String REFERENCES = """
      SELECT CONSTRAINT_NAME, UNIQUE_CONSTRAINT_NAME FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS
      WHERE CONSTRAINT_SCHEMA = CURRENT_SCHEMA""";
  private static final String INDEXES = """
      SELECT TABLE_NAME, INDEX_NAME, INDEX_TYPE_NAME FROM INFORMATION_SCHEMA.INDEXES
      WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND NOT IS_GENERATED AND INDEX_TYPE_NAME <> 'PRIMARY KEY'""";
  /** Every index's columns in order, those H2 made for a constraint included. */
  private static final String INDEX_COLUMNS = """
      SELECT INDEX_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS
      WHERE INDEX_SCHEMA = CURRENT_SCHEMA ORDER BY INDEX_NAME, ORDINAL_POSITION""";

  private final Connection connection;
  private final H2Dialect dialect;

  H2Introspector(Connection connection, H2Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  SchemaSnapshot snapshot() throws SQLException {
    Map<String, TableSnapshotBuilder> tables = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(TABLES)) {
      ps.setString(1, dialect.stored(MigrationHistory.TABLE));
      ps.setString(2, dialect.stored(MigrationProgress.TABLE));
      ps.setString(3, dialect.stored(H2Lock.TABLE));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) tables.put(name(rs, 1), new TableSnapshotBuilder(name(rs, 1)));
      }
    }
    query(COLUMNS, rs -> {
      TableSnapshotBuilder t = tables.get(name(rs, 1));
      if (t != null) {
        t.columns.add(new SchemaSnapshot.Column(name(rs, 2), type(rs),
            "YES".equals(rs.getString(10))));
      }
    });
    Catalog catalog = catalog();
    for (Constraint c : catalog.constraints) {
      TableSnapshotBuilder t = tables.get(c.table());
      if (t == null) continue;
      switch (c.type()) {
        case "PRIMARY KEY" -> t.primaryKey.addAll(c.columns());
        case "UNIQUE" -> t.indexes.add(new SchemaSnapshot.IndexDef(c.name(), c.columns(), true));
        case "CHECK" -> t.checks.add(c.name());
        case "FOREIGN KEY" -> {
          Constraint target = catalog.target(c);
          for (int i = 0; i < c.columns().size(); i++) {
            t.foreignKeys.add(new SchemaSnapshot.ForeignKey(c.columns().get(i), target.table(),
                target.columns().get(i)));
          }
        }
        default -> { } // H2 has no other kinds today
      }
    }
    for (Index i : catalog.indexes) {
      TableSnapshotBuilder t = tables.get(i.table());
      if (t != null) t.indexes.add(new SchemaSnapshot.IndexDef(i.name(), i.columns(), i.unique()));
    }
    Map<String, SchemaSnapshot.Table> result = new LinkedHashMap<>();
    for (TableSnapshotBuilder b : tables.values()) result.put(b.name, b.build());
    return new SchemaSnapshot(result);
  }

  /** The constraints and indexes of {@code table}, as H2 names them. */
  List<TableObject> tableObjects(String table) throws SQLException {
    Catalog catalog = catalog();
    List<TableObject> objects = new ArrayList<>();
    for (Constraint c : catalog.constraints) {
      if (!c.table().equals(table)) continue;
      TableObject.Kind kind = switch (c.type()) {
        case "PRIMARY KEY" -> TableObject.Kind.PRIMARY_KEY;
        case "UNIQUE" -> TableObject.Kind.UNIQUE;
        case "FOREIGN KEY" -> TableObject.Kind.FOREIGN_KEY;
        default -> TableObject.Kind.CHECK;
      };
      objects.add(new TableObject(c.name(), kind, c.columns(), true, false));
    }
    for (Index i : catalog.indexes) {
      if (!i.table().equals(table)) continue;
      objects.add(new TableObject(i.name(),
          i.unique() ? TableObject.Kind.UNIQUE : TableObject.Kind.INDEX, i.columns(), false, false));
    }
    return objects;
  }

  /** A name from the catalog, as Cairn's state spells it. */
  private String name(ResultSet rs, int column) throws SQLException {
    String stored = rs.getString(column);
    return stored == null ? null : dialect.read(stored);
  }

  /** A column's type as {@link H2Types#introspectedType} spells it. */
  private static String type(ResultSet rs) throws SQLException {
    String type = rs.getString(3).toLowerCase(Locale.ROOT);
    long length = rs.getLong(4);
    int precision = rs.getInt(5);
    int scale = rs.getInt(6);
    int fraction = rs.getInt(7);
    return switch (type) {
      case "character varying", "binary varying" ->
          length == H2Types.UNBOUNDED ? type : type + "(" + length + ")";
      case "character", "binary" -> type + "(" + length + ")";
      case "numeric" -> precision == H2Types.UNBOUNDED_NUMERIC && scale == 0 ? type
          : type + "(" + precision + "," + scale + ")";
      case "timestamp", "time" -> type + "(" + fraction + ")";
      case "timestamp with time zone", "time with time zone" ->
          type.replace(" with", "(" + fraction + ") with");
      case "interval" -> {
        String fields = rs.getString(8).toLowerCase(Locale.ROOT);
        yield "interval " + fields + "(" + rs.getInt(9)
            + (fields.endsWith("second") ? "," + fraction : "") + ")";
      }
      default -> type;
    };
  }

  private record Constraint(String table, String name, String type, List<String> columns,
      String references) {}

  private record Index(String table, String name, boolean unique, List<String> columns) {}

  /** The schema's constraints and its own indexes, each with its columns in order. */
  private record Catalog(List<Constraint> constraints, List<Index> indexes) {
    Constraint target(Constraint foreignKey) {
      for (Constraint c : constraints) {
        if (c.name().equals(foreignKey.references())) return c;
      }
      throw new IllegalStateException("foreign key " + foreignKey.name()
          + " references a constraint H2 does not list: " + foreignKey.references());
    }
  }

  private Catalog catalog() throws SQLException {
    Map<String, List<String>> indexColumns = new LinkedHashMap<>();
    query(INDEX_COLUMNS, rs -> indexColumns.computeIfAbsent(name(rs, 1),
        k -> new ArrayList<>()).add(name(rs, 2)));
    Map<String, String> references = new LinkedHashMap<>();
    query(REFERENCES, rs -> references.put(name(rs, 1), name(rs, 2)));
    List<String[]> checkColumns = new ArrayList<>();
    query(CHECK_COLUMNS, rs -> checkColumns.add(
        new String[] {name(rs, 1), name(rs, 2), name(rs, 3)}));
    List<Constraint> constraints = new ArrayList<>();
    query(CONSTRAINTS, rs -> {
      String table = name(rs, 1);
      String name = name(rs, 2);
      String type = rs.getString(3);
      List<String> columns = indexColumns.getOrDefault(name(rs, 4), List.of());
      if (type.equals("CHECK")) {
        columns = new ArrayList<>();
        for (String[] c : checkColumns) {
          if (c[0].equals(name) && c[1].equals(table)) columns.add(c[2]);
        }
      }
      constraints.add(new Constraint(table, name, type, columns, references.get(name)));
    });
    // A foreign key may be served by an index of more columns, its own first.
    for (int i = 0; i < constraints.size(); i++) {
      Constraint c = constraints.get(i);
      if (c.references() == null) continue;
      int n = new Catalog(constraints, List.of()).target(c).columns().size();
      if (c.columns().size() > n) {
        constraints.set(i, new Constraint(c.table(), c.name(), c.type(), c.columns().subList(0, n),
            c.references()));
      }
    }
    List<Index> indexes = new ArrayList<>();
    query(INDEXES, rs -> indexes.add(new Index(name(rs, 1), name(rs, 2),
        rs.getString(3).startsWith("UNIQUE"), indexColumns.getOrDefault(name(rs, 2), List.of()))));
    return new Catalog(constraints, indexes);
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(String sql, RowReader reader) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) reader.read(rs);
    }
  }
}
