package dev.cairn.operations;

import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.Index;
import dev.cairn.state.Name;
import java.util.List;
import java.util.Map;

/**
 * Where an operation writes its arguments, in the order the file shows them (Django's {@code
 * deconstruct}). The operation leaves out what is at its default, so files stay small; the file
 * format of each value is the writer's.
 */
public interface ArgumentWriter {
  /** A name, text, number or flag; nothing at all when {@code value} is null. */
  void value(String key, Object value);

  void field(String key, Field field);

  /** A model's fields by name, {@code {}} when there are none. */
  void fields(String key, Map<Name, Field> fields);

  void options(String key, ModelOptions options);

  void index(String key, Index index);

  void indexes(String key, List<Index> indexes);

  void constraint(String key, Constraint constraint);

  void constraints(String key, List<Constraint> constraints);

  /** SQL statements: one as a single text, several as a list. */
  void statements(String key, List<String> sql);

  /** Short texts such as column names, on one line. */
  void strings(String key, List<String> values);

  /** Nested operations, each written with its own name and arguments. */
  void operations(String key, List<Operation> operations);
}
