package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.Index;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;

/** Creates a named index. */
public record AddIndex(Name modelName, Index index) implements Operation {
  public AddIndex {
    requireNonNull(modelName, "modelName == null");
    requireNonNull(index, "index == null");
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

  @Override public String describe() {
    return "Create index " + index.name() + " on " + modelName;
  }
}
