package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.List;

/**
 * Renames a model; its table follows unless {@code db_table} fixes it, and relations to it are
 * repointed.
 */
public record RenameModel(Name oldName, Name newName) implements Operation {
  public RenameModel {
    requireNonNull(oldName, "oldName == null");
    requireNonNull(newName, "newName == null");
  }

  static RenameModel read(ArgumentReader in) {
    return new RenameModel(in.name("old_name"), in.name("new_name"));
  }

  @Override public void writeArguments(ArgumentWriter out) {
    out.value("old_name", oldName);
    out.value("new_name", newName);
  }

  @Override public ProjectState stateForwards(String app, ProjectState before) {
    return before.withRenamedModel(new ModelKey(app, oldName), newName);
  }

  @Override public void databaseForwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.alterDbTable(after, before.requireModel(app, oldName), after.requireModel(app, newName));
  }

  @Override public void databaseBackwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.alterDbTable(before, after.requireModel(app, newName), before.requireModel(app, oldName));
  }


  /** Renames chain: A to B, then B to C, is A to C. */
  @Override public Reduction reduce(Operation next, String app) {
    if (next instanceof RenameModel r && r.oldName().equals(newName)) {
      return Reduction.replaceWith(new RenameModel(oldName, r.newName()));
    }
    return Reduction.throughIf(!next.referencesModel(oldName, app)
        && !next.referencesModel(newName, app));
  }

  @Override public boolean referencesModel(Name model, String app) {
    return oldName.equals(model) || newName.equals(model);
  }

  @Override public String describe() {
    return "Rename model " + oldName + " to " + newName;
  }

  @Override public String nameFragment() {
    return "rename_" + oldName.lower() + "_" + newName.lower();
  }

  @Override public List<SchemaObject> changedObjects() {
    return List.of(SchemaObject.model(oldName), SchemaObject.model(newName));
  }

  @Override public List<Name> introducedModels() {
    return List.of(newName);
  }
}
