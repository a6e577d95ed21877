package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.List;

/** Drops a model's table. Going backwards recreates the table, empty. */
public record DeleteModel(Name name) implements Operation {
  public DeleteModel {
    requireNonNull(name, "name == null");
  }

  static DeleteModel read(ArgumentReader in) {
    return new DeleteModel(in.name("name"));
  }

  @Override public void writeArguments(ArgumentWriter out) {
    out.value("name", name);
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

  @Override public String nameFragment() {
    return "delete_" + name.lower();
  }

  @Override public List<SchemaObject> changedObjects() {
    return List.of(SchemaObject.model(name));
  }
}
