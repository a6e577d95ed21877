package dev.cairn.files;

import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.operations.ArgumentWriter;
import dev.cairn.operations.ModelOptions;
import dev.cairn.operations.Operation;
import dev.cairn.operations.Operations;
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
      out.append(pad(indent)).append("- ").append(Operations.of(op).name()).append(':');
      StringBuilder args = new StringBuilder();
      op.writeArguments(new Arguments(args, indent + 4));
      out.append(args.length() == 0 ? " {}\n" : "\n" + args);
    }
  }

  /** One operation's arguments as {@code key: value} lines at one indent. */
  private record Arguments(StringBuilder out, int in) implements ArgumentWriter {
    @Override public void value(String key, Object value) {
      put(out, in, key, value);
    }

    @Override public void field(String key, Field field) {
      line(key, MigrationWriter.field(field));
    }

    @Override public void fields(String key, Map<Name, Field> fields) {
      out.append(pad(in)).append(key).append(':').append(fields.isEmpty() ? " {}\n" : "\n");
      for (Map.Entry<Name, Field> f : fields.entrySet()) {
        out.append(pad(in + 2)).append(Scalars.string(f.getKey().value(), true)).append(": ")
            .append(MigrationWriter.field(f.getValue())).append('\n');
      }
    }

    @Override public void options(String key, ModelOptions o) {
      out.append(pad(in)).append(key).append(":\n");
      put(out, in + 2, "db_table", o.dbTable());
      if (!o.managed()) put(out, in + 2, "managed", false);
      put(out, in + 2, "db_table_comment", o.dbTableComment());
    }

    @Override public void index(String key, Index index) {
      line(key, MigrationWriter.index(index));
    }

    @Override public void indexes(String key, List<Index> indexes) {
      items(key, indexes.stream().map(MigrationWriter::index).toList());
    }

    @Override public void constraint(String key, Constraint constraint) {
      line(key, MigrationWriter.constraint(constraint));
    }

    @Override public void constraints(String key, List<Constraint> constraints) {
      items(key, constraints.stream().map(MigrationWriter::constraint).toList());
    }

    @Override public void statements(String key, List<String> sql) {
      MigrationWriter.statements(out, in, key, sql);
    }

    @Override public void strings(String key, List<String> values) {
      line(key, MigrationWriter.strings(values));
    }

    @Override public void operations(String key, List<Operation> ops) {
      out.append(pad(in)).append(key).append(':');
      MigrationWriter.operations(out, ops, in + 2);
    }

    private void line(String key, String flow) {
      out.append(pad(in)).append(key).append(": ").append(flow).append('\n');
    }

    private void items(String key, List<String> flows) {
      out.append(pad(in)).append(key).append(":\n");
      for (String f : flows) out.append(pad(in + 2)).append("- ").append(f).append('\n');
    }
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
