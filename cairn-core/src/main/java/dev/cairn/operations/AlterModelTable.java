package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.List;

/** Moves a model to another table name ({@code null} returns to the default name). */
public record AlterModelTable(Name name, String table) implements Operation {
  public AlterModelTable {
    requireNonNull(name, "name == null");
  }

  static AlterModelTable read(ArgumentReader in) {
    return new AlterModelTable(in.name("name"), in.optionalString("table"));
  }

  @Override public void writeArguments(ArgumentWriter out) {
    out.value("name", name);
    out.value("table", table);
  }

  @Override public ProjectState stateForwards(String app, ProjectState before) {
    return before.withChangedModel(new ModelKey(app, name), m -> m.withDbTable(table));
  }

  @Override public void databaseForwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.alterDbTable(after, before.requireModel(app, name), after.requireModel(app, name));
  }

  @Override public void databaseBackwards(SchemaEditor editor, String app, ProjectState before,
      ProjectState after) throws SQLException {
    editor.alterDbTable(before, after.requireModel(app, name), before.requireModel(app, name));
  }


  /** A later AlterModelTable or DeleteModel of the same model makes this one moot. */
  @Override public Reduction reduce(Operation next, String app) {
    if (next instanceof AlterModelTable t && t.name().equals(name)) return Reduction.replaceWith(t);
    if (next instanceof DeleteModel d && d.name().equals(name)) return Reduction.replaceWith(d);
    return Reduction.throughIf(!next.referencesModel(name, app));
  }

  @Override public boolean referencesModel(Name model, String app) {
    return name.equals(model);
  }

  @Override public String describe() {
    return "Rename table for " + name + " to " + (table == null ? "(default)" : table);
  }

  @Override public String nameFragment() {
    return "alter_" + name.lower() + "_table";
  }

  @Override public List<SchemaObject> changedObjects() {
    return List.of(SchemaObject.model(name));
  }
}
