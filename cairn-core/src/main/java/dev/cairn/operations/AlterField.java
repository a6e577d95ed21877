package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.Field;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import dev.cairn.state.StateException;
import java.sql.SQLException;

/** Changes a field's definition: type, null, default, unique, index, length. */
public record AlterField(Name modelName, Name name, Field field) implements Operation {
  public AlterField {
    requireNonNull(modelName, "modelName == null");
    requireNonNull(name, "name == null");
    requireNonNull(field, "field == null");
  }

  /**
   * Refuses a change between a column and a many-to-many, which no database can run: refused
   * here, the migration that holds it fails to load in every command, instead of only when
   * {@code migrate} reaches it.
   */
  @Override public ProjectState stateForwards(String app, ProjectState before) {
    return before.withChangedModel(new ModelKey(app, modelName), m -> {
      if (m.requireField(name).type().isManyToMany() != field.type().isManyToMany()) {
        throw new StateException("field " + m.key() + "." + name + " cannot change between a"
            + " column and a many-to-many with AlterField; write RemoveField and then AddField"
            + " (makemigrations does)");
      }
      return m.withAlteredField(name, field);
    });
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


  /** A later AlterField or RemoveField of the same field makes this one moot. */
  @Override public Reduction reduce(Operation next, String app) {
    if (next instanceof AlterField a && a.targets(modelName, name)) return Reduction.replaceWith(a);
    if (next instanceof RemoveField r && r.targets(modelName, name)) return Reduction.replaceWith(r);
    return Reduction.throughIf(!next.referencesField(modelName, name, app)
        && !References.disturbsTarget(next, field, app));
  }

  @Override public boolean referencesModel(Name model, String app) {
    return modelName.equals(model) || References.pointsAt(field, app, model);
  }

  @Override public boolean referencesField(Name model, Name fieldName, String app) {
    return modelName.equals(model) && name.equals(fieldName)
        || References.pointsAtField(field, app, model, fieldName);
  }

  boolean targets(Name model, Name fieldName) {
    return modelName.equals(model) && name.equals(fieldName);
  }

  @Override public String describe() {
    return "Alter field " + name + " on " + modelName;
  }
}
