package dev.cairn.files;

import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a {@link Migration} in Cairn's canonical file format: two-space indents, fields, indexes
 * and constraints as one-line flow maps, and every option left at its default omitted. Reading what
 * it wrote and writing again gives the same bytes.
 */
public final class MigrationWriter {
  /** SQL that reads back as the same text when written as a bare YAML number. */
  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

  public String write(Migration m) {
    StringBuilder out = new StringBuilder();
    if (m.header() != null && !m.header().isEmpty()) {
      for (String line : m.header().split("\n", -1)) {
        out.append(line.startsWith("#") ? line : "# " + line).append('\n');
      }
    }
    if (m.initial()) out.append("initial: true\n");
    if (!m.atomic()) out.append("atomic: false\n");
    keys(out, "dependencies", m.dependencies(), true);
    keys(out, "replaces", m.replaces(), false);
    keys(out, "run_before", m.runBefore(), false);
    out.append("operations:");
    operations(out, m.operations(), 2);
    return out.toString();
  }

  private static void keys(StringBuilder out, String key, List<MigrationKey> keys, boolean always) {
    if (keys.isEmpty()) {
      if (always) out.append(key).append(": []\n");
      return;
    }
    out.append(key).append(":\n");
    for (MigrationKey k : keys) {
      out.append("  -").append(Scalars.blockValue(k.toString(), 4)).append('\n');
    }
  }

  /** Writes the rest of a {@code key:} line and the operations below it, as list items at indent. */
  private static void operations(StringBuilder out, List<Operation> ops, int indent) {
    if (ops.isEmpty()) {
      out.append(" []\n");
      return;
    }
    out.append('\n');
    for (Operation op : ops) {
      out.append(pad(indent)).append("- ").append(name(op)).append(':');
      StringBuilder args = new StringBuilder();
      arguments(args, op, indent + 4);
      out.append(args.length() == 0 ? " {}\n" : "\n" + args);
    }
  }

  private static String name(Operation op) {
    if (op instanceof CreateModel || op instanceof DeleteModel || op instanceof RenameModel
        || op instanceof AlterModelTable || op instanceof AddField || op instanceof RemoveField
        || op instanceof AlterField || op instanceof RenameField || op instanceof AddIndex
        || op instanceof RemoveIndex || op instanceof RenameIndex || op instanceof AddConstraint
        || op instanceof RemoveConstraint || op instanceof RunSQL || op instanceof RunJava
        || op instanceof SeparateDatabaseAndState || op instanceof RenameJoinTable) {
      return op.getClass().getSimpleName(); // each record is named as in the file
    }
    throw new IllegalArgumentException("cannot write operation " + op.getClass().getName());
  }

  private static void arguments(StringBuilder out, Operation op, int in) {
    if (op instanceof CreateModel c) {
      put(out, in, "name", c.name());
      out.append(pad(in)).append("fields:").append(c.fields().isEmpty() ? " {}\n" : "\n");
      for (Map.Entry<Name, Field> f : c.fields().entrySet()) {
        out.append(pad(in + 2)).append(Scalars.string(f.getKey().value(), true)).append(": ")
            .append(field(f.getValue())).append('\n');
      }
      options(out, in, c.options());
      if (!c.indexes().isEmpty()) {
        out.append(pad(in)).append("indexes:\n");
        for (Index i : c.indexes()) out.append(pad(in + 2)).append("- ").append(index(i)).append('\n');
      }
      if (!c.constraints().isEmpty()) {
        out.append(pad(in)).append("constraints:\n");
        for (Constraint k : c.constraints()) {
          out.append(pad(in + 2)).append("- ").append(constraint(k)).append('\n');
        }
      }
    } else if (op instanceof DeleteModel d) {
      put(out, in, "name", d.name());
    } else if (op instanceof RenameModel r) {
      put(out, in, "old_name", r.oldName());
      put(out, in, "new_name", r.newName());
    } else if (op instanceof AlterModelTable a) {
      put(out, in, "name", a.name());
      put(out, in, "table", a.table());
    } else if (op instanceof AddField a) {
      fieldArguments(out, in, a.modelName(), a.name(), a.field());
      if (!a.preserveDefault()) put(out, in, "preserve_default", false);
    } else if (op instanceof RemoveField r) {
      put(out, in, "model_name", r.modelName());
      put(out, in, "name", r.name());
    } else if (op instanceof AlterField a) {
      fieldArguments(out, in, a.modelName(), a.name(), a.field());
      if (!a.preserveDefault()) put(out, in, "preserve_default", false);
    } else if (op instanceof RenameField r) {
      put(out, in, "model_name", r.modelName());
      put(out, in, "old_name", r.oldName());
      put(out, in, "new_name", r.newName());
    } else if (op instanceof AddIndex a) {
      put(out, in, "model_name", a.modelName());
      out.append(pad(in)).append("index: ").append(index(a.index())).append('\n');
    } else if (op instanceof RemoveIndex r) {
      put(out, in, "model_name", r.modelName());
      put(out, in, "name", r.name());
    } else if (op instanceof RenameIndex r) {
      put(out, in, "model_name", r.modelName());
      put(out, in, "new_name", r.newName());
      put(out, in, "old_name", r.oldName());
    } else if (op instanceof AddConstraint a) {
      put(out, in, "model_name", a.modelName());
      out.append(pad(in)).append("constraint: ").append(constraint(a.constraint())).append('\n');
    } else if (op instanceof RemoveConstraint r) {
      put(out, in, "model_name", r.modelName());
      put(out, in, "name", r.name());
    } else if (op instanceof RunSQL r) {
      statements(out, in, "sql", r.sql());
      if (r.reverseSql() != null) statements(out, in, "reverse_sql", r.reverseSql());
      operationList(out, in, "state_operations", r.stateOperations());
      if (r.elidable()) put(out, in, "elidable", true);
    } else if (op instanceof RunJava r) {
      put(out, in, "code", r.code());
      put(out, in, "reverse_code", r.reverseCode());
      if (r.elidable()) put(out, in, "elidable", true);
    } else if (op instanceof RenameJoinTable r) {
      put(out, in, "model_name", r.modelName());
      put(out, in, "name", r.name());
      put(out, in, "old_table", r.oldTable());
      put(out, in, "new_table", r.newTable());
      out.append(pad(in)).append("old_columns: ").append(strings(r.oldColumns())).append('\n');
      out.append(pad(in)).append("new_columns: ").append(strings(r.newColumns())).append('\n');
    } else if (op instanceof SeparateDatabaseAndState s) {
      operationList(out, in, "database_operations", s.databaseOperations());
      operationList(out, in, "state_operations", s.stateOperations());
    } else {
      throw new IllegalArgumentException("cannot write operation " + op.getClass().getName());
    }
  }

