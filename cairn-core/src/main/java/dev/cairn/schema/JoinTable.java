package dev.cairn.schema;

import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.Identifiers;
import dev.cairn.state.ModelKey;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.OnDelete;
import dev.cairn.state.ProjectState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The join table Django makes for a ManyToManyField without {@code through}: {@code
 * <table>_<field>} with an {@code id}, a key to each side and a unique pair. A self-relation gets
 * {@code from_<model>_id} and {@code to_<model>_id}, as in Django.
 */
public final class JoinTable {
  private JoinTable() {}

  /** Whether Cairn makes and owns the join table (it does not when {@code through} names one). */
  public static boolean isAutoCreated(Field field) {
    return field.type().isManyToMany() && field.through() == null;
  }

  /** {@code db_table}, else {@code <model table>_<field>}, shortened as Django shortens it. */
  public static String tableName(ModelState model, Name fieldName, Field field) {
    return field.dbTable() != null ? field.dbTable()
        : Identifiers.truncate(model.table() + "_" + fieldName.lower());
  }

  /** The join table as a model, so that it is created, dropped and compared like any other. */
  public static ModelState model(ProjectState state, ModelState model, Name fieldName, Field field) {
    state.requireModel(ModelKey.resolve(model.app(), field.to()));
    return model(model, fieldName, field);
  }

  /**
   * The join table as a model, from the field alone: its names depend only on the two model names,
   * so a rename can compute the old join table from the old model without the old state.
   */
  public static ModelState model(ModelState model, Name fieldName, Field field) {
    ModelKey target = ModelKey.resolve(model.app(), field.to());
    String from = model.name().lower();
    String to = target.name().lower();
    if (from.equals(to)) {
      from = "from_" + from;
      to = "to_" + to;
    }
    Map<Name, Field> fields = new LinkedHashMap<>();
    fields.put(Name.of("id"), Field.of(FieldType.BIG_AUTO).primaryKey(true).build());
    fields.put(Name.of(from), relation(model.key()));
    fields.put(Name.of(to), relation(target));
    String table = tableName(model, fieldName, field);
    var unique = dev.cairn.state.Constraint.unique(pairUniqueName(table, from + "_id", to + "_id"),
        List.of(Name.of(from), Name.of(to)), null);
    return new ModelState(model.app(), Name.of(model.name().value() + "_" + fieldName.value()),
        fields, table, true, null, List.of(), List.of(unique));
  }

  /** The name of the unique constraint on a join table's two key columns. */
  public static String pairUniqueName(String table, String fromColumn, String toColumn) {
    return GeneratedNames.unique(table, List.of(fromColumn, toColumn));
  }

  /**
   * The join table {@code join} (as {@link #model} gives it) under another table name and other
   * column names (its key, then its two relations), as a through model that took it over has
   * it: the names generated for its keys, indexes and unique pair follow.
   */
  public static ModelState renamed(ModelState join, String table, List<String> columns) {
    if (columns.size() != 3) {
      throw new IllegalArgumentException("a join table has 3 columns, not " + columns);
    }
    Map<Name, Field> fields = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<Name, Field> e : join.fields().entrySet()) {
      fields.put(e.getKey(), e.getValue().toBuilder().dbColumn(columns.get(i++)).build());
    }
    List<Name> pair = List.copyOf(fields.keySet()).subList(1, 3);
    var unique = dev.cairn.state.Constraint.unique(
        pairUniqueName(table, columns.get(1), columns.get(2)), pair, null);
    return new ModelState(join.app(), join.name(), fields, table, true, null, List.of(),
        List.of(unique));
  }

  private static Field relation(ModelKey target) {
    return Field.of(FieldType.FOREIGN_KEY).to(target.reference()).onDelete(OnDelete.CASCADE).build();
  }
}
