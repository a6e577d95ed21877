package dev.cairn.dialect.mysql;

import dev.cairn.schema.TableSnapshotBuilder;
import dev.cairn.schema.SchemaSnapshot;
import dev.cairn.schema.TableObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the tables of the connection's database from {@code information_schema} into a {@link
 * SchemaSnapshot}, leaving out Cairn's own history table. Works on MySQL 8.0.16+ and MariaDB
 * 10.2+, whose {@code TABLE_CONSTRAINTS} list checks.
 */
final class MysqlIntrospector {
  static final String HISTORY_TABLE = "cairn_migrations";

  private static final String TABLES = """
      SELECT TABLE_NAME FROM information_schema.TABLES
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> ?
        AND TABLE_NAME <> 'cairn_migration_progress'
      ORDER BY TABLE_NAME""";
  private static final String COLUMNS = """
      SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION""";
  /** Primary keys and foreign keys, column by column in key order. */
  private static final String KEYS = """
      SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, c.CONSTRAINT_TYPE, k.COLUMN_NAME,
        k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME
      FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.TABLE_CONSTRAINTS c
        ON c.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND c.TABLE_NAME = k.TABLE_NAME
        AND c.CONSTRAINT_NAME = k.CONSTRAINT_NAME
      WHERE k.TABLE_SCHEMA = DATABASE() AND c.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'FOREIGN KEY')
      ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION""";
  /**
   * Named checks. MariaDB lists a column's own check too (the {@code json_valid} of a json column,
   * named after the column), which is part of the type, not a check of the models.
   */
  private static final String CHECKS = """
      SELECT TABLE_NAME, CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS
      WHERE TABLE_SCHEMA = DATABASE() AND CONSTRAINT_TYPE = 'CHECK'""";
  private static final String COLUMN_CHECKS = """
      SELECT TABLE_NAME, CONSTRAINT_NAME FROM information_schema.CHECK_CONSTRAINTS
      WHERE CONSTRAINT_SCHEMA = DATABASE() AND LEVEL = 'Column'""";
  /** Indexes over plain columns (a functional key part has no COLUMN_NAME), in column order. */
  private static final String INDEXES = """
      SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME <> 'PRIMARY'
      ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX""";

  private final Connection connection;
  private final boolean listsColumnChecks;

  /** {@code listsColumnChecks}: MariaDB, whose CHECK_CONSTRAINTS has a LEVEL. */
  MysqlIntrospector(Connection connection, boolean listsColumnChecks) {
    this.connection = connection;
    this.listsColumnChecks = listsColumnChecks;
  }