  private static void fieldArguments(StringBuilder out, int in, Name model, Name name, Field f) {
    put(out, in, "model_name", model);
    put(out, in, "name", name);
    out.append(pad(in)).append("field: ").append(field(f)).append('\n');
  }

  private static void options(StringBuilder out, int in, ModelOptions o) {
    if (o.equals(ModelOptions.DEFAULTS)) return;
    out.append(pad(in)).append("options:\n");
    put(out, in + 2, "db_table", o.dbTable());
    if (!o.managed()) put(out, in + 2, "managed", false);
    put(out, in + 2, "db_table_comment", o.dbTableComment());
  }

  private static void operationList(StringBuilder out, int in, String key, List<Operation> ops) {
    if (ops.isEmpty()) return;
    out.append(pad(in)).append(key).append(':');
    operations(out, ops, in + 2);
  }

  /** One statement as a scalar, several as a list; none as {@code []}. */
  private static void statements(StringBuilder out, int in, String key, List<String> sql) {
    out.append(pad(in)).append(key).append(':');
    if (sql.isEmpty()) {
      out.append(" []\n");
    } else if (sql.size() == 1) {
      out.append(Scalars.blockValue(sql.get(0), in + 2)).append('\n');
    } else {
      out.append('\n');
      for (String s : sql) out.append(pad(in + 2)).append('-').append(Scalars.blockValue(s, in + 4)).append('\n');
    }
  }

  /** {@code key: value}, or nothing when value is {@code null}. */
  static void put(StringBuilder out, int in, String key, Object value) {
    if (value == null) return;
    Object v = value instanceof Name n ? n.value() : value;
    out.append(pad(in)).append(key).append(':').append(Scalars.blockValue(v, in + 2)).append('\n');
  }

  /** A field as a flow map: its type, what shapes the type, then the other options set. */
  static String field(Field f) {
    StringBuilder out = new StringBuilder("{type: ").append(f.type().djangoName());
    flow(out, "max_length", f.maxLength());
    flow(out, "max_digits", f.maxDigits());
    flow(out, "decimal_places", f.decimalPlaces());
    flow(out, "to", f.to());
    flow(out, "to_field", f.toField());
    flow(out, "on_delete", f.onDelete() == null ? null : f.onDelete().name());
    flow(out, "db_table", f.dbTable());
    flow(out, "through", f.through());
    flow(out, "null", f.nullable() ? true : null);
    flow(out, "default", f.defaultValue());
    if (f.dbDefault() != null) {
      out.append(", db_default: ").append(PLAIN_NUMBER.matcher(f.dbDefault()).matches()
          ? f.dbDefault() : Scalars.string(f.dbDefault(), true));
    }
    flow(out, "unique", f.unique() ? true : null);
    flow(out, "db_index", f.dbIndex());
    flow(out, "db_column", f.dbColumn());
    flow(out, "primary_key", f.primaryKey() ? true : null);
    flow(out, "db_comment", f.dbComment());
    return out.append('}').toString();
  }

  static String index(Index i) {
    StringBuilder out = new StringBuilder("{name: ").append(Scalars.string(i.name(), true));
    out.append(", fields: ").append(names(i.fields()));
    flow(out, "unique", i.unique() ? true : null);
    flow(out, "condition", i.condition());
    return out.append('}').toString();
  }

  static String constraint(Constraint c) {
    StringBuilder out = new StringBuilder("{type: ").append(c.kind().djangoName());
    flow(out, "name", c.name());
    if (!c.fields().isEmpty()) out.append(", fields: ").append(names(c.fields()));
    flow(out, "check", c.check());
    flow(out, "condition", c.condition());
    return out.append('}').toString();
  }

  private static String strings(List<String> strings) {
    return strings.stream().map(v -> Scalars.string(v, true))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String names(List<Name> names) {
    return names.stream().map(n -> Scalars.string(n.value(), true))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static void flow(StringBuilder out, String key, Object value) {
    if (value != null) out.append(", ").append(key).append(": ").append(Scalars.scalar(value, true));
  }

  private static String pad(int indent) {
    return " ".repeat(indent);
  }
}
