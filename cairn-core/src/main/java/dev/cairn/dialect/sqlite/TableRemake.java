package dev.cairn.dialect.sqlite;

import dev.cairn.state.Field;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 12-step table remake that SQLite's documentation gives for the changes its ALTER TABLE
 * cannot make (https://www.sqlite.org/lang_altertable.html#otheralter): create the new table
 * under a temporary name, copy the rows, drop the old table, rename the new one, recreate the
 * indexes. Foreign key enforcement must be off while it runs, which the executor sees to before
 * the transaction starts.
 *
 * <p>This class only decides what fills each new column; {@link SqliteSchemaEditor} runs it, with
 * the SQL {@link SqliteDdl} writes.
 */
final class TableRemake {
  /**
   * What a column of the new table is filled from: the old row's {@code oldColumn}, the field's
   * {@code value} where that is NULL ({@code oldColumn} and {@code value}), the value alone, or
   * NULL (neither). {@code value} may itself be null: a default of None.
   */
  record Source(String oldColumn, boolean hasValue, Object value) {}

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
   * The columns of the new table that the copy fills, each with what fills it from the old row,
   * in the new table's order; a column its database default fills is left out.
   */
  Map<String, Source> filledColumns() {
    Map<String, Source> filled = new LinkedHashMap<>();
    for (Map.Entry<Name, Field> e : newModel.fields().entrySet()) {
      Field f = e.getValue();
      if (!f.hasColumn()) continue;
      Source source = sourceOf(e.getKey(), f);
      if (source != null) filled.put(f.column(e.getKey()), source);
    }
    return filled;
  }

  private Source sourceOf(Name name, Field field) {
    Name oldName = renamedFields.getOrDefault(name, name);
    Field old = oldModel.fields().get(oldName);
    if (old != null && old.hasColumn()) {
      String column = old.column(oldModel.declaredName(oldName));
      boolean fill = old.nullable() && !field.nullable() && field.hasDefault();
      return new Source(column, fill, fill ? field.defaultValue() : null);
    }
    if (field.hasDefault()) return new Source(null, true, field.defaultValue());
    if (field.dbDefault() != null) return null;
    // NULL into a NOT NULL column fails only when rows exist, as ADD COLUMN does on PostgreSQL.
    return new Source(null, false, null);
  }
}
