package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.List;

/** Renames a field, and its column unless {@code db_column} fixes it. */
public record RenameField(Name modelName, Name oldName, Name newName) implements Operation {
  public RenameField {
    requireNonNull(modelName, "modelName == null");
    requireNonNull(oldName, "oldName == null");
    requireNonNull(newName, "newName == null");
  }

  static RenameField read(ArgumentReader in) {
    return new RenameField(in.name("model_name"), in.name("old_name"), in.name("new_name"));
  }

  @Override public void writeArguments(ArgumentWriter out) {
    out.value("model_name", modelName);
    out.value("old_name", oldName);
    out.value("new_name", newName);
  }

  @Override public ProjectState stateForwards(String app, ProjectState before) {
    return before.withChangedModel(new ModelKey(app, modelName),
        m -> m.withRenamedField(oldName, newName));
  }

  @Override public void databaseForwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.alterField(before, before.requireModel(app, modelName), oldName,
        after, after.requireModel(app, modelName), newName);
  }

  @Override public void databaseBackwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.alterField(after, after.requireModel(app, modelName), newName,
        before, before.requireModel(app, modelName), oldName);
  }


  /** Renames chain: a to b, then b to c, is a to c; back to the very same spelling is nothing. */
  @Override public Reduction reduce(Operation next, String app) {
    if (next instanceof RenameField r && r.targets(modelName, newName)) {
      if (oldName.value().equals(r.newName().value())) return Reduction.cancel();
      return Reduction.replaceWith(new RenameField(modelName, oldName, r.newName()));
    }
    return Reduction.throughIf(!next.referencesField(modelName, oldName, app)
        && !next.referencesField(modelName, newName, app));
  }

  @Override public boolean referencesModel(Name model, String app) {
    return modelName.equals(model);
  }

  @Override public boolean referencesField(Name model, Name fieldName, String app) {
    return modelName.equals(model) && (oldName.equals(fieldName) || newName.equals(fieldName));
  }

  /** Whether this renames the field {@code fieldName} (its old name) of {@code model}. */
  boolean targets(Name model, Name fieldName) {
    return modelName.equals(model) && oldName.equals(fieldName);
  }

  @Override public String describe() {
    return "Rename field " + oldName + " on " + modelName + " to " + newName;
  }

  @Override public String nameFragment() {
    return "rename_" + oldName.lower() + "_" + modelName.lower() + "_" + newName.lower();
  }

  @Override public List<SchemaObject> changedObjects() {
    return List.of(SchemaObject.field(modelName, oldName), SchemaObject.field(modelName, newName));
  }
}
