package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.Field;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;

/** Adds a column for a new field; existing rows get the field's default. */
public record AddField(Name modelName, Name name, Field field) implements Operation {
  public AddField {
    requireNonNull(modelName, "modelName == null");
    requireNonNull(name, "name == null");
    requireNonNull(field, "field == null");
  }

  @Override public ProjectState stateForwards(String app, ProjectState before) {
    return before.withChangedModel(new ModelKey(app, modelName), m -> m.withField(name, field));
  }

  @Override public void databaseForwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.addField(after, after.requireModel(app, modelName), name);
  }

  @Override public void databaseBackwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.removeField(after, after.requireModel(app, modelName), name);
  }

  @Override public String describe() {
    return "Add field " + name + " to " + modelName;
  }
}
