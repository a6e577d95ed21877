package dev.cairn.state;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One model as the migrations describe it: its fields in order, its table options, indexes and
 * constraints. Immutable: every change returns a new value that shares what it did not touch.
 *
 * @param dbTable the table name given explicitly, or {@code null} for Django's {@code
 *     <app>_<model>}
 * @param managed {@code false} for a table Cairn never creates or alters
 */
public record ModelState(
    String app,
    Name name,
    Map<Name, Field> fields,
    String dbTable,
    boolean managed,
    String dbTableComment,
    List<Index> indexes,
    List<Constraint> constraints) {

  public ModelState {
    requireNonNull(app, "app == null");
    requireNonNull(name, "name == null");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    indexes = List.copyOf(indexes);
    constraints = List.copyOf(constraints);
  }

  public static ModelState of(String app, String name, Map<Name, Field> fields) {
    return new ModelState(app, Name.of(name), fields, null, true, null, List.of(), List.of());
  }

  public ModelKey key() {
    return new ModelKey(app, name);
  }

  /**
   * The table: {@code db_table} when given, else {@code <app>_<model name in lower case>},
   * shortened as Django shortens it when longer than {@link Identifiers#MAX_BYTES}.
   */
  public String table() {
    return dbTable != null ? dbTable
        : Identifiers.truncate(app.toLowerCase(java.util.Locale.ROOT) + "_" + name.lower());
  }

  public Optional<Field> field(Name fieldName) {
    return Optional.ofNullable(fields.get(fieldName));
  }

  public Field requireField(Name fieldName) {
    Field f = fields.get(fieldName);
    if (f == null) {
      throw new StateException("model " + key() + " has no field '" + fieldName + "'");
    }
    return f;
  }

  /** The spelling of a field name as the model declares it. */
  public Name declaredName(Name fieldName) {
    for (Name n : fields.keySet()) if (n.equals(fieldName)) return n;
    return fieldName;
  }

  /** The primary key's name and field: the one marked {@code primary_key}, else {@code id}. */
  public Map.Entry<Name, Field> primaryKey() {
    for (Map.Entry<Name, Field> e : fields.entrySet()) {
      if (e.getValue().primaryKey()) return e;
    }
    throw new StateException("model " + key() + " has no primary key field");
  }

  public Optional<Index> index(String indexName) {
    return indexes.stream().filter(i -> i.name().equalsIgnoreCase(indexName)).findFirst();
  }

  public Optional<Constraint> constraint(String constraintName) {
    return constraints.stream().filter(c -> c.name().equalsIgnoreCase(constraintName)).findFirst();
  }

  public ModelState withName(Name newName) {
    return new ModelState(app, newName, fields, dbTable, managed, dbTableComment, indexes, constraints);
  }

  public ModelState withDbTable(String table) {
    return new ModelState(app, name, fields, table, managed, dbTableComment, indexes, constraints);
  }

  public ModelState withFields(Map<Name, Field> newFields) {
    return new ModelState(app, name, newFields, dbTable, managed, dbTableComment, indexes, constraints);
  }

  public ModelState withField(Name fieldName, Field field) {
    if (fields.containsKey(fieldName)) {
      throw new StateException("model " + key() + " already has a field '" + fieldName + "'");
    }
    Map<Name, Field> copy = new LinkedHashMap<>(fields);
    copy.put(fieldName, field);
    return withFields(copy);
  }

  public ModelState withAlteredField(Name fieldName, Field field) {
    requireField(fieldName);
    Map<Name, Field> copy = new LinkedHashMap<>();
    fields.forEach((n, f) -> copy.put(n, n.equals(fieldName) ? field : f));
    return withFields(copy);
  }

  public ModelState withoutField(Name fieldName) {
    requireField(fieldName);
    Map<Name, Field> copy = new LinkedHashMap<>(fields);
    copy.remove(fieldName);
    return withFields(copy);
  }

  /** Renames a field in place, and in the indexes and constraints that name it. */
  public ModelState withRenamedField(Name oldName, Name newName) {
    requireField(oldName);
    if (!oldName.equals(newName) && fields.containsKey(newName)) {
      throw new StateException("model " + key() + " already has a field '" + newName + "'");
    }
    Map<Name, Field> copy = new LinkedHashMap<>();
    fields.forEach((n, f) -> copy.put(n.equals(oldName) ? newName : n, f));
    UnaryOperator<List<Name>> rename =
        names -> names.stream().map(n -> n.equals(oldName) ? newName : n).toList();
    List<Index> newIndexes = indexes.stream().map(i -> i.withFields(rename.apply(i.fields()))).toList();
    List<Constraint> newConstraints =
        constraints.stream().map(c -> c.withFields(rename.apply(c.fields()))).toList();
    return new ModelState(app, name, copy, dbTable, managed, dbTableComment, newIndexes, newConstraints);
  }

  public ModelState withIndexes(List<Index> newIndexes) {
    return new ModelState(app, name, fields, dbTable, managed, dbTableComment, newIndexes, constraints);
  }

  public ModelState withConstraints(List<Constraint> newConstraints) {
    return new ModelState(app, name, fields, dbTable, managed, dbTableComment, indexes, newConstraints);
  }

  public ModelState withIndex(Index index) {
    if (index(index.name()).isPresent()) {
      throw new StateException("model " + key() + " already has an index '" + index.name() + "'");
    }
    List<Index> copy = new ArrayList<>(indexes);
    copy.add(index);
    return withIndexes(copy);
  }

  public ModelState withoutIndex(String indexName) {
    if (index(indexName).isEmpty()) {
      throw new StateException("model " + key() + " has no index '" + indexName + "'");
    }
    return withIndexes(indexes.stream().filter(i -> !i.name().equalsIgnoreCase(indexName)).toList());
  }

  public ModelState withConstraint(Constraint constraint) {
    if (constraint(constraint.name()).isPresent()) {
      throw new StateException(
          "model " + key() + " already has a constraint '" + constraint.name() + "'");
    }
    List<Constraint> copy = new ArrayList<>(constraints);
    copy.add(constraint);
    return withConstraints(copy);
  }

  public ModelState withoutConstraint(String constraintName) {
    if (constraint(constraintName).isEmpty()) {
      throw new StateException("model " + key() + " has no constraint '" + constraintName + "'");
    }
    return withConstraints(
        constraints.stream().filter(c -> !c.name().equalsIgnoreCase(constraintName)).toList());
  }
}
