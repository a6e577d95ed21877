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

  @Override public String describe() {
    return "Create model " + name;
  }

  ModelKey key(String app) {
    return new ModelKey(app, name);
  }
}
