package dev.cairn.operations;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import dev.cairn.state.Name;
import java.util.stream.Stream;

/**
 * Runs one list of operations against the database and applies another to the state, for changes
 * where the two must differ (adopting a table, moving a model between apps).
 */
public record SeparateDatabaseAndState(List<Operation> databaseOperations,
    List<Operation> stateOperations) implements Operation {

  public SeparateDatabaseAndState {
    databaseOperations = databaseOperations == null ? List.of() : List.copyOf(databaseOperations);
    stateOperations = stateOperations == null ? List.of() : List.copyOf(stateOperations);
  }

  static SeparateDatabaseAndState read(ArgumentReader in) {
    return new SeparateDatabaseAndState(
        in.has("database_operations") ? in.operations("database_operations") : List.of(),
        in.has("state_operations") ? in.operations("state_operations") : List.of());
  }

  @Override public void writeArguments(ArgumentWriter out) {
    if (!databaseOperations.isEmpty()) out.operations("database_operations", databaseOperations);
    if (!stateOperations.isEmpty()) out.operations("state_operations", stateOperations);
  }

  @Override public ProjectState stateForwards(String app, ProjectState before) {
    ProjectState state = before;
    for (Operation op : stateOperations) state = op.stateForwards(app, state);
    return state;
  }

  @Override public void databaseForwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    ProjectState state = before;
    for (Operation op : databaseOperations) {
      ProjectState next = op.stateForwards(app, state);
      op.databaseForwards(editor, app, state, next);
      state = next;
    }
  }

  /** Unapplies the database operations last first, each between its own two states. */
  @Override public void databaseBackwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    List<ProjectState> states = new ArrayList<>();
    ProjectState state = before;
    for (Operation op : databaseOperations) {
      states.add(state);
      state = op.stateForwards(app, state);
    }
    for (int i = databaseOperations.size() - 1; i >= 0; i--) {
      Operation op = databaseOperations.get(i);
      op.databaseBackwards(editor, app, states.get(i), op.stateForwards(app, states.get(i)));
    }
  }

  @Override public boolean isReversible() {
    return databaseOperations.stream().allMatch(Operation::isReversible);
  }


  /** Never merges, and nothing is optimized across it: it stands for other operations. */
  @Override public Reduction reduce(Operation next, String app) {
    return Reduction.none();
  }

  @Override public String describe() {
    return "Custom state/database change combination";
  }

  /** Errs towards yes: its database operations are not looked into. */
  @Override public boolean runsUserCode() {
    return true;
  }

  /** Named for what it does to the models, the last of its state operations. */
  @Override public String nameFragment() {
    return stateOperations.isEmpty() ? "auto"
        : stateOperations.get(stateOperations.size() - 1).nameFragment();
  }

  @Override public List<SchemaObject> changedObjects() {
    return Stream.concat(stateOperations.stream(), databaseOperations.stream())
        .flatMap(op -> op.changedObjects().stream()).toList();
  }

  @Override public List<Name> introducedModels() {
    return stateOperations.stream().flatMap(op -> op.introducedModels().stream()).toList();
  }
}
