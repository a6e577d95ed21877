package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.Field;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import dev.cairn.state.RefusedOperation;
import dev.cairn.state.StateException;
import java.sql.SQLException;
import java.util.List;

/**
 * Changes a field's definition: type, null, default, unique, index, length.
 *
 * @param preserveDefault {@code false} when the field's default is a one-off value for the rows
 *     that are NULL as the field becomes NOT NULL (given at the makemigrations prompt), which the
 *     model itself does not have, as in Django
 */
public record AlterField(Name modelName, Name name, Field field, boolean preserveDefault)
    implements Operation {
  public AlterField {
    requireNonNull(modelName, "modelName == null");
    requireNonNull(name, "name == null");
    requireNonNull(field, "field == null");
  }

  public AlterField(Name modelName, Name name, Field field) {
    this(modelName, name, field, true);
  }

  /** The field as the state keeps it: without a one-off default. */
  public Field stateField() {
    return preserveDefault ? field : field.toBuilder().defaultValue(null).build();
  }

  static AlterField read(ArgumentReader in) {
    return FieldArguments.read(in, AlterField::new);
  }

  @Override public void writeArguments(ArgumentWriter out) {
    FieldArguments.write(out, modelName, name, field, preserveDefault);
  }

  /**
   * Refuses a change between a column and a many-to-many, or of which field of a managed model is
   * the primary key, which no database can run: refused here, the migration that holds it fails
   * to load in every command, instead of only when {@code migrate} reaches it.
   */
  @Override public ProjectState stateForwards(String app, ProjectState before) {
    return before.withChangedModel(new ModelKey(app, modelName), m -> {
      if (m.requireField(name).type().isManyToMany() != field.type().isManyToMany()) {
        throw new RefusedOperation("field " + m.key() + "." + name + " cannot change between a"
            + " column and a many-to-many with AlterField; write RemoveField and then AddField"
            + " (makemigrations does)");
      }
      if (m.managed() && m.requireField(name).primaryKey() != field.primaryKey()) {
        throw new RefusedOperation("field " + m.key() + "." + name + (field.primaryKey()
            ? " cannot become the primary key" : " cannot stop being the primary key")
            + " with AlterField: migrate cannot change which column is a table's primary key;"
            + " make a new model with the new key and copy the rows (RunSQL or RunJava) instead");
      }
      return m.withAlteredField(name, stateField());
    });
  }

  /** A one-off default fills the NULL rows before the column refuses NULL, and goes. */
  @Override public void databaseForwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.alterField(before, before.requireModel(app, modelName), name,
        after, after.requireModel(app, modelName).withAlteredField(name, field), name);
  }

  /** Backwards is forwards from the other side, as in Django, with no one-off default. */
  @Override public void databaseBackwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.alterField(after, after.requireModel(app, modelName), name,
        before, before.requireModel(app, modelName), name);
  }

  /** A later AlterField or RemoveField of the same field makes this one moot. */
  @Override public Reduction reduce(Operation next, String app) {
    if (next instanceof AlterField a && a.targets(modelName, name)) {
      // This one's one-off value still has to fill the NULL rows if the next one refuses NULL.
      boolean keepOneOff = !preserveDefault && !a.field().nullable() && !a.field().hasDefault();
      return Reduction.replaceWith(keepOneOff ? new AlterField(modelName, name,
          a.field().toBuilder().defaultValue(field.defaultValue()).build(), false) : a);
    }
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

  @Override public String nameFragment() {
    return "alter_" + modelName.lower() + "_" + name.lower();
  }

  @Override public List<SchemaObject> changedObjects() {
    return List.of(SchemaObject.field(modelName, name));
  }
}
