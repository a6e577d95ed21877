package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;

/** Drops a model's table. Going backwards recreates the table, empty. */
public record DeleteModel(Name name) implements Operation {
  public DeleteModel {
    requireNonNull(name, "name == null");
  }

  @Override public ProjectState stateForwards(String app, ProjectState before) {
    return before.withoutModel(new ModelKey(app, name));
  }

  @Override public void databaseForwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.deleteModel(before, before.requireModel(app, name));
  }

  @Override public void databaseBackwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.createModel(before, before.requireModel(app, name));
  }


  @Override public Reduction reduce(Operation next, String app) {
    return Reduction.throughIf(!next.referencesModel(name, app));
  }

  /** Always: the deleted model's own relations may point at any model, as Django assumes. */
  @Override public boolean referencesModel(Name model, String app) {
    return true;
  }

  @Override public String describe() {
    return "Delete model " + name;
  }
}