  SchemaSnapshot snapshot() throws SQLException {
    Map<String, TableSnapshotBuilder> tables = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(TABLES)) {
      ps.setString(1, HISTORY_TABLE);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) tables.put(rs.getString(1), new TableSnapshotBuilder(rs.getString(1)));
      }
    }
    query(COLUMNS, rs -> {
      TableSnapshotBuilder t = tables.get(rs.getString(1));
      if (t != null) {
        t.columns.add(new SchemaSnapshot.Column(rs.getString(2),
            MysqlTypes.normalized(rs.getString(3)), "YES".equals(rs.getString(4))));
      }
    });
    Set<String> foreignKeyNames = new HashSet<>();
    query(KEYS, rs -> {
      TableSnapshotBuilder t = tables.get(rs.getString(1));
      if (t == null) return;
      if (rs.getString(3).equals("PRIMARY KEY")) {
        t.primaryKey.add(rs.getString(4));
      } else {
        foreignKeyNames.add(rs.getString(1) + "." + rs.getString(2));
        t.foreignKeys.add(new SchemaSnapshot.ForeignKey(rs.getString(4), rs.getString(5),
            rs.getString(6)));
      }
    });
    Set<String> columnChecks = new HashSet<>();
    if (listsColumnChecks) {
      query(COLUMN_CHECKS, rs -> columnChecks.add(rs.getString(1) + "." + rs.getString(2)));
    }
    query(CHECKS, rs -> {
      TableSnapshotBuilder t = tables.get(rs.getString(1));
      if (t != null && !columnChecks.contains(rs.getString(1) + "." + rs.getString(2))) {
        t.checks.add(rs.getString(2));
      }
    });
    for (IndexRow index : indexes(null)) {
      TableSnapshotBuilder t = tables.get(index.table);
      // InnoDB's own index for a foreign key without one, named after the key, is the key's part.
      if (t != null && !foreignKeyNames.contains(index.table + "." + index.name)) {
        t.indexes.add(new SchemaSnapshot.IndexDef(index.name, index.columns, index.unique));
      }
    }
    Map<String, SchemaSnapshot.Table> result = new LinkedHashMap<>();
    for (TableSnapshotBuilder b : tables.values()) result.put(b.name, b.build());
    return new SchemaSnapshot(result);
  }

  /**
   * The constraints and indexes of {@code table}, as the server names them. A unique constraint
   * is an index in MySQL, dropped with {@code DROP INDEX}, so it is no constraint here.
   */
  List<TableObject> tableObjects(String table) throws SQLException {
    List<TableObject> objects = new ArrayList<>();
    Map<String, List<String>> keyColumns = new LinkedHashMap<>();
    Map<String, TableObject.Kind> keyKinds = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(KEYS.replace(
        "WHERE k.TABLE_SCHEMA = DATABASE()", "WHERE k.TABLE_SCHEMA = DATABASE() AND k.TABLE_NAME = ?"))) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keyColumns.computeIfAbsent(rs.getString(2), n -> new ArrayList<>()).add(rs.getString(4));
          keyKinds.put(rs.getString(2), rs.getString(3).equals("PRIMARY KEY")
              ? TableObject.Kind.PRIMARY_KEY : TableObject.Kind.FOREIGN_KEY);
        }
      }
    }
    keyColumns.forEach((name, columns) ->
        objects.add(new TableObject(name, keyKinds.get(name), columns, true, false)));
    for (IndexRow index : indexes(table)) {
      if (keyColumns.containsKey(index.name)) continue; // a foreign key's own index goes with it
      objects.add(new TableObject(index.name,
          index.unique ? TableObject.Kind.UNIQUE : TableObject.Kind.INDEX, index.columns, false,
          false));
    }
    for (String[] check : checks(table)) {
      objects.add(new TableObject(check[0], TableObject.Kind.CHECK, checkColumns(check[1]), true,
          false));
    }
    return objects;
  }

  /** The checks of {@code table}: name and clause, from CHECK_CONSTRAINTS (MySQL 8.0.16+). */
  private List<String[]> checks(String table) throws SQLException {
    List<String[]> checks = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("""
        SELECT c.CONSTRAINT_NAME, k.CHECK_CLAUSE FROM information_schema.TABLE_CONSTRAINTS c
        JOIN information_schema.CHECK_CONSTRAINTS k ON k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA
          AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME
        WHERE c.TABLE_SCHEMA = DATABASE() AND c.TABLE_NAME = ? AND c.CONSTRAINT_TYPE = 'CHECK'"""
        + (listsColumnChecks ? " AND k.TABLE_NAME = c.TABLE_NAME AND k.LEVEL = 'Table'" : ""))) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) checks.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    return checks;
  }

  /**
   * The columns a check names, as the server writes its clause back ({@code `k` >= 0}): enough to
   * find the {@code >= 0} check of one column by its column, as the schema editor looks it up.
   */
  private static List<String> checkColumns(String clause) {
    List<String> columns = new ArrayList<>();
    for (var id : dev.cairn.schema.SqlIdentifiers.of(clause == null ? "" : clause)) {
      if (id.quote() == '`' && id.isColumnPosition() && !columns.contains(id.name())) {
        columns.add(id.name());
      }
    }
    return columns;
  }

  private record IndexRow(String table, String name, boolean unique, List<String> columns) {}

  /** The indexes of {@code table}, or of every table for {@code null}, without the primary key. */
  private List<IndexRow> indexes(String table) throws SQLException {
    Map<String, IndexRow> rows = new LinkedHashMap<>();
    Set<String> functional = new HashSet<>();
    String sql = table == null ? INDEXES
        : INDEXES.replace("INDEX_NAME <> 'PRIMARY'", "INDEX_NAME <> 'PRIMARY' AND TABLE_NAME = ?");
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      if (table != null) ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String key = rs.getString(1) + "." + rs.getString(2);
          if (rs.getString(4) == null) functional.add(key);
          IndexRow row = rows.get(key);
          if (row == null) {
            row = new IndexRow(rs.getString(1), rs.getString(2), rs.getInt(3) == 0,
                new ArrayList<>());
            rows.put(key, row);
          }
          row.columns().add(rs.getString(4));
        }
      }
    }
    // An index over expressions has no plain columns to compare; leave it out.
    functional.forEach(rows::remove);
    return rows.values().stream()
        .map(r -> new IndexRow(r.table, r.name, r.unique, List.copyOf(r.columns))).toList();
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
