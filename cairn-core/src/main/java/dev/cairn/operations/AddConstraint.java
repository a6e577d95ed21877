package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.Constraint;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.List;

/** Adds a unique or check constraint. */
public record AddConstraint(Name modelName, Constraint constraint) implements Operation {
  public AddConstraint {
    requireNonNull(modelName, "modelName == null");
    requireNonNull(constraint, "constraint == null");
  }

  static AddConstraint read(ArgumentReader in) {
    return new AddConstraint(in.name("model_name"), in.constraint("constraint"));
  }

  @Override public void writeArguments(ArgumentWriter out) {
    out.value("model_name", modelName);
    out.constraint("constraint", constraint);
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


  /** AddConstraint then RemoveConstraint of it is nothing. */
  @Override public Reduction reduce(Operation next, String app) {
    if (next instanceof RemoveConstraint r && r.modelName().equals(modelName)
        && r.name().equalsIgnoreCase(constraint.name())) {
      return Reduction.cancel();
    }
    return Reduction.throughIf(!next.referencesModel(modelName, app));
  }

  @Override public boolean referencesModel(Name model, String app) {
    return modelName.equals(model);
  }

  /** A check or a condition is SQL that may name any field. */
  @Override public boolean referencesField(Name model, Name field, String app) {
    return modelName.equals(model) && (constraint.fields().contains(field)
        || constraint.check() != null || constraint.condition() != null);
  }

  @Override public String describe() {
    return "Create constraint " + constraint.name() + " on model " + modelName;
  }

  @Override public String nameFragment() {
    return modelName.lower() + "_" + constraint.name();
  }

  @Override public List<SchemaObject> changedObjects() {
    return List.of(SchemaObject.constraint(modelName, constraint.name()));
  }
}
