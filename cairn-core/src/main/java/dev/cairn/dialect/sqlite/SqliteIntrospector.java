package dev.cairn.dialect.sqlite;

import dev.cairn.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a SQLite schema through its PRAGMAs; check names come from the CREATE TABLE text. */
final class SqliteIntrospector {
  private static final Pattern NAMED_CHECK =
      Pattern.compile("CONSTRAINT\\s+\"((?:[^\"]|\"\")*)\"\\s+CHECK", Pattern.CASE_INSENSITIVE);

  private final Connection connection;

  SqliteIntrospector(Connection connection) {
    this.connection = connection;
  }

  SchemaSnapshot read() throws SQLException {
    Map<String, String> tables = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
            + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT IN ('cairn_migrations', 'cairn_migration_progress')"
            + " ORDER BY name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) tables.put(rs.getString(1), rs.getString(2));
    }
    Map<String, SchemaSnapshot.Table> result = new TreeMap<>();
    for (Map.Entry<String, String> t : tables.entrySet()) {
      result.put(t.getKey(), table(t.getKey(), t.getValue()));
    }
    return new SchemaSnapshot(result);
  }

  private SchemaSnapshot.Table table(String table, String createSql) throws SQLException {
    List<SchemaSnapshot.Column> columns = new ArrayList<>();
    TreeMap<Integer, String> pk = new TreeMap<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT * FROM pragma_table_info(?)")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString("name");
          columns.add(new SchemaSnapshot.Column(name,
              rs.getString("type").toLowerCase(Locale.ROOT), rs.getInt("notnull") == 0));
          if (rs.getInt("pk") > 0) pk.put(rs.getInt("pk"), name);
        }
      }
    }
    Set<SchemaSnapshot.ForeignKey> fks = new HashSet<>();
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT * FROM pragma_foreign_key_list(?)")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          fks.add(new SchemaSnapshot.ForeignKey(rs.getString("from"), rs.getString("table"),
              rs.getString("to")));
        }
      }
    }
    Set<SchemaSnapshot.IndexDef> indexes = new HashSet<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT name, \"unique\", origin FROM pragma_index_list(?) WHERE origin <> 'pk'")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          indexes.add(new SchemaSnapshot.IndexDef("u".equals(rs.getString(3)) ? null : name,
              indexColumns(name), rs.getInt(2) == 1));
        }
      }
    }
    Set<String> checks = new HashSet<>();
    Matcher m = NAMED_CHECK.matcher(createSql);
    while (m.find()) checks.add(m.group(1).replace("\"\"", "\""));
    return new SchemaSnapshot.Table(table, columns, List.copyOf(pk.values()), fks, indexes, checks);
  }

  private List<String> indexColumns(String index) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT name FROM pragma_index_info(?) ORDER BY seqno")) {
      ps.setString(1, index);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) columns.add(rs.getString(1));
      }
    }
    return columns;
  }
}
