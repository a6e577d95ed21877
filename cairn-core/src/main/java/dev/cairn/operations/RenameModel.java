package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;

/**
 * Renames a model; its table follows unless {@code db_table} fixes it, and relations to it are
 * repointed.
 */
public record RenameModel(Name oldName, Name newName) implements Operation {
  public RenameModel {
    requireNonNull(oldName, "oldName == null");
    requireNonNull(newName, "newName == null");
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
}
