package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import dev.cairn.state.StateException;
import java.sql.SQLException;
import java.util.List;

/** Renames a named index. */
public record RenameIndex(Name modelName, String newName, String oldName) implements Operation {
  public RenameIndex {
    requireNonNull(modelName, "modelName == null");
    requireNonNull(newName, "newName == null");
    requireNonNull(oldName, "oldName == null");
  }

  static RenameIndex read(ArgumentReader in) {
    return new RenameIndex(in.name("model_name"), in.string("new_name"), in.string("old_name"));
  }

  @Override public void writeArguments(ArgumentWriter out) {
    out.value("model_name", modelName);
    out.value("new_name", newName);
    out.value("old_name", oldName);
  }

  @Override public ProjectState stateForwards(String app, ProjectState before) {
    return before.withChangedModel(new ModelKey(app, modelName), m -> {
      var index = m.index(oldName).orElseThrow(() ->
          new StateException("model " + m.key() + " has no index '" + oldName + "'"));
      return m.withoutIndex(oldName).withIndex(index.withName(newName));
    });
  }

  @Override public void databaseForwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.renameIndex(after.requireModel(app, modelName), oldName, newName);
  }

  @Override public void databaseBackwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.renameIndex(before.requireModel(app, modelName), newName, oldName);
  }


  /** Renames chain: a to b, then b to c, is a to c. */
  @Override public Reduction reduce(Operation next, String app) {
    if (next instanceof RenameIndex r && r.modelName().equals(modelName)
        && r.oldName().equalsIgnoreCase(newName)) {
      return Reduction.replaceWith(new RenameIndex(modelName, r.newName(), oldName));
    }
    return Reduction.throughIf(!next.referencesModel(modelName, app));
  }

  @Override public boolean referencesModel(Name model, String app) {
    return modelName.equals(model);
  }

  @Override public String describe() {
    return "Rename index " + oldName + " on " + modelName + " to " + newName;
  }

  @Override public String nameFragment() {
    return "rename_" + oldName + "_" + newName;
  }

  @Override public List<SchemaObject> changedObjects() {
    return List.of(SchemaObject.index(modelName, oldName), SchemaObject.index(modelName, newName));
  }
}
