package dev.cairn.models;

import dev.cairn.files.FieldReader;
import dev.cairn.files.FileText;
import dev.cairn.files.InputException;
import dev.cairn.files.Suggestions;
import dev.cairn.files.YamlInput;
import dev.cairn.files.YamlNode;
import dev.cairn.files.YamlNode.Entry;
import dev.cairn.files.YamlNode.Mapping;
import dev.cairn.files.YamlNode.Scalar;
import dev.cairn.models.ModelsFile.Declared;
import dev.cairn.models.ModelsFile.Site;
import dev.cairn.schema.JoinTable;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.Identifiers;
import dev.cairn.state.Index;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one models file ({@code models/shop.yaml}) into its models as written, checking each model
 * on its own and adding Django's automatic primary key; references between models are resolved
 * later, when every file has been read.
 */
final class ModelsFileReader {
  private static final List<String> TOP_LEVEL_KEYS = List.of("app", "models");
  private static final List<String> MODEL_KEYS =
      List.of("fields", "db_table", "managed", "db_table_comment", "indexes", "constraints");
  /** A dot would make {@code app.Model} references ambiguous; Django's names are identifiers. */
  private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** Django's DEFAULT_AUTO_FIELD, added to a model that declares no primary key. */
  static final Name AUTO_ID = Name.of("id");

  static Field autoId() {
    return Field.of(FieldType.BIG_AUTO).primaryKey(true).build();
  }

  static ModelsFile read(Path file, String app) {
    FileText f = FileText.read(file, ModelsFileException::new,
        "check the path given as 'models' for app '" + app + "' in cairn.yaml");
    return read(f.text(), file, app);
  }

  /** Reads the text as if from {@code file}, which is used in messages. */
  static ModelsFile read(String text, Path file, String app) {
    YamlInput in = new YamlInput(file, ModelsFileException::new);
    try {
      return new ModelsFileReader(in).file(in.parse(text), app);
    } catch (InputException e) {
      throw e;
    } catch (RuntimeException e) { // a record's own check the reader did not make first: a bug
      throw new ModelsFileException(file, 0, "cannot read the models: " + e, null, e);
    }
  }

  private final YamlInput in;
  private final FieldReader fields;

  private ModelsFileReader(YamlInput in) {
    this.in = in;
    this.fields = new FieldReader(in);
  }

  private ModelsFile file(YamlNode root, String app) {
    if (root == null) {
      throw in.error(1, "the models file is empty", "start it with 'app: " + app + "' and 'models:'");
    }
    Mapping m = in.mapping(root, "a models file");
    in.checkKeys(m, TOP_LEVEL_KEYS, "top-level key", null);
    YamlNode appNode = in.require(m, "app", "the models file", "add 'app: " + app + "' at the top");
    String declared = in.name(appNode, "'app'");
    if (!declared.equals(app)) {
      throw in.error(appNode, "the models file says app '" + declared + "' but cairn.yaml lists it"
          + " under app '" + app + "'", "write 'app: " + app + "', or point app '" + declared
          + "' of cairn.yaml at this file");
    }
    YamlNode modelsNode = in.require(m, "models", "the models file",
        "add 'models:' with the models, e.g. 'models:' then '  Category:' then '    fields: ...'");
    List<Declared> models = new ArrayList<>();
    int modelsLine = m.entries().get("models").line();
    if (modelsNode instanceof Scalar s && s.isNull()) {
      return new ModelsFile(app, in, appNode.line(), modelsLine, false, models);
    }
    Map<Name, Integer> lines = new HashMap<>();
    Mapping written = in.mapping(modelsNode, "'models'");
    for (Entry e : written.entries().values()) {
      if (!MODEL_NAME.matcher(e.key()).matches()) {
        throw in.error(e.line(), "model name '" + e.key() + "' is not an identifier",
            "use letters, digits and _, not starting with a digit, e.g. Product");
      }
      Integer first = lines.putIfAbsent(Name.of(e.key()), e.line());
      if (first != null) {
        throw in.error(e.line(), "duplicate model '" + e.key() + "' (first on line " + first + ")",
            "model names ignore case; rename or remove one");
      }
      models.add(model(app, e));
    }
    return new ModelsFile(app, in, appNode.line(), modelsLine, written.entries().isEmpty(), models);
  }

