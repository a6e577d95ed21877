package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.Index;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.List;

/** Drops a named index. */
public record RemoveIndex(Name modelName, String name) implements Operation {
  public RemoveIndex {
    requireNonNull(modelName, "modelName == null");
    requireNonNull(name, "name == null");
  }

  static RemoveIndex read(ArgumentReader in) {
    return new RemoveIndex(in.name("model_name"), in.string("name"));
  }

  @Override public void writeArguments(ArgumentWriter out) {
    out.value("model_name", modelName);
    out.value("name", name);
  }

  @Override public ProjectState stateForwards(String app, ProjectState before) {
    return before.withChangedModel(new ModelKey(app, modelName), m -> m.withoutIndex(name));
  }

  @Override public void databaseForwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.removeIndex(before.requireModel(app, modelName), index(app, before));
  }

  @Override public void databaseBackwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.addIndex(before.requireModel(app, modelName), index(app, before));
  }

  private Index index(String app, ProjectState before) {
    return before.requireModel(app, modelName).index(name).orElseThrow();
  }


  @Override public Reduction reduce(Operation next, String app) {
    return Reduction.throughIf(!next.referencesModel(modelName, app));
  }

  /** Also every field of the model, by default: which ones the index covered is not known here. */
  @Override public boolean referencesModel(Name model, String app) {
    return modelName.equals(model);
  }

  @Override public String describe() {
    return "Remove index " + name + " from " + modelName;
  }

  @Override public String nameFragment() {
    return "remove_" + modelName.lower() + "_" + name;
  }

  @Override public List<SchemaObject> changedObjects() {
    return List.of(SchemaObject.index(modelName, name));
  }
}
