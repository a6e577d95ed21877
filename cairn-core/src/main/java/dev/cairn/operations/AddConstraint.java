package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.Constraint;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;

/** Adds a unique or check constraint. */
public record AddConstraint(Name modelName, Constraint constraint) implements Operation {
  public AddConstraint {
    requireNonNull(modelName, "modelName == null");
    requireNonNull(constraint, "constraint == null");
  }

  @Override public ProjectState stateForwards(String app, ProjectState before) {
    return before.withChangedModel(new ModelKey(app, modelName), m -> m.withConstraint(constraint));
  }

  @Override public void databaseForwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.addConstraint(after, after.requireModel(app, modelName), constraint);
  }

  @Override public void databaseBackwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.removeConstraint(after, after.requireModel(app, modelName), constraint);
  }

  @Override public String describe() {
    return "Create constraint " + constraint.name() + " on model " + modelName;
  }
}
