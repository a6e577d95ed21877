package dev.cairn.schema;

import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.Index;
import dev.cairn.state.ModelKey;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The indexes and constraints a field implies ({@code unique}, {@code db_index}, foreign keys,
 * Positive* checks) as the schema editor drops and renames them: under the names Cairn and Django
 * generate, or, on a live connection, under the names the database has.
 */
final class FieldObjects {
  /** Said on a statement that names an object by the name Cairn gives it, found without a database. */
  static final String GENERATED_NAME_NOTE =
      "%s: the name Cairn and Django generate; migrate finds the name the database has";

  /** The table and column a foreign key points at. */
  record KeyTarget(String table, String column) {}

  private final Dialect dialect;
  private final Ddl ddl;
  private final StatementSink sink;

  FieldObjects(Dialect dialect, Ddl ddl, StatementSink sink) {
    this.dialect = dialect;
    this.ddl = ddl;
    this.sink = sink;
  }

  /**
   * Where {@code field} of {@code model} points, or {@code null} for a field that is no key. The
   * target is read from {@code state}, except {@code renamed}, an older form of a model that
   * {@code state} holds under another name or table.
   */
  static KeyTarget keyTarget(ProjectState state, ModelState model, Field field,
      ModelState renamed) {
    if (!field.type().isForeignKey()) return null;
    ModelKey key = ModelKey.resolve(model.app(), field.to());
    ModelState target = renamed != null && renamed.key().equals(key) ? renamed
        : state.requireModel(key);
    return new KeyTarget(target.table(), Relations.targetColumn(target, field));
  }

  /** Drops the foreign key on {@code column}, which points at {@code target}. */
  void dropForeignKey(ModelState model, String table, String column, KeyTarget target)
      throws SQLException {
    dropImplied(model, table, column, TableObject.Kind.FOREIGN_KEY,
        GeneratedNames.foreignKey(table, column, target.table(), target.column()));
  }

  /**
   * Drops the objects of {@code kind} a field implies on {@code column}: on a live connection the
   * ones the database has there, whatever their names, as Django's schema editor finds them
   * ({@code _constraint_names}: by table, columns and kind, the model's own indexes and
   * constraints left out); without one, the one named {@code generated}.
   */
  void dropImplied(ModelState model, String table, String column, TableObject.Kind kind,
      String generated) throws SQLException {
    Optional<List<TableObject>> found = existing(model, table, List.of(column), kind);
    if (found.isEmpty()) {
      dropObject(table, generated, kind, kind != TableObject.Kind.INDEX,
          sink.connection().isEmpty() ? String.format(GENERATED_NAME_NOTE, generated) : null);
      return;
    }
    for (TableObject o : found.get()) dropObject(table, o.name(), kind, o.isConstraint(), null);
  }

  /**
   * Renames the object of {@code kind} a field implies on {@code columns} to the name Cairn
   * generates, {@code to}: from the name the database has on a live connection, else from the
   * name Cairn generated before, {@code from}. Where the database has several (an index and
   * Django's {@code _like} index) or none, they keep their names: lookups find them by columns.
   */
  void renameImplied(ModelState model, String table, List<String> columns, TableObject.Kind kind,
      String from, String to) throws SQLException {
    Optional<List<TableObject>> found = existing(model, table, columns, kind);
    boolean isConstraint = kind != TableObject.Kind.INDEX;
    String note = null;
    if (found.isPresent()) {
      List<TableObject> plain = found.get().stream().filter(o -> !o.patternOps()).toList();
      if (plain.size() != 1) return;
      from = plain.get(0).name();
      isConstraint = plain.get(0).isConstraint();
    } else if (sink.connection().isEmpty() && !from.equals(to)) {
      note = String.format(GENERATED_NAME_NOTE, from);
    }
    if (from.equals(to)) return;
    if (isConstraint && !dialect.features().has(Feature.RENAME_CONSTRAINT)) {
      renameWithoutRenameConstraint(table, columns, kind, from, to, note);
      return;
    }
    SqlStatement rename = isConstraint ? ddl.renameConstraint(table, from, to)
        : ddl.renameIndex(table, from, to);
    sink.accept(rename.withComment(note));
  }

  /** Renames a join table's unique pair of columns after its table or columns were renamed. */
  void renameUniquePairs(ModelState oldJoin, ModelState newJoin) throws SQLException {
    for (int i = 0; i < newJoin.constraints().size(); i++) {
      Constraint pair = newJoin.constraints().get(i);
      renameImplied(newJoin, newJoin.table(), columns(newJoin, pair.fields()),
          TableObject.Kind.UNIQUE, oldJoin.constraints().get(i).name(), pair.name());
    }
  }

  /** The columns of {@code model}'s fields {@code fields}, in order. */
  static List<String> columns(ModelState model, List<Name> fields) {
    List<String> columns = new ArrayList<>();
    for (Name n : fields) {
      Name declared = model.declaredName(n);
      columns.add(model.requireField(declared).column(declared));
    }
    return columns;
  }

