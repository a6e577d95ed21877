package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;

/**
 * Runs a {@link DataMigration} found on the classpath by class name, with the migration's
 * connection. Without {@code reverse_code} it cannot go backwards.
 */
public record RunJava(String code, String reverseCode, boolean elidable) implements Operation {
  public RunJava {
    requireNonNull(code, "code == null");
  }

  static RunJava read(ArgumentReader in) {
    return new RunJava(in.string("code"), in.optionalString("reverse_code"), in.flag("elidable", false));
  }

  @Override public void writeArguments(ArgumentWriter out) {
    out.value("code", code);
    out.value("reverse_code", reverseCode);
    if (elidable) out.value("elidable", true);
  }

  @Override public ProjectState stateForwards(String app, ProjectState before) {
    return before;
  }

  @Override public void databaseForwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    run(editor, code);
  }

  @Override public void databaseBackwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    if (reverseCode == null) throw new IrreversibleOperation(describe() + " has no reverse_code");
    run(editor, reverseCode);
  }

  private static void run(SchemaEditor editor, String className) throws SQLException {
    DataMigration migration = load(className);
    var connection = editor.connection();
    if (connection.isEmpty()) {
      editor.comment("RunJava " + className + " (Java code, not shown as SQL)");
      return;
    }
    try {
      migration.run(connection.get());
    } catch (SQLException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new SQLException(className + " failed: " + e.getMessage(), e);
    }
  }

  /** Loads the class up front, so that a missing class fails before any SQL runs. */
  public static DataMigration load(String className) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Class<?> type;
    try {
      type = Class.forName(className, true, loader != null ? loader : RunJava.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("RunJava class " + className + " is not on the classpath;"
          + " pass its jar or folder with --classpath", e);
    }
    if (!DataMigration.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException("RunJava class " + className + " does not implement "
          + DataMigration.class.getName());
    }
    try {
      return (DataMigration) type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("RunJava class " + className
          + " needs a public constructor without arguments", e);
    }
  }

  @Override public boolean isReversible() {
    return reverseCode != null;
  }

  @Override public boolean isElidable() {
    return elidable;
  }


  /** Never merges, and nothing is optimized across it: its code may touch any table. */
  @Override public Reduction reduce(Operation next, String app) {
    return Reduction.none();
  }

  @Override public String describe() {
    return "Java operation " + code;
  }

  @Override public boolean runsUserCode() {
    return true;
  }
}
