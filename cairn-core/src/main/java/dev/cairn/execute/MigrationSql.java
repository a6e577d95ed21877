package dev.cairn.execute;

import dev.cairn.migration.Migration;
import dev.cairn.operations.Operation;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.SchemaEditor;
import dev.cairn.schema.SqlStatement;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Takes a migration's operations through a schema editor, forwards or backwards (last first),
 * each between its own two states: the one loop that {@code migrate}, its dry run before anything
 * runs, {@code sqlmigrate} and the benchmarks' exports share.
 */
public final class MigrationSql {
  private MigrationSql() {}

  /** Turns an operation's failure into the error its caller reports. */
  @FunctionalInterface
  interface Failure {
    RuntimeException of(int index, Operation op, Exception cause);
  }

  /** The statements a migration runs, without running them. */
  public static List<SqlStatement> of(Dialect dialect, Migration m, ProjectState before,
      boolean backwards) {
    return MigrationScript.make(dialect, m, states(m, before), backwards, (i, op, e) ->
        e instanceof RuntimeException r ? r
            : new IllegalStateException("a collecting sink runs nothing", e)).sql();
  }

  /** The state before each operation, then the state after the last. */
  static List<ProjectState> states(Migration m, ProjectState before) {
    List<ProjectState> states = new ArrayList<>();
    ProjectState state = before;
    states.add(state);
    for (Operation op : m.operations()) {
      state = op.stateForwards(m.app(), state);
      states.add(state);
    }
    return states;
  }

  /** @param states as {@link #states} gives them */
  static void run(SchemaEditor editor, Migration m, List<ProjectState> states, boolean backwards,
      Failure failure) {
    run(editor, m, states, backwards, failure, i -> {});
  }

  /** @param starting hears the index of each operation before it makes its statements */
  static void run(SchemaEditor editor, Migration m, List<ProjectState> states, boolean backwards,
      Failure failure, IntConsumer starting) {
    List<Operation> ops = m.operations();
    for (int n = 0; n < ops.size(); n++) {
      int i = backwards ? ops.size() - 1 - n : n;
      Operation op = ops.get(i);
      starting.accept(i);
      try {
        if (backwards) op.databaseBackwards(editor, m.app(), states.get(i), states.get(i + 1));
        else op.databaseForwards(editor, m.app(), states.get(i), states.get(i + 1));
      } catch (SQLException | RuntimeException e) {
        throw failure.of(i, op, e);
      }
    }
  }
}
