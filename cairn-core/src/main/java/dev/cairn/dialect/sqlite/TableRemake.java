package dev.cairn.dialect.sqlite;

import dev.cairn.schema.SqlStatement;
import dev.cairn.state.Field;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 12-step table remake that SQLite's documentation gives for the changes its ALTER TABLE
 * cannot make (https://www.sqlite.org/lang_altertable.html#otheralter): create the new table
 * under a temporary name, copy the rows, drop the old table, rename the new one, recreate the
 * indexes. Foreign key enforcement must be off while it runs, which the executor sees to before
 * the transaction starts.
 *
 * <p>This class only decides what fills each new column; {@link SqliteSchemaEditor} runs it.
 */
final class TableRemake {
  /** What a column of the new table is filled from: an SQL expression over the old row. */
  record Source(String expression, List<Object> params) {}

  private final ModelState oldModel;
  private final ModelState newModel;
  private final Map<Name, Name> renamedFields; // new name -> old name

  TableRemake(ModelState oldModel, ModelState newModel) {
    this(oldModel, newModel, Map.of());
  }

  TableRemake(ModelState oldModel, ModelState newModel, Map<Name, Name> renamedFields) {
    this.oldModel = oldModel;
    this.newModel = newModel;
    this.renamedFields = renamedFields;
  }

  ModelState oldModel() {
    return oldModel;
  }

  ModelState newModel() {
    return newModel;
  }

  /**
   * {@code INSERT INTO new (..) SELECT .. FROM old}: old columns kept, new ones defaulted. {@code
   * oldTable} is where the old rows are now, which differs from the old model's table once the
   * table was renamed.
   */
  SqlStatement copyRows(String newTable, String oldTable,
      java.util.function.UnaryOperator<String> quote) {
    List<String> targets = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    for (Map.Entry<Name, Field> e : newModel.fields().entrySet()) {
      Field f = e.getValue();
      if (!f.hasColumn()) continue;
      Source source = sourceOf(e.getKey(), f, quote);
      if (source == null) continue; // the column's database default fills it
      targets.add(quote.apply(f.column(e.getKey())));
      sources.add(source.expression());
      params.addAll(source.params());
    }
    return new SqlStatement("INSERT INTO " + quote.apply(newTable) + " (" + String.join(", ", targets)
        + ") SELECT " + String.join(", ", sources) + " FROM " + quote.apply(oldTable),
        params, null);
  }

  private Source sourceOf(Name name, Field field, java.util.function.UnaryOperator<String> quote) {
    Name oldName = renamedFields.getOrDefault(name, name);
    Field old = oldModel.fields().get(oldName);
    if (old != null && old.hasColumn()) {
      String column = quote.apply(old.column(oldModel.declaredName(oldName)));
      if (old.nullable() && !field.nullable() && field.hasDefault()) {
        return new Source("coalesce(" + column + ", ?)", List.of(field.defaultValue()));
      }
      return new Source(column, List.of());
    }
    if (field.hasDefault()) return new Source("?", List.of(field.defaultValue()));
    if (field.dbDefault() != null) return null;
    // NULL into a NOT NULL column fails only when rows exist, as ADD COLUMN does on PostgreSQL.
    return new Source("NULL", List.of());
  }
}
