package dev.cairn.files;

import dev.cairn.files.YamlNode.Entry;
import dev.cairn.files.YamlNode.Mapping;
import dev.cairn.files.YamlNode.Scalar;
import dev.cairn.files.YamlNode.Sequence;
import dev.cairn.operations.AddConstraint;
import dev.cairn.operations.AddField;
import dev.cairn.operations.AddIndex;
import dev.cairn.operations.AlterField;
import dev.cairn.operations.AlterModelTable;
import dev.cairn.operations.CreateModel;
import dev.cairn.operations.DeleteModel;
import dev.cairn.operations.ModelOptions;
import dev.cairn.operations.Operation;
import dev.cairn.operations.RemoveConstraint;
import dev.cairn.operations.RemoveField;
import dev.cairn.operations.RemoveIndex;
import dev.cairn.operations.RenameField;
import dev.cairn.operations.RenameIndex;
import dev.cairn.operations.RenameJoinTable;
import dev.cairn.operations.RenameModel;
import dev.cairn.operations.RunJava;
import dev.cairn.operations.RunSQL;
import dev.cairn.operations.SeparateDatabaseAndState;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.Index;
import dev.cairn.state.Name;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a list of operations, each a one-key mapping {@code - AddField: {args}}. */
final class OperationReader {
  private interface Parser {
    Operation parse(OperationReader reader, Args args);
  }

  /** The operations a file may name, with Django's names; one line registers one. */
  private static final Map<String, Parser> PARSERS = new LinkedHashMap<>();

  static {
    PARSERS.put("CreateModel", OperationReader::createModel);
    PARSERS.put("DeleteModel", (r, a) -> new DeleteModel(a.allow("name").name("name")));
    PARSERS.put("RenameModel", (r, a) -> a.allow("old_name", "new_name")
        .then(new RenameModel(a.name("old_name"), a.name("new_name"))));
    PARSERS.put("AlterModelTable", (r, a) -> a.allow("name", "table")
        .then(new AlterModelTable(a.name("name"), a.optionalString("table"))));
    PARSERS.put("AddField", (r, a) -> a.allow("model_name", "name", "field", "preserve_default")
        .then(new AddField(a.name("model_name"), a.name("name"), r.field(a),
            !a.has("preserve_default") || a.flagValue("preserve_default"))));
    PARSERS.put("RemoveField", (r, a) -> a.allow("model_name", "name")
        .then(new RemoveField(a.name("model_name"), a.name("name"))));
    PARSERS.put("AlterField", (r, a) -> a.allow("model_name", "name", "field", "preserve_default")
        .then(new AlterField(a.name("model_name"), a.name("name"), r.field(a),
            !a.has("preserve_default") || a.flagValue("preserve_default"))));
    PARSERS.put("RenameField", (r, a) -> a.allow("model_name", "old_name", "new_name")
        .then(new RenameField(a.name("model_name"), a.name("old_name"), a.name("new_name"))));
    PARSERS.put("AddIndex", (r, a) -> a.allow("model_name", "index")
        .then(new AddIndex(a.name("model_name"), r.fields.index(a.require("index"), a.on()))));
    PARSERS.put("RemoveIndex", (r, a) -> a.allow("model_name", "name")
        .then(new RemoveIndex(a.name("model_name"), a.string("name"))));
    PARSERS.put("RenameIndex", (r, a) -> a.allow("model_name", "new_name", "old_name")
        .then(new RenameIndex(a.name("model_name"), a.string("new_name"), a.string("old_name"))));
    PARSERS.put("AddConstraint", (r, a) -> a.allow("model_name", "constraint")
        .then(new AddConstraint(a.name("model_name"), r.fields.constraint(a.require("constraint"), a.on()))));
    PARSERS.put("RemoveConstraint", (r, a) -> a.allow("model_name", "name")
        .then(new RemoveConstraint(a.name("model_name"), a.string("name"))));
    PARSERS.put("RunSQL", OperationReader::runSql);
    PARSERS.put("RunJava", (r, a) -> a.allow("code", "reverse_code", "elidable")
        .then(new RunJava(a.string("code"), a.optionalString("reverse_code"), a.flag("elidable"))));
    PARSERS.put("RenameJoinTable", OperationReader::renameJoinTable);
    PARSERS.put("SeparateDatabaseAndState", (r, a) -> a.allow("database_operations", "state_operations")
        .then(new SeparateDatabaseAndState(r.optionalOperations(a, "database_operations"),
            r.optionalOperations(a, "state_operations"))));
  }

