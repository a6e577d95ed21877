package dev.cairn.execute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A linear history of the app {@code shop}, read from random numbers, in which migrations either
 * change the schema (CreateModel, AddField, AlterField, RenameField, RemoveField, DeleteModel) or
 * write rows with RunSQL: inserted (now and then pointing at a row that is not there), updated,
 * deleted, and orphans deleted again. Each {@link Seed} becomes one operation, or none when it
 * fits nothing; a step's first seed says whether it is a schema or a data migration, as people
 * write them. Reading the same seeds gives the same history, so jqwik shrinks the seeds and the
 * history follows. Immutable once read.
 */
final class DataHistory {
  static final int KINDS = 42;

  /** One operation, still as numbers: which kind and three choices, each read modulo what exists. */
  record Seed(int kind, int a, int b, int c) {}

  private static final List<String> MODEL_NAMES = List.of("Author", "Book", "Shelf", "Review");
  private static final List<String> FIELD_NAMES =
      List.of("title", "pages", "code", "score", "label", "weight", "notes", "level");
  private static final int SCHEMA_KINDS = 7;
  private static final int DATA_KINDS = 6;

  private enum Kind { INT, CHAR, FK }

  /** A field as the history knows it; {@code target} is the model a key points at. */
  private record Col(Kind kind, boolean nullable, int maxLength, String target, boolean dflt) {
    String column(String name) {
      return kind == Kind.FK ? name + "_id" : name;
    }

    String yaml() {
      String type = switch (kind) {
        case INT -> "{type: IntegerField";
        case CHAR -> "{type: CharField, max_length: " + maxLength;
        case FK -> "{type: ForeignKey, to: shop." + target + ", on_delete: CASCADE";
      };
      String dflt = !this.dflt ? "" : kind == Kind.INT ? ", default: 0" : ", default: x";
      return type + (nullable ? ", null: true" : "") + dflt + "}";
    }
  }

  private static final class Model {
    final String name;
    final Map<String, Col> fields = new LinkedHashMap<>();
    final List<Long> ids = new ArrayList<>();
    long nextId = 1;

    Model(String name) {
      this.name = name;
    }

    String table() {
      return "shop_" + name.toLowerCase(Locale.ROOT);
    }

    String lower() {
      return name.toLowerCase(Locale.ROOT);
    }
  }

  private final Map<String, Model> models = new LinkedHashMap<>();
  private final List<List<String>> migrations = new ArrayList<>();

  static DataHistory read(List<List<Seed>> steps) {
    DataHistory h = new DataHistory();
    for (List<Seed> step : steps) h.step(step);
    return h;
  }

  /** How many of the migrations write rows. */
  long dataMigrations() {
    return migrations.stream().filter(ops -> ops.get(0).startsWith("- RunSQL")).count();
  }

  /** Writes the migrations into {@code <project>/shop}, one file each, chained. */
  void writeTo(Path project) throws IOException {
    Path shop = Files.createDirectories(project.resolve("shop"));
    String previous = null;
    for (int i = 0; i < migrations.size(); i++) {
      String name = String.format("%04d_step", i + 1);
      StringBuilder yaml = new StringBuilder();
      yaml.append("dependencies: [").append(previous == null ? "" : "shop." + previous)
          .append("]\noperations:\n");
      for (String op : migrations.get(i)) yaml.append(op.indent(2));
      Files.writeString(shop.resolve(name + ".yaml"), yaml.toString());
      previous = name;
    }
  }

