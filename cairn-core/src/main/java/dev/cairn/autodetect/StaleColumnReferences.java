package dev.cairn.autodetect;

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

  /** Whether the SQL expression {@code sql} refers to {@code column}. */
  static boolean names(String sql, String column) {
    for (Identifier id : identifiers(sql)) {
      if (id.quoted() ? id.name().equals(column) : id.name().equalsIgnoreCase(column)) return true;
    }
    return false;
  }

  /** An identifier as written: quoted ones keep their case. */
  record Identifier(String name, boolean quoted) {}

  /**
   * The identifiers of an SQL expression: quoted ones ({@code "x"}, {@code `x`}, doubled quotes
   * inside), and words outside string literals that are not followed by {@code (}.
   */
  static List<Identifier> identifiers(String sql) {
    List<Identifier> ids = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        StringBuilder text = new StringBuilder();
        int j = i + 1;
        while (j < n) {
          if (sql.charAt(j) == c) {
            if (j + 1 < n && sql.charAt(j + 1) == c) { // a doubled quote stands for one
              text.append(c);
              j += 2;
              continue;
            }
            break;
          }
          text.append(sql.charAt(j++));
        }
        if (c != '\'') ids.add(new Identifier(text.toString(), true));
        i = j + 1;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
            || sql.charAt(j) == '$')) {
          j++;
        }
        int k = j;
        while (k < n && Character.isWhitespace(sql.charAt(k))) k++;
        boolean call = k < n && sql.charAt(k) == '(';
        if (!call) ids.add(new Identifier(sql.substring(i, j), false));
        i = j;
      } else if (Character.isDigit(c)) {
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) i++;
      } else {
        i++;
      }
    }
    return ids;
  }

  private static Set<String> columns(ModelState model) {
    Set<String> columns = new LinkedHashSet<>();
    for (Map.Entry<Name, Field> e : model.fields().entrySet()) {
      if (e.getValue().hasColumn()) columns.add(e.getValue().column(e.getKey()));
    }
    return columns;
  }
}