  private final YamlInput in;
  private final FieldReader fields;
  /** Whether the list being read is a SeparateDatabaseAndState's database_operations. */
  private boolean databaseOnly;

  OperationReader(YamlInput in) {
    this.in = in;
    this.fields = new FieldReader(in);
  }

  /** @param what the list for messages: "'operations'" */
  List<Operation> operations(YamlNode node, String what) {
    List<Operation> ops = new ArrayList<>();
    for (YamlNode item : in.sequence(node, what).items()) ops.add(operation(item));
    return ops;
  }

  private Operation operation(YamlNode item) {
    if (!(item instanceof Mapping m) || m.entries().isEmpty()) {
      throw in.error(item, "an operation must be a mapping from its name to its arguments, not "
          + item.describe(), "write e.g. '- AddField: {model_name: product, name: stock, field: ...}'");
    }
    List<Entry> entries = new ArrayList<>(m.entries().values());
    if (entries.size() > 1) {
      throw in.error(entries.get(1).line(), "'" + entries.get(1).key() + "' is a second key in the"
          + " operation '" + entries.get(0).key() + "'", "indent the arguments under '"
          + entries.get(0).key() + ":' by two more spaces, or start a new operation with '- '");
    }
    Entry e = entries.get(0);
    Parser parser = PARSERS.get(e.key());
    if (parser == null) {
      throw in.error(e.line(), "unknown operation '" + e.key() + "'",
          Suggestions.hint(e.key(), PARSERS.keySet()));
    }
    return parser.parse(this, new Args(e));
  }

  private Field field(Args a) {
    return fields.field(a.require("field"), a.op + " '" + a.name("name") + "'");
  }

  private static Operation createModel(OperationReader r, Args a) {
    a.allow("name", "fields", "options", "indexes", "constraints");
    Name name = a.name("name");
    String where = "CreateModel '" + name + "'";
    YamlInput in = r.in;
    Map<Name, Field> fields = new LinkedHashMap<>();
    Map<Name, Integer> lines = new LinkedHashMap<>();
    for (Entry e : in.mapping(a.require("fields"), "'fields' of " + where).entries().values()) {
      if (e.key().isBlank()) throw in.error(e.line(), "empty field name in " + where, null);
      Name field = Name.of(e.key());
      if (lines.containsKey(field)) {
        throw in.error(e.line(), "duplicate field '" + e.key() + "' in " + where + " (first on line "
            + lines.get(field) + ")", "field names ignore case; rename or remove one");
      }
      lines.put(field, e.line());
      fields.put(field, r.fields.field(e.value(), where + ", field '" + e.key() + "'"));
    }
    ModelOptions options = ModelOptions.DEFAULTS;
    if (a.has("options")) {
      Mapping o = in.mapping(a.require("options"), "'options' of " + where);
      in.checkKeys(o, List.of("db_table", "managed", "db_table_comment"), "model option", where);
      options = new ModelOptions(
          o.has("db_table") ? in.name(o.get("db_table"), "'db_table' of " + where) : null,
          !o.has("managed") || in.bool(o.get("managed"), "'managed' of " + where),
          o.has("db_table_comment")
              ? in.string(o.get("db_table_comment"), "'db_table_comment' of " + where) : null);
    }
    List<Index> indexes = new ArrayList<>();
    if (a.has("indexes")) {
      for (YamlNode i : in.sequence(a.require("indexes"), "'indexes' of " + where).items()) {
        indexes.add(r.fields.index(i, where));
      }
    }
    List<Constraint> constraints = new ArrayList<>();
    if (a.has("constraints")) {
      for (YamlNode c : in.sequence(a.require("constraints"), "'constraints' of " + where).items()) {
        constraints.add(r.fields.constraint(c, where));
      }
    }
    return new CreateModel(name, fields, options, indexes, constraints);
  }

