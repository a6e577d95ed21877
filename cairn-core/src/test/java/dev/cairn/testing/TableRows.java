package dev.cairn.testing;

import dev.cairn.schema.SchemaSnapshot;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every row of every table of a database, each value as text that does not depend on the column
 * type ({@code 3}, {@code 3L} and {@code 3.0} all read {@code 3}), so that rows read before and
 * after a change of type compare. Immutable.
 */
public record TableRows(Map<String, Table> tables) {
  public TableRows {
    tables = Map.copyOf(tables);
  }

  /** One table's columns and rows, each row a map of column name to value. */
  public record Table(Set<String> columns, List<Map<String, String>> rows) {
    public Table {
      columns = Set.copyOf(columns);
      rows = List.copyOf(rows);
    }
  }

  /** Reads every table the dialect introspects. */
  public static TableRows read(OperationHarness h) throws SQLException {
    Map<String, Table> tables = new TreeMap<>();
    for (Map.Entry<String, SchemaSnapshot.Table> t : h.introspect().tables().entrySet()) {
      String table = t.getKey();
      List<String> columns = t.getValue().columnNames();
      List<Map<String, String>> rows = new ArrayList<>();
      for (List<Object> row : h.rows("SELECT * FROM " + h.dialect().quote(table))) {
        Map<String, String> values = new TreeMap<>();
        for (int i = 0; i < row.size(); i++) values.put(columns.get(i), text(row.get(i)));
        rows.add(values);
      }
      tables.put(table, new Table(new java.util.HashSet<>(columns), rows));
    }
    return new TableRows(tables);
  }

  /** A value as text that is the same for every type holding it: numbers without trailing zeros. */
  public static String text(Object value) {
    if (value == null) return null;
    if (value instanceof Number n && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
    if (value instanceof byte[] bytes) return HexFormat.of().formatHex(bytes);
    return value.toString();
  }

  /** The same rows with a column renamed, as RenameField leaves them. */
  public TableRows withColumnRenamed(String table, String from, String to) {
    Table t = tables.get(table);
    if (t == null || from.equals(to)) return this;
    List<Map<String, String>> rows = new ArrayList<>();
    for (Map<String, String> row : t.rows()) {
      Map<String, String> renamed = new TreeMap<>(row);
      if (renamed.containsKey(from)) renamed.put(to, renamed.remove(from));
      rows.add(renamed);
    }
    Set<String> columns = new java.util.HashSet<>(t.columns());
    columns.remove(from);
    columns.add(to);
    Map<String, Table> changed = new LinkedHashMap<>(tables);
    changed.put(table, new Table(columns, rows));
    return new TableRows(changed);
  }

  /**
   * The rows of the tables both have, reduced to the columns both have, leaving out {@code
   * skipped} tables: what a change that adds, drops or rewrites other tables and columns must
   * keep. Each side's rows, in any order.
   */
  public Map<String, List<Map<String, String>>> sharedWith(TableRows other, Set<String> skipped) {
    Map<String, List<Map<String, String>>> shared = new TreeMap<>();
    for (Map.Entry<String, Table> e : tables.entrySet()) {
      Table theirs = other.tables.get(e.getKey());
      if (theirs == null || skipped.contains(e.getKey())) continue;
      Set<String> columns = new java.util.HashSet<>(e.getValue().columns());
      columns.retainAll(theirs.columns());
      List<Map<String, String>> rows = new ArrayList<>();
      for (Map<String, String> row : e.getValue().rows()) {
        Map<String, String> kept = new TreeMap<>();
        row.forEach((c, v) -> {
          if (columns.contains(c)) kept.put(c, v);
        });
        rows.add(kept);
      }
      rows.sort(java.util.Comparator.comparing(Object::toString));
      shared.put(e.getKey(), rows);
    }
    return shared;
  }
}
