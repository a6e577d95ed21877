package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.Field;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;

/** Changes a field's definition: type, null, default, unique, index, length. */
public record AlterField(Name modelName, Name name, Field field) implements Operation {
  public AlterField {
    requireNonNull(modelName, "modelName == null");
    requireNonNull(name, "name == null");
    requireNonNull(field, "field == null");
  }

  @Override public ProjectState stateForwards(String app, ProjectState before) {
    return before.withChangedModel(new ModelKey(app, modelName),
        m -> m.withAlteredField(name, field));
  }

  @Override public void databaseForwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.alterField(before, before.requireModel(app, modelName), name,
        after, after.requireModel(app, modelName), name);
  }

  /** Backwards is forwards from the other side, as in Django. */
  @Override public void databaseBackwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    databaseForwards(editor, app, after, before);
  }

  @Override public String describe() {
    return "Alter field " + name + " on " + modelName;
  }
}
