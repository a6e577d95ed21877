package dev.cairn.autodetect;

import dev.cairn.schema.SqlIdentifiers;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.Index;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Raw SQL in the models (a CheckConstraint's {@code check}, an index's or UniqueConstraint's
 * {@code condition}) that still names a column the change renames or removes. Written as it is,
 * the migration would fail (SQLite remakes the table with that SQL) or leave a state that
 * disagrees with the database (PostgreSQL follows a renamed column into the constraint, and
 * drops a constraint with its column). Django misses this; makemigrations refuses it, naming the
 * model, the constraint and the column.
 *
 * <p>The SQL is read conservatively: identifiers are the words outside string literals that do
 * not call a function, and quoted identifiers; an unquoted word matches a column whatever its
 * case (as SQL folds it), a quoted one only exactly.
 */
final class StaleColumnReferences {
  private StaleColumnReferences() {}

  /** @param current the migrations' state with renamed models settled, before field renames */
  static void check(ProjectState current, ProjectState to, Collection<String> apps) {
    for (String app : apps) {
      List<String> problems = new ArrayList<>();
      for (ModelState target : Autodetector.modelsOf(to, app)) {
        ModelState old = current.model(target.key()).orElse(null);
        if (old == null) continue;
        Set<String> gone = columns(old);
        gone.removeAll(columns(target));
        if (gone.isEmpty()) continue;
        for (Constraint c : target.constraints()) {
          String kind = c.kind().djangoName() + " '" + c.name() + "'";
          find(problems, target, kind, c.check(), "check expression", gone);
          find(problems, target, "the condition of " + kind, c.condition(), "condition", gone);
        }
        for (Index i : target.indexes()) {
          find(problems, target, "the condition of index '" + i.name() + "'", i.condition(),
              "condition", gone);
        }
      }
      if (!problems.isEmpty()) throw new RefusedChange(app, String.join("\n", problems));
    }
  }

  private static void find(List<String> problems, ModelState model, String what, String sql,
      String part, Set<String> gone) {
    if (sql == null) return;
    for (String column : gone) {
      if (!names(sql, column)) continue;
      problems.add(what + " of model " + model.key() + " names the column '" + column + "',"
          + " which this change renames or removes: written as it is, the migration would fail"
          + " or leave a state that disagrees with the database.\n"
          + "  update the " + part + " in the models file to name the columns as they will be"
          + " (or remove it), then run makemigrations again");
    }
  }

  /**
   * Whether the SQL expression {@code sql} refers to {@code column}: a quoted identifier that is
   * exactly the column, or a word outside string literals, not a function's name, that is the
   * column whatever its case (as SQL folds it).
   */
  static boolean names(String sql, String column) {
    for (SqlIdentifiers.Identifier id : SqlIdentifiers.of(sql)) {
      if (id.quoted() ? id.name().equals(column) : !id.call() && id.name().equalsIgnoreCase(column)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> columns(ModelState model) {
    Set<String> columns = new LinkedHashSet<>();
    for (Map.Entry<Name, Field> e : model.fields().entrySet()) {
      if (e.getValue().hasColumn()) columns.add(e.getValue().column(e.getKey()));
    }
    return columns;
  }
}
