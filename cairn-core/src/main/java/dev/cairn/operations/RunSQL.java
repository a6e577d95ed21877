package dev.cairn.operations;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.List;
import dev.cairn.state.Name;

/**
 * Runs SQL written by hand. Without {@code reverse_sql} it cannot go backwards; an empty {@code
 * reverse_sql} list means going backwards does nothing. {@code state_operations} tell the state
 * what the SQL did to the schema.
 *
 * @param reverseSql {@code null} when irreversible
 */
public record RunSQL(List<String> sql, List<String> reverseSql, List<Operation> stateOperations,
    boolean elidable) implements Operation {

  public RunSQL {
    sql = List.copyOf(sql);
    reverseSql = reverseSql == null ? null : List.copyOf(reverseSql);
    stateOperations = stateOperations == null ? List.of() : List.copyOf(stateOperations);
  }

  static RunSQL read(ArgumentReader in) {
    List<String> sql = in.statements("sql");
    List<String> reverse = in.has("reverse_sql") ? in.statements("reverse_sql") : null;
    List<Operation> state = in.has("state_operations") ? in.operations("state_operations") : List.of();
    return new RunSQL(sql, reverse, state, in.flag("elidable", false));
  }

  @Override public void writeArguments(ArgumentWriter out) {
    out.statements("sql", sql);
    if (reverseSql != null) out.statements("reverse_sql", reverseSql);
    if (!stateOperations.isEmpty()) out.operations("state_operations", stateOperations);
    if (elidable) out.value("elidable", true);
  }

  @Override public ProjectState stateForwards(String app, ProjectState before) {
    ProjectState state = before;
    for (Operation op : stateOperations) state = op.stateForwards(app, state);
    return state;
  }

  @Override public void databaseForwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    for (String statement : sql) editor.execute(statement);
  }

  @Override public void databaseBackwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    if (reverseSql == null) throw new IrreversibleOperation(describe() + " has no reverse_sql");
    for (String statement : reverseSql) editor.execute(statement);
  }

  @Override public boolean isReversible() {
    return reverseSql != null;
  }

  @Override public boolean isElidable() {
    return elidable;
  }


  /** Never merges, and nothing is optimized across it: its SQL may touch any table. */
  @Override public Reduction reduce(Operation next, String app) {
    return Reduction.none();
  }

  @Override public String describe() {
    return "Raw SQL operation";
  }

  @Override public boolean runsUserCode() {
    return true;
  }

  /** What its state operations say the SQL changed. */
  @Override public List<SchemaObject> changedObjects() {
    return stateOperations.stream().flatMap(op -> op.changedObjects().stream()).toList();
  }

  @Override public List<Name> introducedModels() {
    return stateOperations.stream().flatMap(op -> op.introducedModels().stream()).toList();
  }
}
