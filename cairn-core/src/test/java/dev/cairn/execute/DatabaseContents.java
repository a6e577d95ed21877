package dev.cairn.execute;

import dev.cairn.connect.Database;
import dev.cairn.schema.SchemaSnapshot;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a database holds, to compare two ways of reaching it: its introspected schema (the history
 * table left out) and the rows of every table, as text, sorted. Immutable.
 */
record DatabaseContents(SchemaSnapshot schema, Map<String, List<String>> rows) {
  DatabaseContents {
    rows = java.util.Collections.unmodifiableMap(new TreeMap<>(rows));
  }

  static DatabaseContents of(Database db) throws SQLException {
    SchemaSnapshot schema = db.dialect().introspect(db.connection());
    Map<String, List<String>> rows = new TreeMap<>();
    try (Statement s = db.connection().createStatement()) {
      for (String table : schema.tables().keySet()) {
        List<String> lines = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + db.dialect().quote(table))) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= columns; i++) values.add(String.valueOf(rs.getString(i)));
            lines.add(String.join(" | ", values));
          }
        }
        lines.sort(null);
        rows.put(table, lines);
      }
    }
    return new DatabaseContents(schema, rows);
  }
}