  /**
   * Where no constraint can be renamed (MySQL, MariaDB): a unique constraint is an index, renamed
   * as one; a field's check is dropped and added under its new name; a foreign key keeps its
   * name, as Django leaves it, since lookups find it by its column.
   */
  private void renameWithoutRenameConstraint(String table, List<String> columns,
      TableObject.Kind kind, String from, String to, String note) throws SQLException {
    switch (kind) {
      case UNIQUE -> sink.accept(ddl.renameIndex(table, from, to).withComment(note));
      case CHECK -> {
        sink.accept(ddl.dropCheck(table, from).withComment(note));
        sink.accept(ddl.addPositiveCheck(table, columns.get(0)));
      }
      default -> { }
    }
  }

  /**
   * Drops the {@code *_pattern_ops} indexes Django makes on PostgreSQL beside a varchar or text
   * column's index ({@code _like}): they go with the index or unique constraint they serve, and
   * cannot stay on a column that is no longer text. Cairn makes none, so only a live database
   * can have them.
   */
  void dropPatternIndexes(String table, String column) throws SQLException {
    Optional<List<TableObject>> found = existing(null, table, List.of(column), TableObject.Kind.INDEX);
    if (found.isEmpty()) return;
    for (TableObject o : found.get()) {
      if (o.patternOps()) dropObject(table, o.name(), TableObject.Kind.INDEX, false, null);
    }
  }

  /**
   * Keeps the generated names of a column's indexes and constraints in step with a rename of the
   * column or table, so that the schema says what the state says; {@code model} is the model (or
   * join table) after the rename.
   */
  void renameGenerated(ModelState model, String oldTable, String oldColumn, Field oldField,
      KeyTarget oldTarget, String newTable, String newColumn, Field newField, KeyTarget newTarget)
      throws SQLException {
    List<String> columns = List.of(newColumn);
    if (oldTarget != null && newTarget != null) {
      renameImplied(model, newTable, columns, TableObject.Kind.FOREIGN_KEY,
          GeneratedNames.foreignKey(oldTable, oldColumn, oldTarget.table(), oldTarget.column()),
          GeneratedNames.foreignKey(newTable, newColumn, newTarget.table(), newTarget.column()));
    }
    if (oldField.isUnique() && !oldField.primaryKey() && newField.isUnique()) {
      renameImplied(model, newTable, columns, TableObject.Kind.UNIQUE,
          GeneratedNames.unique(oldTable, oldColumn), GeneratedNames.unique(newTable, newColumn));
    }
    if (oldField.hasIndex() && newField.hasIndex()) {
      renameImplied(model, newTable, columns, TableObject.Kind.INDEX,
          GeneratedNames.index(oldTable, oldColumn), GeneratedNames.index(newTable, newColumn));
    }
    if (oldField.type().isPositive() && newField.type().isPositive()) {
      renameImplied(model, newTable, columns, TableObject.Kind.CHECK,
          GeneratedNames.check(oldTable, oldColumn), GeneratedNames.check(newTable, newColumn));
    }
  }

  /**
   * The objects of {@code kind} over exactly {@code columns} of {@code table} that the live
   * database has, leaving out those {@code model} declares as its own indexes and constraints;
   * empty when only collecting, or where the dialect never needs to look.
   */
  private Optional<List<TableObject>> existing(ModelState model, String table,
      List<String> columns, TableObject.Kind kind) throws SQLException {
    if (!dialect.features().has(Feature.LOOKS_UP_OBJECT_NAMES)) return Optional.empty();
    Optional<Connection> c = sink.connection();
    if (c.isEmpty()) return Optional.empty();
    Set<String> declared = new HashSet<>();
    if (model != null) {
      for (Index i : model.indexes()) declared.add(i.name());
      for (Constraint k : model.constraints()) declared.add(k.name());
    }
    List<TableObject> all = dialect.tableObjects(c.get(), table).orElse(List.of());
    return Optional.of(all.stream().filter(o -> o.kind() == kind && o.columns().equals(columns)
        && !declared.contains(o.name())).toList());
  }

  /** Drops one object: an index, or a table constraint of {@code kind}. */
  private void dropObject(String table, String name, TableObject.Kind kind, boolean isConstraint,
      String comment) throws SQLException {
    SqlStatement drop = !isConstraint ? ddl.dropIndex(table, name) : switch (kind) {
      case FOREIGN_KEY -> ddl.dropForeignKey(table, name);
      case UNIQUE -> ddl.dropUnique(table, name);
      case CHECK -> ddl.dropCheck(table, name);
      case INDEX -> ddl.dropIndex(table, name);
      case PRIMARY_KEY -> throw new IllegalArgumentException("a field implies no primary key: " + name);
    };
    sink.accept(drop.withComment(comment));
  }
}
