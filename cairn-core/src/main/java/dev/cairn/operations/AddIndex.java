package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.Index;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.List;

/** Creates a named index. */
public record AddIndex(Name modelName, Index index) implements Operation {
  public AddIndex {
    requireNonNull(modelName, "modelName == null");
    requireNonNull(index, "index == null");
  }

  static AddIndex read(ArgumentReader in) {
    return new AddIndex(in.name("model_name"), in.index("index"));
  }

  @Override public void writeArguments(ArgumentWriter out) {
    out.value("model_name", modelName);
    out.index("index", index);
  }

  @Override public ProjectState stateForwards(String app, ProjectState before) {
    return before.withChangedModel(new ModelKey(app, modelName), m -> m.withIndex(index));
  }

  @Override public void databaseForwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.addIndex(after.requireModel(app, modelName), index);
  }

  @Override public void databaseBackwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.removeIndex(after.requireModel(app, modelName), index);
  }


  /** AddIndex then RemoveIndex of it is nothing; then RenameIndex of it, an AddIndex renamed. */
  @Override public Reduction reduce(Operation next, String app) {
    if (next instanceof RemoveIndex r && r.modelName().equals(modelName)
        && r.name().equalsIgnoreCase(index.name())) {
      return Reduction.cancel();
    }
    if (next instanceof RenameIndex r && r.modelName().equals(modelName)
        && r.oldName().equalsIgnoreCase(index.name())) {
      return Reduction.replaceWith(new AddIndex(modelName, index.withName(r.newName())));
    }
    return Reduction.throughIf(!next.referencesModel(modelName, app));
  }

  @Override public boolean referencesModel(Name model, String app) {
    return modelName.equals(model);
  }

  /** A condition is SQL that may name any field. */
  @Override public boolean referencesField(Name model, Name field, String app) {
    return modelName.equals(model) && (index.fields().contains(field) || index.condition() != null);
  }

  @Override public String describe() {
    return "Create index " + index.name() + " on " + modelName;
  }

  @Override public String nameFragment() {
    return modelName.lower() + "_" + index.name();
  }

  @Override public List<SchemaObject> changedObjects() {
    return List.of(SchemaObject.index(modelName, index.name()));
  }
}
