package dev.cairn.operations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The operations a migration file may name, with Django's names and the arguments each takes:
 * one line registers one. Readers and writers of files find an operation's name, arguments and
 * reader here and nowhere else.
 */
public final class Operations {
  /**
   * One kind of operation as files spell it. Immutable.
   *
   * @param arguments every argument it takes, in the order the writer puts them
   */
  public record Kind(String name, Class<? extends Operation> type, List<String> arguments,
      Function<ArgumentReader, Operation> reader) {
    public Kind {
      arguments = List.copyOf(arguments);
    }

    public Operation read(ArgumentReader arguments) {
      return reader.apply(arguments);
    }
  }

  private static final List<Kind> KINDS = List.of(
      kind("CreateModel", CreateModel.class, CreateModel::read,
          "name", "fields", "options", "indexes", "constraints"),
      kind("DeleteModel", DeleteModel.class, DeleteModel::read, "name"),
      kind("RenameModel", RenameModel.class, RenameModel::read, "old_name", "new_name"),
      kind("AlterModelTable", AlterModelTable.class, AlterModelTable::read, "name", "table"),
      kind("AddField", AddField.class, AddField::read,
          "model_name", "name", "field", "preserve_default"),
      kind("RemoveField", RemoveField.class, RemoveField::read, "model_name", "name"),
      kind("AlterField", AlterField.class, AlterField::read,
          "model_name", "name", "field", "preserve_default"),
      kind("RenameField", RenameField.class, RenameField::read, "model_name", "old_name", "new_name"),
      kind("AddIndex", AddIndex.class, AddIndex::read, "model_name", "index"),
      kind("RemoveIndex", RemoveIndex.class, RemoveIndex::read, "model_name", "name"),
      kind("RenameIndex", RenameIndex.class, RenameIndex::read, "model_name", "new_name", "old_name"),
      kind("AddConstraint", AddConstraint.class, AddConstraint::read, "model_name", "constraint"),
      kind("RemoveConstraint", RemoveConstraint.class, RemoveConstraint::read, "model_name", "name"),
      kind("RunSQL", RunSQL.class, RunSQL::read, "sql", "reverse_sql", "state_operations", "elidable"),
      kind("RunJava", RunJava.class, RunJava::read, "code", "reverse_code", "elidable"),
      kind("RenameJoinTable", RenameJoinTable.class, RenameJoinTable::read,
          "model_name", "name", "old_table", "new_table", "old_columns", "new_columns"),
      kind("SeparateDatabaseAndState", SeparateDatabaseAndState.class, SeparateDatabaseAndState::read,
          "database_operations", "state_operations"));

  private static final Map<String, Kind> BY_NAME = new LinkedHashMap<>();
  private static final Map<Class<?>, Kind> BY_TYPE = new LinkedHashMap<>();

  static {
    for (Kind k : KINDS) {
      BY_NAME.put(k.name(), k);
      BY_TYPE.put(k.type(), k);
    }
  }

  private Operations() {}

  private static Kind kind(String name, Class<? extends Operation> type,
      Function<ArgumentReader, Operation> reader, String... arguments) {
    return new Kind(name, type, List.of(arguments), reader);
  }

  public static List<Kind> all() {
    return KINDS;
  }

  /** The kind a file names {@code name}, case-sensitive as Django's class names are. */
  public static Optional<Kind> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** Every name a file may use, for "did you mean" hints. */
  public static Set<String> names() {
    return Collections.unmodifiableSet(BY_NAME.keySet());
  }

  /** The kind of {@code op}; every operation has one, which OperationsTest checks. */
  public static Kind of(Operation op) {
    Kind kind = BY_TYPE.get(op.getClass());
    if (kind == null) throw new IllegalArgumentException("no file name for " + op.getClass().getName());
    return kind;
  }
}
