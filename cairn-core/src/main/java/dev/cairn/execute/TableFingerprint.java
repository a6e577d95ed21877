package dev.cairn.execute;

import dev.cairn.files.MigrationReader;
import dev.cairn.schema.SchemaSnapshot;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A checksum of what the driver's metadata says of a few tables: columns (with type, size,
 * nullability and default), indexes and foreign keys. Taken before a statement is sent outside a
 * transaction and again after a crash, it tells whether that statement changed its tables, and so
 * whether it ran, where the states before and after its operation cannot (a statement in the
 * middle of an operation, or one that only drops a default). Metadata rather than the dialect's
 * introspection, which reads every table.
 */
final class TableFingerprint {
  private TableFingerprint() {}

  /** The tables whose expected schema differs between {@code before} and {@code after}. */
  static Set<String> changed(SchemaSnapshot before, SchemaSnapshot after) {
    Set<String> tables = new TreeSet<>();
    for (String t : before.tables().keySet()) {
      if (!Objects.equals(before.tables().get(t), after.tables().get(t))) tables.add(t);
    }
    for (String t : after.tables().keySet()) {
      if (!before.tables().containsKey(t)) tables.add(t);
    }
    return tables;
  }

  /** The checksum of {@code tables} as the database has them now; null when there are none. */
  static String of(Connection connection, Collection<String> tables) throws SQLException {
    if (tables.isEmpty()) return null;
    DatabaseMetaData meta = connection.getMetaData();
    String catalog = connection.getCatalog();
    String schema = connection.getSchema();
    // H2 stores a lower-case name in upper case, and the metadata matches names as stored.
    boolean upper = meta.storesUpperCaseIdentifiers();
    StringBuilder all = new StringBuilder();
    for (String name : new TreeSet<>(tables)) {
      all.append("table ").append(name).append('\n');
      String table = stored(meta, name);
      try (ResultSet rs = meta.getColumns(catalog, schema, table, null)) {
        append(all, rs, "COLUMN_NAME", "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS",
            "IS_NULLABLE", "COLUMN_DEF");
      }
      try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, true)) {
        append(all, rs, "INDEX_NAME", "COLUMN_NAME", "NON_UNIQUE", "ORDINAL_POSITION");
      }
      try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
        append(all, rs, "FK_NAME", "FKCOLUMN_NAME", "PKTABLE_NAME", "PKCOLUMN_NAME");
      }
    }
    return MigrationReader.checksum(all.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A lower-case table name as a database that stores unquoted names in upper case has it: there
   * (H2) the dialect quotes such names in upper case, as an unquoted name would be.
   */
  private static String stored(DatabaseMetaData meta, String table) throws SQLException {
    return meta.storesUpperCaseIdentifiers()
        && table.equals(table.toLowerCase(java.util.Locale.ROOT))
        ? table.toUpperCase(java.util.Locale.ROOT) : table;
  }

  /** The rows' values of {@code columns}, sorted: drivers list them in orders of their own. */
  private static void append(StringBuilder out, ResultSet rs, String... columns)
      throws SQLException {
    List<String> rows = new ArrayList<>();
    while (rs.next()) {
      StringBuilder row = new StringBuilder();
      for (String c : columns) row.append(rs.getString(c)).append('|');
      rows.add(row.toString());
    }
    rows.sort(null);
    rows.forEach(r -> out.append(r).append('\n'));
  }
}