  private Declared model(String app, Entry entry) {
    String where = "model '" + entry.key() + "'";
    Mapping m = entry.value() instanceof Scalar s && s.isNull()
        ? new Mapping(Map.of(), entry.line()) : in.mapping(entry.value(), where);
    in.checkKeys(m, MODEL_KEYS, "model option", where);

    Map<Name, Field> declared = new LinkedHashMap<>();
    Map<Name, Mapping> nodes = new HashMap<>();
    Map<Name, Integer> lines = new HashMap<>();
    Entry primaryKey = null;
    YamlNode fieldsNode = m.get("fields");
    List<Entry> fieldEntries = fieldsNode == null || fieldsNode instanceof Scalar s && s.isNull()
        ? List.of() : List.copyOf(in.mapping(fieldsNode, "'fields' of " + where).entries().values());
    for (Entry e : fieldEntries) {
      if (e.key().isBlank()) throw in.error(e.line(), "empty field name in " + where, null);
      Name name = Name.of(e.key());
      Integer first = lines.putIfAbsent(name, e.line());
      if (first != null) {
        throw in.error(e.line(), "duplicate field '" + e.key() + "' in " + where + " (first on line "
            + first + ")", "field names ignore case; rename or remove one");
      }
      Field f = fields.field(e.value(), "field '" + entry.key() + "." + e.key() + "'");
      if (f.primaryKey()) {
        if (primaryKey != null) {
          throw in.error(e.line(), where + " has a second primary key '" + e.key() + "' (the first is '"
              + primaryKey.key() + "' on line " + primaryKey.line() + ")",
              "a model has one primary key; for a unique pair use a UniqueConstraint");
        }
        if (f.nullable()) {
          throw in.error(e.line(), "primary key '" + e.key() + "' of " + where + " is null: true",
              "remove null: true; a primary key is never null");
        }
        primaryKey = e;
      }
      declared.put(name, f);
      nodes.put(name, (Mapping) e.value()); // FieldReader accepted it, so it is a mapping
    }

    Map<Name, Field> all = declared;
    if (primaryKey == null) {
      // Django adds DEFAULT_AUTO_FIELD first, and refuses a field 'id' it would clash with (E004).
      if (lines.containsKey(AUTO_ID)) {
        throw in.error(lines.get(AUTO_ID), "field 'id' of " + where + " is not the primary key, and"
            + " Django would add a primary key 'id'", "add primary_key: true to it, or rename it");
      }
      all = new LinkedHashMap<>();
      all.put(AUTO_ID, autoId());
      all.putAll(declared);
    }
    checkColumns(all, lines, where);

    String dbTable = m.has("db_table") ? in.name(m.get("db_table"), "'db_table' of " + where) : null;
    if (dbTable != null) {
      checkLength(m.get("db_table").line(), where + " has the db_table '" + dbTable + "', ", dbTable,
          "give a shorter db_table");
    }
    boolean managed = !m.has("managed") || in.bool(m.get("managed"), "'managed' of " + where);
    String comment = m.has("db_table_comment")
        ? in.string(m.get("db_table_comment"), "'db_table_comment' of " + where) : null;
    List<Site> names = new ArrayList<>();
    List<Index> indexes = new ArrayList<>();
    for (YamlNode node : items(m, "indexes", where)) {
      Index i = fields.index(node, where);
      String of = "index '" + i.name() + "' of " + where;
      indexes.add(i.withFields(existing(i.fields(), all, ((Mapping) node).get("fields"), of)));
      names.add(new Site(i.name(), "index", node.line()));
      checkLength(node.line(), of + " is ", i.name(), "give it a shorter name");
    }
    List<Constraint> constraints = new ArrayList<>();
    for (YamlNode node : items(m, "constraints", where)) {
      Constraint c = fields.constraint(node, where);
      String of = "constraint '" + c.name() + "' of " + where;
      constraints.add(c.kind() == Constraint.Kind.CHECK ? c
          : c.withFields(existing(c.fields(), all, ((Mapping) node).get("fields"), of)));
      names.add(new Site(c.name(), "constraint", node.line()));
      checkLength(node.line(), of + " is ", c.name(), "give it a shorter name");
    }
    ModelState model = new ModelState(app, Name.of(entry.key()), all, dbTable, managed, comment,
        indexes, constraints);
    for (Map.Entry<Name, Field> e : all.entrySet()) {
      if (!JoinTable.isAutoCreated(e.getValue())) continue;
      ModelState join;
      try {
        join = JoinTable.model(model, e.getKey(), e.getValue());
      } catch (RuntimeException badReference) {
        continue; // References reports a 'to' that names no model, with its line
      }
      for (Map.Entry<Name, Field> j : join.fields().entrySet()) {
        String column = j.getValue().column(j.getKey());
        checkLength(lines.get(e.getKey()), "field '" + e.getKey() + "' of " + where
            + " makes the join table column '" + column + "', ", column,
            "give the model a shorter name, or give the field a through model");
      }
    }
    return new Declared(model, entry.line(), nodes, names);
  }

