package dev.cairn.files;

import dev.cairn.files.YamlNode.Entry;
import dev.cairn.files.YamlNode.Mapping;
import dev.cairn.files.YamlNode.Scalar;
import dev.cairn.files.YamlNode.Sequence;
import dev.cairn.operations.ArgumentReader;
import dev.cairn.operations.ModelOptions;
import dev.cairn.operations.Operation;
import dev.cairn.operations.Operations;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.Index;
import dev.cairn.state.Name;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads a list of operations, each a one-key mapping {@code - AddField: {args}}. Which operations
 * there are, and which arguments each takes, is {@link Operations}'s to say; this class knows the
 * YAML shape of each argument's value.
 */
final class OperationReader {
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
    Operations.Kind kind = Operations.named(e.key()).orElseThrow(() -> in.error(e.line(),
        "unknown operation '" + e.key() + "'", Suggestions.hint(e.key(), Operations.names())));
    Args args = new Args(e);
    in.checkKeys(args.args, kind.arguments(), "argument", args.op);
    args.allowed = kind.arguments();
    return kind.read(args);
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

  /** An argument for messages: "'fields' of CreateModel 'product'". */
  private static String argument(String key, String of) {
    return "'" + key + "' of " + of;
  }

  /** The arguments of one operation, checked against the names it takes. */
  private final class Args implements ArgumentReader {
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

    @Override public boolean has(String key) {
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

    @Override public Name name(String key) {
      return Name.of(string(key));
    }

    @Override public String string(String key) {
      return in.name(require(key), what(key));
    }

    @Override public String optionalString(String key) {
      return has(key) ? string(key) : null;
    }

    @Override public boolean flag(String key, boolean absent) {
      return has(key) ? in.bool(require(key), what(key)) : absent;
    }

    /** A field of AddField or AlterField, named in messages by the operation's field name. */
    @Override public Field field(String key) {
      return fields.field(require(key), named());
    }

    @Override public Map<Name, Field> fields(String key) {
      String where = named();
      Map<Name, Field> read = new LinkedHashMap<>();
      Map<Name, Integer> lines = new LinkedHashMap<>();
      for (Entry e : in.mapping(require(key), argument(key, where)).entries().values()) {
        if (e.key().isBlank()) throw in.error(e.line(), "empty field name in " + where, null);
        Name field = Name.of(e.key());
        if (lines.containsKey(field)) {
          throw in.error(e.line(), "duplicate field '" + e.key() + "' in " + where + " (first on line "
              + lines.get(field) + ")", "field names ignore case; rename or remove one");
        }
        lines.put(field, e.line());
        read.put(field, fields.field(e.value(), where + ", field '" + e.key() + "'"));
      }
      return read;
    }

    @Override public ModelOptions options(String key) {
      String where = named();
      Mapping o = in.mapping(require(key), argument(key, where));
      in.checkKeys(o, List.of("db_table", "managed", "db_table_comment"), "model option", where);
      return new ModelOptions(
          o.has("db_table") ? in.name(o.get("db_table"), "'db_table' of " + where) : null,
          !o.has("managed") || in.bool(o.get("managed"), "'managed' of " + where),
          o.has("db_table_comment")
              ? in.string(o.get("db_table_comment"), "'db_table_comment' of " + where) : null);
    }

    @Override public Index index(String key) {
      return fields.index(require(key), on());
    }

    @Override public List<Index> indexes(String key) {
      return items(key, fields::index);
    }

    @Override public Constraint constraint(String key) {
      return fields.constraint(require(key), on());
    }

    @Override public List<Constraint> constraints(String key) {
      return items(key, fields::constraint);
    }

    /** A list of indexes or constraints, each named in messages by the operation's name. */
    private <T> List<T> items(String key, BiFunction<YamlNode, String, T> item) {
      String where = named();
      List<T> read = new ArrayList<>();
      for (YamlNode node : in.sequence(require(key), argument(key, where)).items()) {
        read.add(item.apply(node, where));
      }
      return read;
    }

    @Override public List<String> statements(String key) {
      return OperationReader.this.statements(require(key), what(key));
    }

    @Override public List<String> strings(String key) {
      List<String> read = new ArrayList<>();
      for (YamlNode item : in.sequence(require(key), what(key)).items()) {
        read.add(in.name(item, "an item of " + what(key)));
      }
      return read;
    }

    @Override public List<Operation> operations(String key) {
      boolean outer = databaseOnly;
      databaseOnly = key.equals("database_operations");
      try {
        return OperationReader.this.operations(require(key), what(key));
      } finally {
        databaseOnly = outer;
      }
    }

    @Override public boolean inDatabaseOperations() {
      return databaseOnly;
    }

    @Override public RuntimeException error(String key, String problem, String hint) {
      return key == null ? in.error(line, problem, hint) : in.error(require(key), problem, hint);
    }

    /** An argument for messages: "'sql' of RunSQL". */
    private String what(String key) {
      return argument(key, op);
    }

    /** The operation and the name it is given for messages: "CreateModel 'product'". */
    private String named() {
      return op + " '" + name("name") + "'";
    }

    /** The operation and its model for messages: "AddIndex on 'product'". */
    private String on() {
      return op + " on '" + name("model_name") + "'";
    }
  }
}