  @Override public String toString() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < migrations.size(); i++) {
      s.append(String.format("%n  %04d_step:%n", i + 1));
      for (String op : migrations.get(i)) s.append(op.indent(4));
    }
    return s.toString();
  }

  // ---- reading a step --------------------------------------------------------------------------

  private void step(List<Seed> seeds) {
    // two steps in three write rows, once there is a table to write them to
    boolean data = seeds.get(0).kind() % 3 != 0 && !models.isEmpty();
    List<String> ops = new ArrayList<>();
    for (Seed s : seeds) {
      String op = data ? dataOperation(s.kind() % DATA_KINDS, s)
          : schemaOperation(s.kind() % SCHEMA_KINDS, s);
      if (op != null) ops.add(op);
    }
    if (!ops.isEmpty()) migrations.add(ops);
  }

  private String schemaOperation(int kind, Seed s) {
    if (models.isEmpty() || kind <= 1) return createModel(s);
    Model m = pick(new ArrayList<>(models.values()), s.a());
    return switch (kind) {
      case 2, 3 -> addField(m, s);
      case 4 -> alterField(m, s);
      case 5 -> s.c() % 2 == 0 ? renameField(m, s) : removeField(m, s);
      default -> deleteModel(m);
    };
  }

  private String dataOperation(int kind, Seed s) {
    Model m = pick(new ArrayList<>(models.values()), s.a());
    String sql = switch (kind) {
      case 0, 1, 2 -> insert(m, s);
      case 3 -> update(m, s);
      case 4 -> delete(m, s);
      default -> deleteOrphans(m, s);
    };
    if (sql == null) return null;
    return "- RunSQL:\n    sql:\n      - " + quoted(sql) + "\n    reverse_sql: []\n";
  }

  // ---- schema ----------------------------------------------------------------------------------

  private String createModel(Seed s) {
    String name = MODEL_NAMES.stream().filter(n -> !models.containsKey(n)).findFirst().orElse(null);
    if (name == null) return null;
    Model m = new Model(name);
    int fields = s.a() % 3;
    for (int i = 0; i < fields; i++) {
      Kind kind = (s.b() + i) % 2 == 0 ? Kind.INT : Kind.CHAR;
      m.fields.put(newFieldName(m, s.c() + i), new Col(kind, (s.c() + i) % 3 == 0,
          kind == Kind.CHAR ? 10 : 0, null, false));
    }
    if (!models.isEmpty() && s.b() % 3 != 0) {
      Model target = pick(new ArrayList<>(models.values()), s.c());
      m.fields.put(target.lower(), new Col(Kind.FK, s.c() % 4 == 0, 0, target.name, false));
    }
    models.put(name, m);
    StringBuilder yaml = new StringBuilder("- CreateModel:\n    name: " + name + "\n    fields:\n"
        + "      id: {type: BigAutoField, primary_key: true}\n");
    m.fields.forEach((n, c) -> yaml.append("      ").append(n).append(": ").append(c.yaml())
        .append('\n'));
    return yaml.toString();
  }

  private String addField(Model m, Seed s) {
    Kind kind = Kind.values()[s.b() % 3];
    boolean nullable = kind == Kind.FK || s.c() % 2 == 0;
    String target = kind == Kind.FK ? pick(new ArrayList<>(models.keySet()), s.c()) : null;
    Col col = new Col(kind, nullable, kind == Kind.CHAR ? 10 : 0, target, !nullable);
    String name = kind == Kind.FK && !m.fields.containsKey(target.toLowerCase(Locale.ROOT))
        ? target.toLowerCase(Locale.ROOT) : newFieldName(m, s.c());
    if (name == null) return null;
    m.fields.put(name, col);
    return field("AddField", m, name, col);
  }

  /** A CharField's length changes (narrowing may not fit the rows); other fields toggle null. */
  private String alterField(Model m, Seed s) {
    if (m.fields.isEmpty()) return null;
    String name = pick(new ArrayList<>(m.fields.keySet()), s.b());
    Col old = m.fields.get(name);
    Col col = switch (old.kind()) {
      case CHAR -> new Col(Kind.CHAR, old.nullable(),
          List.of(4, 10, 30).stream().filter(l -> l != old.maxLength()).toList().get(s.c() % 2),
          null, old.dflt());
      // NULL rows take the default where there is one, else the change fails as it should
      case INT -> new Col(Kind.INT, !old.nullable(), 0, null, old.nullable() && s.c() % 3 != 0);
      case FK -> new Col(Kind.FK, !old.nullable(), 0, old.target(), false);
    };
    m.fields.put(name, col);
    return field("AlterField", m, name, col);
  }

  private String renameField(Model m, Seed s) {
    if (m.fields.isEmpty()) return null;
    String old = pick(new ArrayList<>(m.fields.keySet()), s.b());
    String name = newFieldName(m, s.c());
    if (name == null) return null;
    Map<String, Col> renamed = new LinkedHashMap<>();
    m.fields.forEach((n, c) -> renamed.put(n.equals(old) ? name : n, c));
    m.fields.clear();
    m.fields.putAll(renamed);
    return "- RenameField: {model_name: " + m.lower() + ", old_name: " + old + ", new_name: "
        + name + "}\n";
  }

  private String removeField(Model m, Seed s) {
    if (m.fields.isEmpty()) return null;
    String name = pick(new ArrayList<>(m.fields.keySet()), s.b());
    m.fields.remove(name);
    return "- RemoveField: {model_name: " + m.lower() + ", name: " + name + "}\n";
  }

  private String deleteModel(Model m) {
    boolean referenced = models.values().stream().anyMatch(o -> o != m
        && o.fields.values().stream().anyMatch(c -> m.name.equals(c.target())));
    if (referenced) return null;
    models.remove(m.name);
    return "- DeleteModel: {name: " + m.name + "}\n";
  }

  private static String field(String operation, Model m, String name, Col col) {
    return "- " + operation + ":\n    model_name: " + m.lower() + "\n    name: " + name
        + "\n    field: " + col.yaml() + "\n";
  }

  private String newFieldName(Model m, int choice) {
    for (int i = 0; i < FIELD_NAMES.size(); i++) {
      String name = FIELD_NAMES.get((choice + i) % FIELD_NAMES.size());
      if (!m.fields.containsKey(name)) return name;
    }
    return null;
  }

  // ---- rows ------------------------------------------------------------------------------------
  // Names go unquoted, and every database reads them in the case it stores them in: PostgreSQL
  // lower, H2 upper, and MySQL reads "name" as a string. None is a reserved word anywhere.

  /** One to three rows; a key points at an existing row, or at none one time in sixteen. */
  private String insert(Model m, Seed s) {
    List<String> columns = new ArrayList<>(List.of("id"));
    m.fields.forEach((n, c) -> columns.add(c.column(n)));
    List<String> rows = new ArrayList<>();
    for (int r = 0; r <= s.b() % 3; r++) {
      long id = m.nextId++;
      m.ids.add(id);
      List<String> values = new ArrayList<>(List.of(Long.toString(id)));
      int i = 0;
      for (Col c : m.fields.values()) values.add(value(c, s.c() + 7 * r + 3 * i++));
      rows.add("(" + String.join(", ", values) + ")");
    }
    return "INSERT INTO " + m.table() + " (" + String.join(", ", columns) + ") VALUES "
        + String.join(", ", rows);
  }

  private String update(Model m, Seed s) {
    if (m.fields.isEmpty() || m.ids.isEmpty()) return null;
    String name = pick(new ArrayList<>(m.fields.keySet()), s.b());
    Col c = m.fields.get(name);
    return "UPDATE " + m.table() + " SET " + c.column(name) + " = " + value(c, s.c())
        + " WHERE id = " + pick(m.ids, s.a());
  }

  private String delete(Model m, Seed s) {
    if (m.ids.isEmpty()) return null;
    long id = m.ids.remove(s.b() % m.ids.size());
    return "DELETE FROM " + m.table() + " WHERE id = " + id;
  }

  /** Deletes the rows whose key points at no row, as a migration that mends data would. */
  private String deleteOrphans(Model m, Seed s) {
    List<String> keys = m.fields.keySet().stream()
        .filter(n -> m.fields.get(n).kind() == Kind.FK).toList();
    if (keys.isEmpty()) return null;
    String name = pick(keys, s.b());
    Model target = models.get(m.fields.get(name).target());
    String column = m.fields.get(name).column(name);
    return "DELETE FROM " + m.table() + " WHERE " + column + " NOT IN (SELECT id FROM "
        + target.table() + ")";
  }

  /** A literal for a column; strings of 1 to 11 letters may not fit a narrowed CharField. */
  private String value(Col c, int choice) {
    if (c.nullable() && choice % 5 == 0) return "NULL";
    return switch (c.kind()) {
      case INT -> Integer.toString(choice % 1000);
      case CHAR -> "'" + "abcdefghijkl".substring(0, 1 + choice % 11) + "'";
      case FK -> {
        List<Long> ids = models.get(c.target()).ids;
        if (ids.isEmpty()) yield c.nullable() ? "NULL" : Long.toString(900 + choice % 9);
        yield choice % 16 == 1 ? Long.toString(900 + choice % 9) : Long.toString(pick(ids, choice));
      }
    };
  }

  private static <T> T pick(List<T> from, int choice) {
    return from.get(Math.floorMod(choice, from.size()));
  }

  /** A YAML single-quoted scalar. */
  private static String quoted(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
