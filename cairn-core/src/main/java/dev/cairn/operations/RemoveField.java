package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;

/**
 * Drops a field's column. Going backwards adds the column again, filled with the field's default
 * (or NULL): the data it held is gone.
 */
public record RemoveField(Name modelName, Name name) implements Operation {
  public RemoveField {
    requireNonNull(modelName, "modelName == null");
    requireNonNull(name, "name == null");
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

  @Override public String describe() {
    return "Remove field " + name + " from " + modelName;
  }
}
