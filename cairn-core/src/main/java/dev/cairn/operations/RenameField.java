package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;

/** Renames a field, and its column unless {@code db_column} fixes it. */
public record RenameField(Name modelName, Name oldName, Name newName) implements Operation {
  public RenameField {
    requireNonNull(modelName, "modelName == null");
    requireNonNull(oldName, "oldName == null");
    requireNonNull(newName, "newName == null");
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

  @Override public String describe() {
    return "Rename field " + oldName + " on " + modelName + " to " + newName;
  }
}
