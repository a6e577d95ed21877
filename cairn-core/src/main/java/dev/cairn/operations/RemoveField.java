package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.List;

/**
 * Drops a field's column. Going backwards adds the column again, filled with the field's default
 * (or NULL): the data it held is gone.
 */
public record RemoveField(Name modelName, Name name) implements Operation {
  public RemoveField {
    requireNonNull(modelName, "modelName == null");
    requireNonNull(name, "name == null");
  }

  static RemoveField read(ArgumentReader in) {
    return new RemoveField(in.name("model_name"), in.name("name"));
  }

  @Override public void writeArguments(ArgumentWriter out) {
    out.value("model_name", modelName);
    out.value("name", name);
  }

  @Override public ProjectState stateForwards(String app, ProjectState before) {
    return before.withChangedModel(new ModelKey(app, modelName), m -> m.withoutField(name));
  }

  @Override public void databaseForwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.removeField(before, before.requireModel(app, modelName), name);
  }

  @Override public void databaseBackwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.addField(before, before.requireModel(app, modelName), name);
  }


  /** Removing a field and then its model is deleting the model. */
  @Override public Reduction reduce(Operation next, String app) {
    if (next instanceof DeleteModel d && d.name().equals(modelName)) return Reduction.replaceWith(d);
    return Reduction.throughIf(!next.referencesField(modelName, name, app));
  }

  @Override public boolean referencesModel(Name model, String app) {
    return modelName.equals(model);
  }

  @Override public boolean referencesField(Name model, Name fieldName, String app) {
    return targets(model, fieldName);
  }

  boolean targets(Name model, Name fieldName) {
    return modelName.equals(model) && name.equals(fieldName);
  }

  @Override public String describe() {
    return "Remove field " + name + " from " + modelName;
  }

  @Override public String nameFragment() {
    return "remove_" + modelName.lower() + "_" + name.lower();
  }

  @Override public List<SchemaObject> changedObjects() {
    return List.of(SchemaObject.field(modelName, name));
  }
}
