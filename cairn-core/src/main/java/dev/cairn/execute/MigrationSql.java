package dev.cairn.execute;

import dev.cairn.migration.Migration;
import dev.cairn.operations.Operation;
import dev.cairn.schema.CollectingSink;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.SchemaEditor;
import dev.cairn.schema.SqlStatement;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements a migration runs, forwards or backwards, without running them: each operation
 * goes through one schema editor between its own two states, as {@code migrate} runs them. For
 * {@code sqlmigrate} and the benchmarks' exports.
 */
public final class MigrationSql {
  private MigrationSql() {}

  /** @param before the state just before the migration applies */
  public static List<SqlStatement> of(Dialect dialect, Migration m, ProjectState before,
      boolean backwards) {
    List<ProjectState> states = new ArrayList<>();
    ProjectState state = before;
    for (Operation op : m.operations()) {
      states.add(state);
      state = op.stateForwards(m.app(), state);
    }
    states.add(state);
    CollectingSink sink = new CollectingSink();
    SchemaEditor editor = dialect.schemaEditor(sink);
    List<Operation> ops = m.operations();
    try {
      for (int n = 0; n < ops.size(); n++) {
        int i = backwards ? ops.size() - 1 - n : n;
        if (backwards) ops.get(i).databaseBackwards(editor, m.app(), states.get(i), states.get(i + 1));
        else ops.get(i).databaseForwards(editor, m.app(), states.get(i), states.get(i + 1));
      }
    } catch (SQLException e) {
      throw new AssertionError("a collecting sink runs nothing", e);
    }
    return sink.statements();
  }
}
