package dev.cairn.schema;

import dev.cairn.state.Field;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses raw SQL where a double-quoted name stands for a column the table does not have, on a
 * database that would read it as a string: {@code "price" >= 0} would become {@code 'price' >=
 * 0}, always true, and the check would guard nothing. Names compare as SQLite does, whatever
 * their case; a function's, collation's, type's or table's name is left alone.
 */
final class QuotedColumns {
  private QuotedColumns() {}

  /** Throws when {@code sql} (the check or condition {@code what} of {@code model}) names no column. */
  static void require(Dialect dialect, ModelState model, String what, String sql) {
    if (sql == null || !dialect.features().has(Feature.UNKNOWN_QUOTED_NAMES_ARE_STRINGS)) return;
    List<String> columns = new ArrayList<>();
    for (Map.Entry<Name, Field> e : model.fields().entrySet()) {
      if (e.getValue().hasColumn()) columns.add(e.getValue().column(e.getKey()));
    }
    for (SqlIdentifiers.Identifier id : SqlIdentifiers.of(sql)) {
      if (id.quote() != '"' || !id.isColumnPosition()) continue;
      if (columns.stream().anyMatch(c -> c.equalsIgnoreCase(id.name()))) continue;
      throw new UnsupportedSchemaChange(what + " of model " + model.key() + " names the column \""
          + id.name() + "\", which table " + model.table() + " does not have (its columns: "
          + String.join(", ", columns) + "); the database would read it as the string '"
          + id.name() + "' and compare that instead, silently. Name one of the model's"
          + " columns in the models file and in the migration that adds it.");
    }
  }
}
