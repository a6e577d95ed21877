package dev.cairn.schema;

import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.Index;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema a database should have once a {@link ProjectState} is migrated into it, in the form
 * {@link Dialect#introspect} reads, so that "what the migrations say" and "what the database has"
 * compare with {@code equals}.
 */
public final class ExpectedSchema {
  private ExpectedSchema() {}

  public static SchemaSnapshot of(ProjectState state, Dialect dialect) {
    Map<String, SchemaSnapshot.Table> tables = new LinkedHashMap<>();
    for (ModelState model : state.models()) {
      if (!model.managed()) continue;
      tables.put(model.table(), table(state, model, dialect));
      for (Map.Entry<Name, Field> e : model.fields().entrySet()) {
        if (JoinTable.isAutoCreated(e.getValue())) {
          ModelState join = JoinTable.model(state, model, e.getKey(), e.getValue());
          tables.put(join.table(), table(state, join, dialect));
        }
      }
    }
    return new SchemaSnapshot(tables);
  }

  private static SchemaSnapshot.Table table(ProjectState state, ModelState model, Dialect dialect) {
    String table = model.table();
    List<SchemaSnapshot.Column> columns = new ArrayList<>();
    List<String> primaryKey = new ArrayList<>();
    Set<SchemaSnapshot.ForeignKey> foreignKeys = new HashSet<>();
    Set<SchemaSnapshot.IndexDef> indexes = new HashSet<>();
    Set<String> checks = new HashSet<>();
    for (Map.Entry<Name, Field> e : model.fields().entrySet()) {
      Field f = e.getValue();
      if (!f.hasColumn()) continue;
      String column = f.column(e.getKey());
      Field typed = Relations.columnType(state, model, f);
      columns.add(new SchemaSnapshot.Column(column, dialect.introspectedType(typed),
          f.nullable() && !f.primaryKey()));
      if (f.primaryKey()) primaryKey.add(column);
      if (f.type().isForeignKey()) {
        ModelState target = state.relatedModel(model.app(), f);
        foreignKeys.add(new SchemaSnapshot.ForeignKey(column, target.table(),
            Relations.targetColumn(target, f)));
      }
      if (f.isUnique() && !f.primaryKey()) {
        indexes.add(new SchemaSnapshot.IndexDef(
            GeneratedNames.unique(table, column), List.of(column), true));
      }
      if (f.hasIndex()) {
        indexes.add(new SchemaSnapshot.IndexDef(
            GeneratedNames.index(table, column), List.of(column), false));
      }
      if (f.type().isPositive()) checks.add(GeneratedNames.check(table, column));
    }
    for (Index index : model.indexes()) {
      indexes.add(new SchemaSnapshot.IndexDef(index.name(), columns(model, index.fields()),
          index.unique()));
    }
    for (Constraint c : model.constraints()) {
      if (c.kind() == Constraint.Kind.CHECK) {
        checks.add(c.name());
      } else {
        indexes.add(new SchemaSnapshot.IndexDef(c.name(), columns(model, c.fields()), true));
      }
    }
    return new SchemaSnapshot.Table(table, columns, primaryKey, foreignKeys, indexes, checks);
  }

  private static List<String> columns(ModelState model, List<Name> fields) {
    return fields.stream().map(n -> {
      Name declared = model.declaredName(n);
      return model.requireField(declared).column(declared);
    }).toList();
  }
}
