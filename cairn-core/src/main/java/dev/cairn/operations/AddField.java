package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.Field;
import dev.cairn.state.ModelKey;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.List;

/**
 * Adds a column for a new field; existing rows get the field's default.
 *
 * @param preserveDefault {@code false} when the default is a one-off value for existing rows
 *     (given at the makemigrations prompt) that the model itself does not have, as in Django
 */
public record AddField(Name modelName, Name name, Field field, boolean preserveDefault)
    implements Operation {
  public AddField {
    requireNonNull(modelName, "modelName == null");
    requireNonNull(name, "name == null");
    requireNonNull(field, "field == null");
  }

  public AddField(Name modelName, Name name, Field field) {
    this(modelName, name, field, true);
  }

  /** The field as the state keeps it: without a one-off default. */
  public Field stateField() {
    return preserveDefault ? field : field.toBuilder().defaultValue(null).build();
  }

  static AddField read(ArgumentReader in) {
    return FieldArguments.read(in, AddField::new);
  }

  @Override public void writeArguments(ArgumentWriter out) {
    FieldArguments.write(out, modelName, name, field, preserveDefault);
  }

  @Override public ProjectState stateForwards(String app, ProjectState before) {
    return before.withChangedModel(new ModelKey(app, modelName), m -> m.withField(name, stateField()));
  }

  @Override public void databaseForwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    ModelState model = after.requireModel(app, modelName).withAlteredField(name, field);
    editor.addField(after, model, name);
  }

  @Override public void databaseBackwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.removeField(after, after.requireModel(app, modelName), name);
  }


  /** AddField then AlterField, RenameField or RemoveField of the same field: one AddField, or none. */
  @Override public Reduction reduce(Operation next, String app) {
    if (next instanceof AlterField a && a.targets(modelName, name) && !a.preserveDefault()) {
      // The rows get this field's default, or where it has none the alteration's one-off value.
      Object fill = field.hasDefault() ? field.defaultValue() : a.field().defaultValue();
      return Reduction.replaceWith(new AddField(modelName, name,
          a.stateField().toBuilder().defaultValue(fill).build(), false));
    }
    if (next instanceof AlterField a && a.targets(modelName, name)) {
      // A one-off default still has to fill the existing rows if the altered field has none.
      boolean keepOneOff = !preserveDefault && !a.field().hasDefault();
      Field merged = keepOneOff
          ? a.field().toBuilder().defaultValue(field.defaultValue()).build() : a.field();
      return Reduction.replaceWith(new AddField(modelName, name, merged, !keepOneOff));
    }
    if (next instanceof RenameField r && r.targets(modelName, name)) {
      return Reduction.replaceWith(new AddField(modelName, r.newName(), field, preserveDefault));
    }
    if (next instanceof RemoveField r && r.targets(modelName, name)) return Reduction.cancel();
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

  @Override public String describe() {
    return "Add field " + name + " to " + modelName;
  }

  @Override public String nameFragment() {
    return modelName.lower() + "_" + name.lower();
  }

  @Override public List<SchemaObject> changedObjects() {
    return List.of(SchemaObject.field(modelName, name));
  }

  @Override public List<SchemaObject> createdObjects() {
    return List.of(SchemaObject.field(modelName, name));
  }
}