  private static Operation runSql(OperationReader r, Args a) {
    a.allow("sql", "reverse_sql", "state_operations", "elidable");
    List<String> sql = r.statements(a.require("sql"), "'sql' of RunSQL");
    List<String> reverse = a.has("reverse_sql")
        ? r.statements(a.require("reverse_sql"), "'reverse_sql' of RunSQL") : null;
    return new RunSQL(sql, reverse, r.optionalOperations(a, "state_operations"), a.flag("elidable"));
  }

  /** A string is one statement; a list holds one statement per item. */
  private List<String> statements(YamlNode node, String what) {
    if (node instanceof Scalar s && s.isNull()) {
      throw in.error(node, what + " is empty", "write [] for no SQL");
    }
    List<YamlNode> items = node instanceof Sequence seq ? seq.items() : List.of(node);
    List<String> statements = new ArrayList<>();
    for (YamlNode item : items) {
      String statement = in.string(item, node instanceof Sequence ? "an item of " + what : what);
      if (statement.isBlank()) throw in.error(item, "empty SQL statement in " + what, "write [] for no SQL");
      statements.add(statement);
    }
    return statements;
  }

  private List<Operation> optionalOperations(Args a, String key) {
    if (!a.has(key)) return List.of();
    boolean outer = databaseOnly;
    databaseOnly = key.equals("database_operations");
    try {
      return operations(a.require(key), "'" + key + "' of " + a.op);
    } finally {
      databaseOnly = outer;
    }
  }

  /** Only among database_operations: alone it would leave the state naming the old table. */
  private static Operation renameJoinTable(OperationReader r, Args a) {
    a.allow("model_name", "name", "old_table", "new_table", "old_columns", "new_columns");
    if (!r.databaseOnly) {
      throw r.in.error(a.line, "RenameJoinTable changes only the database, so it belongs in the"
          + " database_operations of a SeparateDatabaseAndState", "put it there, with the state"
          + " operations that say what the table is now beside it in state_operations");
    }
    return new RenameJoinTable(a.name("model_name"), a.name("name"), a.string("old_table"),
        a.string("new_table"), r.columns(a, "old_columns"), r.columns(a, "new_columns"));
  }

  /** The three columns of a join table: key, this side, the other side. */
  private List<String> columns(Args a, String key) {
    String what = "'" + key + "' of " + a.op;
    YamlNode node = a.require(key);
    List<String> columns = new ArrayList<>();
    for (YamlNode item : in.sequence(node, what).items()) columns.add(in.name(item, "an item of " + what));
    if (columns.size() != 3) {
      throw in.error(node, what + " lists " + columns.size() + " columns",
          "list the 3 columns of the join table: its key, this side's, the other side's");
    }
    return columns;
  }

  /** The arguments of one operation, checked against the names it takes. */
  private final class Args {
    final String op;
    final int line;
    final Mapping args;
    List<String> allowed = List.of();

    Args(Entry e) {
      op = e.key();
      line = e.line();
      args = e.value() instanceof Scalar s && s.isNull()
          ? new Mapping(Map.of(), e.line())
          : in.mapping(e.value(), "the arguments of " + op);
    }

    Args allow(String... names) {
      allowed = List.of(names);
      in.checkKeys(args, allowed, "argument", op);
      return this;
    }

    /** Lets a one-line parser check its arguments before building the operation. */
    Operation then(Operation op) {
      return op;
    }

    boolean has(String key) {
      return args.has(key);
    }

    YamlNode require(String key) {
      YamlNode v = args.get(key);
      if (v == null) {
        throw in.error(line, "missing argument '" + key + "' in " + op,
            op + " takes " + String.join(", ", allowed));
      }
      return v;
    }

    Name name(String key) {
      return Name.of(string(key));
    }

    String string(String key) {
      return in.name(require(key), "'" + key + "' of " + op);
    }

    String optionalString(String key) {
      return has(key) ? string(key) : null;
    }

    /** A boolean argument that must be present. */
    boolean flagValue(String key) {
      return in.bool(require(key), "'" + key + "' of " + op);
    }

    boolean flag(String key) {
      return has(key) && in.bool(require(key), "'" + key + "' of " + op);
    }

    /** The operation and its model for messages: "AddIndex on 'product'". */
    String on() {
      return op + " on '" + name("model_name") + "'";
    }
  }
}
