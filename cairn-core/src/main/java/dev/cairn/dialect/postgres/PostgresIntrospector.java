package dev.cairn.dialect.postgres;

import dev.cairn.schema.TableSnapshotBuilder;
import dev.cairn.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the tables of the connection's current schema from {@code pg_catalog} into a {@link
 * SchemaSnapshot}, leaving out Cairn's own history table.
 */
final class PostgresIntrospector {
  static final String HISTORY_TABLE = "cairn_migrations";

  private static final String TABLES = """
      SELECT c.oid, c.relname FROM pg_class c
      WHERE c.relnamespace = to_regnamespace(current_schema()) AND c.relkind IN ('r', 'p')
        AND c.relname <> ? AND c.relname <> 'cairn_migration_progress'
      """;
  private static final String COLUMNS = """
      SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = to_regnamespace(current_schema()) AND a.attnum > 0
        AND NOT a.attisdropped
      ORDER BY a.attrelid, a.attnum
      """;
  /** Keys, foreign keys and checks; NOT NULL is no pg_constraint row before PostgreSQL 18. */
  private static final String CONSTRAINTS = """
      SELECT con.conrelid, con.conname, con.contype, t.relname,
        (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n),
        (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
          JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n)
      FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
        LEFT JOIN pg_class t ON t.oid = con.confrelid
      WHERE c.relnamespace = to_regnamespace(current_schema()) AND con.contype IN ('p', 'f', 'c')
      """;
  /** Indexes over plain columns, unique constraints' included, the primary key's not. */
  private static final String INDEXES = """
      SELECT i.indrelid, ic.relname, i.indisunique,
        (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(i.indkey) WITH ORDINALITY k(n, i)
          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n)
      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_class c ON c.oid = i.indrelid
      WHERE c.relnamespace = to_regnamespace(current_schema()) AND NOT i.indisprimary
      """;

  /** One table's constraints and indexes (those behind a constraint left out), with columns. */
  private static final String TABLE_OBJECTS = """
      SELECT con.conname, con.contype::text, true, false,
        (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n)
      FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
      WHERE c.relnamespace = to_regnamespace(current_schema()) AND c.relname = ?
        AND con.contype IN ('p', 'u', 'f', 'c')
      UNION ALL
      SELECT ic.relname, CASE WHEN i.indisunique THEN 'U' ELSE 'i' END, false,
        EXISTS (SELECT 1 FROM unnest(i.indclass::oid[]) oc JOIN pg_opclass o ON o.oid = oc
          WHERE o.opcname LIKE '%pattern_ops'),
        (SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(i.indkey) WITH ORDINALITY k(n, i)
          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n)
      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
      WHERE c.relnamespace = to_regnamespace(current_schema()) AND c.relname = ?
        AND NOT i.indisprimary AND NOT EXISTS (SELECT 1 FROM pg_constraint con
          WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid)
      """;

  private final Connection connection;

  PostgresIntrospector(Connection connection) {
    this.connection = connection;
  }

  SchemaSnapshot snapshot() throws SQLException {
    Map<Long, String> names = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(TABLES)) {
      ps.setString(1, HISTORY_TABLE);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) names.put(rs.getLong(1), rs.getString(2));
      }
    }
    Map<Long, TableSnapshotBuilder> tables = new HashMap<>();
    names.forEach((oid, name) -> tables.put(oid, new TableSnapshotBuilder(name)));

    query(COLUMNS, rs -> {
      TableSnapshotBuilder t = tables.get(rs.getLong(1));
      if (t != null) {
        t.columns.add(new SchemaSnapshot.Column(rs.getString(2),
            rs.getString(3).toLowerCase(Locale.ROOT), !rs.getBoolean(4)));
      }
    });
    query(CONSTRAINTS, rs -> {
      TableSnapshotBuilder t = tables.get(rs.getLong(1));
      if (t == null) return;
      List<String> columns = strings(rs, 5);
      switch (rs.getString(3)) {
        case "p" -> t.primaryKey.addAll(columns);
        case "c" -> t.checks.add(rs.getString(2));
        case "f" -> {
          List<String> targets = strings(rs, 6);
          for (int i = 0; i < columns.size(); i++) {
            t.foreignKeys.add(new SchemaSnapshot.ForeignKey(columns.get(i), rs.getString(4),
                targets.get(i)));
          }
        }
        default -> throw new IllegalStateException("unexpected constraint type " + rs.getString(3));
      }
    });
    query(INDEXES, rs -> {
      TableSnapshotBuilder t = tables.get(rs.getLong(1));
      List<String> columns = strings(rs, 4);
      // An index over expressions only has no plain columns to compare; leave it out.
      if (t != null && !columns.isEmpty()) {
        t.indexes.add(new SchemaSnapshot.IndexDef(rs.getString(2), columns, rs.getBoolean(3)));
      }
    });

    Map<String, SchemaSnapshot.Table> result = new LinkedHashMap<>();
    for (TableSnapshotBuilder b : tables.values()) result.put(b.name, b.build());
    return new SchemaSnapshot(result);
  }

  /** The constraints and indexes of {@code table}, as PostgreSQL names them. */
  List<dev.cairn.schema.TableObject> tableObjects(String table) throws SQLException {
    List<dev.cairn.schema.TableObject> objects = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(TABLE_OBJECTS)) {
      ps.setString(1, table);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          var kind = switch (rs.getString(2)) {
            case "p" -> dev.cairn.schema.TableObject.Kind.PRIMARY_KEY;
            case "u", "U" -> dev.cairn.schema.TableObject.Kind.UNIQUE;
            case "f" -> dev.cairn.schema.TableObject.Kind.FOREIGN_KEY;
            case "c" -> dev.cairn.schema.TableObject.Kind.CHECK;
            default -> dev.cairn.schema.TableObject.Kind.INDEX;
          };
          objects.add(new dev.cairn.schema.TableObject(rs.getString(1), kind, strings(rs, 5),
              rs.getBoolean(3), rs.getBoolean(4)));
        }
      }
    }
    return objects;
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(String sql, RowReader reader) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) reader.read(rs);
    }
  }

  private static List<String> strings(ResultSet rs, int column) throws SQLException {
    java.sql.Array array = rs.getArray(column);
    if (array == null) return List.of();
    return List.of((String[]) array.getArray());
  }
}
