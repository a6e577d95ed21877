package dev.cairn.operations;

import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.Index;
import dev.cairn.state.Name;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one operation in a migration file, for its {@code read} method. Only the
 * arguments its {@link Operations.Kind} lists get here. A getter for a missing argument, or for
 * one of the wrong shape, throws an error naming the file, line, operation and argument.
 */
public interface ArgumentReader {
  boolean has(String key);

  Name name(String key);

  String string(String key);

  /** {@code null} when absent. */
  String optionalString(String key);

  /** {@code absent} when the argument is left out. */
  boolean flag(String key, boolean absent);

  Field field(String key);

  Map<Name, Field> fields(String key);

  ModelOptions options(String key);

  Index index(String key);

  List<Index> indexes(String key);

  Constraint constraint(String key);

  List<Constraint> constraints(String key);

  /** One statement as a single text, several as a list, none as {@code []}. */
  List<String> statements(String key);

  List<String> strings(String key);

  List<Operation> operations(String key);

  /** Whether this operation is read from a SeparateDatabaseAndState's database_operations. */
  boolean inDatabaseOperations();

  /**
   * An error at the argument {@code key} (the operation itself when {@code key} is null), to
   * throw: what is wrong, then what to do.
   */
  RuntimeException error(String key, String problem, String hint);
}
