package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.Constraint;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.List;

/** Removes a named unique or check constraint. */
public record RemoveConstraint(Name modelName, String name) implements Operation {
  public RemoveConstraint {
    requireNonNull(modelName, "modelName == null");
    requireNonNull(name, "name == null");
  }

  static RemoveConstraint read(ArgumentReader in) {
    return new RemoveConstraint(in.name("model_name"), in.string("name"));
  }

  @Override public void writeArguments(ArgumentWriter out) {
    out.value("model_name", modelName);
    out.value("name", name);
  }

  @Override public ProjectState stateForwards(String app, ProjectState before) {
    return before.withChangedModel(new ModelKey(app, modelName), m -> m.withoutConstraint(name));
  }

  @Override public void databaseForwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.removeConstraint(before, before.requireModel(app, modelName), constraint(app, before));
  }

  @Override public void databaseBackwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.addConstraint(before, before.requireModel(app, modelName), constraint(app, before));
  }

  private Constraint constraint(String app, ProjectState before) {
    return before.requireModel(app, modelName).constraint(name).orElseThrow();
  }


  @Override public Reduction reduce(Operation next, String app) {
    return Reduction.throughIf(!next.referencesModel(modelName, app));
  }

  /** Also every field of the model, by default: which ones it covered is not known here. */
  @Override public boolean referencesModel(Name model, String app) {
    return modelName.equals(model);
  }

  @Override public String describe() {
    return "Remove constraint " + name + " from model " + modelName;
  }

  @Override public String nameFragment() {
    return "remove_" + modelName.lower() + "_" + name;
  }

  @Override public List<SchemaObject> changedObjects() {
    return List.of(SchemaObject.constraint(modelName, name));
  }
}
