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

  /**
   * The statements a migration runs, without running them, each operation's led by a header: a
   * statement without SQL whose comment is the operation's {@code describe()}, with {@code
   * (no-op)} on a second line where the operation runs nothing, as Django's {@code sqlmigrate}
   * writes it. A note the schema editor put on an operation's first statement in parentheses
   * ({@code (remake table shop_product)}) joins the header's line; a note without SQL (RunJava's)
   * its next lines; other notes stay on their statements.
   */
  public static List<SqlStatement> of(Dialect dialect, Migration m, ProjectState before,
      boolean backwards) {
    MigrationScript script = MigrationScript.make(dialect, m, states(m, before), backwards,
        (i, op, e) -> e instanceof RuntimeException r ? r
            : new IllegalStateException("a collecting sink runs nothing", e));
    List<SqlStatement> result = new ArrayList<>();
    List<Operation> ops = m.operations();
    int next = 0;
    List<MigrationScript.Numbered> statements = script.statements();
    for (int n = 0; n < ops.size(); n++) {
      int i = backwards ? ops.size() - 1 - n : n;
      List<SqlStatement> own = new ArrayList<>();
      while (next < statements.size() && statements.get(next).operation() == i) {
        own.add(statements.get(next++).statement());
      }
      StringBuilder header = new StringBuilder(ops.get(i).describe());
      if (own.isEmpty()) header.append("\n(no-op)");
      while (!own.isEmpty() && own.get(0).comment() != null) {
        SqlStatement first = own.get(0);
        String note = first.comment();
        if (first.sql().isEmpty()) {
          header.append('\n').append(note);
          own.remove(0);
          continue;
        }
        if (note.startsWith("(")) {
          header.append(' ').append(note);
          own.set(0, first.withComment(null));
        }
        break;
      }
      result.add(new SqlStatement("", List.of(), header.toString()));
      result.addAll(own);
    }
    return result;
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
    run(editor, m, states, backwards, failure, starting, 0);
  }

  /** @param skipped how many operations, in the order they run, not to run (already done) */
  static void run(SchemaEditor editor, Migration m, List<ProjectState> states, boolean backwards,
      Failure failure, IntConsumer starting, int skipped) {
    List<Operation> ops = m.operations();
    for (int n = skipped; n < ops.size(); n++) {
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