  private List<YamlNode> items(Mapping m, String key, String where) {
    YamlNode node = m.get(key);
    if (node == null || node instanceof Scalar s && s.isNull()) return List.of();
    return in.sequence(node, "'" + key + "' of " + where).items();
  }

  /**
   * A name longer than PostgreSQL keeps is an error, where Django checks only generated column
   * names (models.E018, E019): PostgreSQL would cut it silently, and the state would name a table,
   * column or index the database does not have.
   */
  private void checkLength(Integer line, String subject, String name, String hint) {
    int bytes = Identifiers.byteLength(name);
    if (bytes > Identifiers.MAX_BYTES) {
      throw in.error(line, subject + bytes + " bytes long;"
          + " PostgreSQL keeps " + Identifiers.MAX_BYTES + " and would cut it", hint);
    }
  }

  /** Two fields may not share a column, such as 'author' (author_id) and 'author_id' (E007). */
  private void checkColumns(Map<Name, Field> all, Map<Name, Integer> lines, String where) {
    Map<Name, Name> byColumn = new HashMap<>();
    for (Map.Entry<Name, Field> e : all.entrySet()) {
      if (!e.getValue().hasColumn()) continue;
      Name column = Name.of(e.getValue().column(e.getKey()));
      checkLength(lines.get(e.getKey()), "field '" + e.getKey() + "' of " + where
          + " has the column '" + column + "', ", column.value(),
          "give the field a shorter name or a db_column");
      Name other = byColumn.putIfAbsent(column, e.getKey());
      if (other != null) {
        throw in.error(lines.get(e.getKey()), "field '" + e.getKey() + "' of " + where + " has the"
            + " column '" + column + "', as field '" + other + "' does",
            "give one of them another name or db_column");
      }
    }
  }

  /** The fields an index or constraint names, each spelt as the model declares it. */
  private List<Name> existing(List<Name> names, Map<Name, Field> all, YamlNode node, String of) {
    List<Name> declared = new ArrayList<>();
    for (Name n : names) {
      Name match = all.keySet().stream().filter(n::equals).findFirst().orElseThrow(() -> in.error(
          node, of + " names the field '" + n + "', which the model does not have",
          Suggestions.hint(n.value(), all.keySet().stream().map(Name::value).toList())));
      if (!all.get(match).hasColumn()) {
        throw in.error(node, of + " names the ManyToManyField '" + match + "', which has no column",
            "a ManyToManyField lives in its own join table; remove it from the list");
      }
      declared.add(match);
    }
    return declared;
  }
}
