package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.Index;
import dev.cairn.state.ModelKey;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates a model's table, with its fields, indexes and constraints. */
public record CreateModel(Name name, Map<Name, Field> fields, ModelOptions options,
    List<Index> indexes, List<Constraint> constraints) implements Operation {

  public CreateModel {
    requireNonNull(name, "name == null");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    options = options == null ? ModelOptions.DEFAULTS : options;
    indexes = indexes == null ? List.of() : List.copyOf(indexes);
    constraints = constraints == null ? List.of() : List.copyOf(constraints);
  }

  public ModelState model(String app) {
    return new ModelState(app, name, fields, options.dbTable(), options.managed(),
        options.dbTableComment(), indexes, constraints);
  }

  static CreateModel read(ArgumentReader in) {
    Name name = in.name("name");
    Map<Name, Field> fields = in.fields("fields");
    ModelOptions options = in.has("options") ? in.options("options") : ModelOptions.DEFAULTS;
    List<Index> indexes = in.has("indexes") ? in.indexes("indexes") : List.of();
    List<Constraint> constraints = in.has("constraints") ? in.constraints("constraints") : List.of();
    return new CreateModel(name, fields, options, indexes, constraints);
  }

  @Override public void writeArguments(ArgumentWriter out) {
    out.value("name", name);
    out.fields("fields", fields);
    if (!options.equals(ModelOptions.DEFAULTS)) out.options("options", options);
    if (!indexes.isEmpty()) out.indexes("indexes", indexes);
    if (!constraints.isEmpty()) out.constraints("constraints", constraints);
  }

  @Override public ProjectState stateForwards(String app, ProjectState before) {
    return before.withModel(model(app));
  }

  @Override public void databaseForwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.createModel(after, after.requireModel(app, name));
  }

  @Override public void databaseBackwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.deleteModel(after, after.requireModel(app, name));
  }

  /**
   * CreateModel absorbs what follows on the same model (fields, indexes, constraints, its table
   * and its name), and vanishes with a DeleteModel of it. A change that does not fit the model
   * (a field it already has) is left for the state to report.
   */
  @Override public Reduction reduce(Operation next, String app) {
    if (next instanceof DeleteModel d && d.name().equals(name)) return Reduction.cancel();
    if (next instanceof RenameModel r && r.oldName().equals(name)) {
      return Reduction.replaceWith(renamedTo(app, r.newName()));
    }
    if (next instanceof AlterModelTable t && t.name().equals(name)) {
      return Reduction.replaceWith(new CreateModel(name, fields,
          new ModelOptions(t.table(), options.managed(), options.dbTableComment()), indexes, constraints));
    }
    if (next instanceof AddField a && a.modelName().equals(name) && !fields.containsKey(a.name())) {
      Map<Name, Field> copy = new LinkedHashMap<>(fields);
      copy.put(a.name(), a.stateField()); // a new table has no rows for a one-off default to fill
      return Reduction.replaceWith(withFields(copy));
    }
    if (next instanceof AlterField a && a.modelName().equals(name) && fields.containsKey(a.name())) {
      // A new table has no rows for a one-off default to fill.
      return Reduction.replaceWith(withFields(model(app).withAlteredField(a.name(), a.stateField()).fields()));
    }
    if (next instanceof RemoveField r && r.modelName().equals(name) && fields.containsKey(r.name())
        && !mentions(r.name())) {
      return Reduction.replaceWith(withFields(model(app).withoutField(r.name()).fields()));
    }
    if (next instanceof RenameField r && r.modelName().equals(name) && fields.containsKey(r.oldName())
        && (r.oldName().equals(r.newName()) || !fields.containsKey(r.newName()))) {
      return Reduction.replaceWith(of(model(app).withRenamedField(r.oldName(), r.newName())));
    }
    Reduction own = reduceIndexOrConstraint(next, app);
    if (own != null) return own;
    return Reduction.throughIf(!next.referencesModel(name, app)
        && fields.values().stream().noneMatch(f -> References.disturbsTarget(next, f, app)));
  }

  private Reduction reduceIndexOrConstraint(Operation next, String app) {
    ModelState m = model(app);
    if (next instanceof AddIndex a && a.modelName().equals(name) && m.index(a.index().name()).isEmpty()) {
      return Reduction.replaceWith(of(m.withIndex(a.index())));
    }
    if (next instanceof RemoveIndex r && r.modelName().equals(name) && m.index(r.name()).isPresent()) {
      return Reduction.replaceWith(of(m.withoutIndex(r.name())));
    }
    if (next instanceof RenameIndex r && r.modelName().equals(name) && m.index(r.oldName()).isPresent()
        && (r.oldName().equalsIgnoreCase(r.newName()) || m.index(r.newName()).isEmpty())) {
      return Reduction.replaceWith(of(r.stateForwards(app, ProjectState.empty().withModel(m))
          .requireModel(app, name)));
    }
    if (next instanceof AddConstraint a && a.modelName().equals(name)
        && m.constraint(a.constraint().name()).isEmpty()) {
      return Reduction.replaceWith(of(m.withConstraint(a.constraint())));
    }
    if (next instanceof RemoveConstraint r && r.modelName().equals(name)
        && m.constraint(r.name()).isPresent()) {
      return Reduction.replaceWith(of(m.withoutConstraint(r.name())));
    }
    return null;
  }

  /** The model as {@code newName}, its relations to itself repointed as the state's rename does. */
  private CreateModel renamedTo(String app, Name newName) {
    String reference = new ModelKey(app, newName).reference();
    Map<Name, Field> copy = new LinkedHashMap<>();
    fields.forEach((n, f) -> copy.put(n, f.to() != null
        && ModelKey.resolve(app, f.to()).equals(key(app)) ? f.withTo(reference) : f));
    return new CreateModel(newName, copy, options, indexes, constraints);
  }

  /** Whether an index or constraint may name {@code field}; SQL in a check or condition may. */
  private boolean mentions(Name field) {
    return indexes.stream().anyMatch(i -> i.fields().contains(field) || i.condition() != null)
        || constraints.stream().anyMatch(c -> c.fields().contains(field) || c.check() != null
            || c.condition() != null);
  }

  private CreateModel withFields(Map<Name, Field> newFields) {
    return new CreateModel(name, newFields, options, indexes, constraints);
  }

  private CreateModel of(ModelState m) {
    return new CreateModel(name, m.fields(), options, m.indexes(), m.constraints());
  }

  @Override public boolean referencesModel(Name model, String app) {
    return name.equals(model) || fields.values().stream().anyMatch(f -> References.pointsAt(f, app, model));
  }

  @Override public boolean referencesField(Name model, Name field, String app) {
    return name.equals(model)
        || fields.values().stream().anyMatch(f -> References.pointsAtField(f, app, model, field));
  }

  @Override public String describe() {
    return "Create model " + name;
  }

  @Override public String nameFragment() {
    return name.lower();
  }

  @Override public List<SchemaObject> changedObjects() {
    return List.of(SchemaObject.model(name));
  }

  @Override public List<SchemaObject> createdObjects() {
    return List.of(SchemaObject.model(name));
  }

  @Override public List<Name> introducedModels() {
    return List.of(name);
  }

  ModelKey key(String app) {
    return new ModelKey(app, name);
  }
}
