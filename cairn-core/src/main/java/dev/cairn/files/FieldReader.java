package dev.cairn.files;

import dev.cairn.files.YamlNode.Entry;
import dev.cairn.files.YamlNode.Mapping;
import dev.cairn.files.YamlNode.Scalar;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.Index;
import dev.cairn.state.Name;
import dev.cairn.state.OnDelete;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads fields, indexes and constraints, written as Django writes them, and checks their options.
 * Migration files and models files share it, so that both accept exactly the same fields.
 */
public final class FieldReader {
  /** Every key a field may have, in the order the writer puts them. */
  static final List<String> FIELD_KEYS = List.of("type", "max_length", "max_digits",
      "decimal_places", "to", "to_field", "on_delete", "db_table", "through", "null", "default",
      "db_default", "unique", "db_index", "db_column", "primary_key", "db_comment");
  static final List<String> INDEX_KEYS = List.of("name", "fields", "unique", "condition");
  static final List<String> UNIQUE_KEYS = List.of("type", "name", "fields", "condition");
  static final List<String> CHECK_KEYS = List.of("type", "name", "check");
  private static final List<String> CONSTRAINT_TYPES =
      Arrays.stream(Constraint.Kind.values()).map(Constraint.Kind::djangoName).toList();
  private static final List<String> ON_DELETE =
      Arrays.stream(OnDelete.values()).map(OnDelete::name).toList();

  private final YamlInput in;

  public FieldReader(YamlInput in) {
    this.in = in;
  }

  /** @param where the field for messages: "AddField 'price'" */
  public Field field(YamlNode node, String where) {
    Mapping m = in.mapping(node, "the field in " + where);
    in.checkKeys(m, FIELD_KEYS, "field option", where);
    YamlNode typeNode = in.require(m, "type", where, "add a type, e.g. {type: CharField, max_length: 100}");
    String typeName = in.name(typeNode, "'type' in " + where);
    FieldType type = FieldType.byName(typeName).orElseThrow(() -> in.error(typeNode,
        "unknown field type '" + typeName + "' in " + where,
        Suggestions.hint(typeName, new TreeSet<>(FieldType.names()))));

    Field.Builder b = Field.of(type);
    for (Entry e : m.entries().values()) {
      YamlNode v = e.value();
      String what = "'" + e.key() + "' in " + where;
      switch (e.key()) {
        case "type" -> { }
        case "null" -> b.nullable(in.bool(v, what));
        case "default" -> b.defaultValue(constant(v, what));
        case "db_default" -> b.dbDefault(sqlText(v, what));
        case "unique" -> b.unique(in.bool(v, what));
        case "db_index" -> b.dbIndex(in.bool(v, what));
        case "db_column" -> b.dbColumn(in.name(v, what));
        case "primary_key" -> b.primaryKey(in.bool(v, what));
        case "max_length" -> b.maxLength(atLeast(1, v, what));
        case "max_digits" -> b.maxDigits(atLeast(1, v, what));
        case "decimal_places" -> b.decimalPlaces(atLeast(0, v, what));
        case "to" -> b.to(in.name(v, what));
        case "to_field" -> b.toField(in.name(v, what));
        case "on_delete" -> b.onDelete(onDelete(v, where));
        case "db_table" -> b.dbTable(in.name(v, what));
        case "through" -> b.through(in.name(v, what));
        case "db_comment" -> b.dbComment(in.string(v, what));
        default -> throw new AssertionError(e.key()); // checkKeys let it through
      }
    }
    Field f = b.build();
    checkApplies(m, type, where);
    checkRequired(m, f, where);
    return f;
  }

  /** Options that mean nothing for the type are errors, so that a typo'd type does not hide. */
  private void checkApplies(Mapping m, FieldType type, String where) {
    for (Entry e : m.entries().values()) {
      boolean applies = switch (e.key()) {
        case "max_length" -> type.hasMaxLength() || type == FieldType.BINARY;
        case "max_digits", "decimal_places" -> type == FieldType.DECIMAL;
        case "to" -> type.isForeignKey() || type.isManyToMany();
        case "to_field", "on_delete" -> type.isForeignKey();
        case "db_table", "through" -> type.isManyToMany();
        case "db_column", "null", "default", "db_default", "unique", "db_index", "primary_key" ->
            !type.isManyToMany();
        default -> true;
      };
      if (!applies) {
        throw in.error(e.line(), "'" + e.key() + "' does not apply to " + type.djangoName()
            + " in " + where, "remove it, or check the type");
      }
    }
  }

  private void checkRequired(Mapping m, Field f, String where) {
    String type = f.type().djangoName();
    if (f.type() == FieldType.CHAR && f.maxLength() == null) {
      throw in.error(m, "CharField needs max_length in " + where,
          "add max_length, e.g. {type: CharField, max_length: 255}, or use TextField");
    }
    if (f.type() == FieldType.DECIMAL) {
      if (f.maxDigits() == null || f.decimalPlaces() == null) {
        throw in.error(m, "DecimalField needs max_digits and decimal_places in " + where,
            "add both, e.g. {type: DecimalField, max_digits: 8, decimal_places: 2}");
      }
      if (f.decimalPlaces() > f.maxDigits()) {
        throw in.error(m.entries().get("decimal_places").line(), "decimal_places ("
            + f.decimalPlaces() + ") is greater than max_digits (" + f.maxDigits() + ") in " + where,
            "max_digits counts all digits, including the decimal places");
      }
    }
    if ((f.type().isForeignKey() || f.type().isManyToMany()) && f.to() == null) {
      throw in.error(m, type + " needs 'to' in " + where, "add the model it points at, e.g. to: shop.Category");
    }
    if (f.type().isForeignKey() && f.onDelete() == null) {
      throw in.error(m, type + " needs 'on_delete' in " + where,
          "add one of " + String.join(", ", ON_DELETE) + ", e.g. on_delete: CASCADE");
    }
  }

  private int atLeast(int min, YamlNode v, String what) {
    int n = in.integer(v, what);
    if (n < min) throw in.error(v, what + " must be at least " + min + ", not " + n, null);
    return n;
  }

  private OnDelete onDelete(YamlNode v, String where) {
    String s = in.name(v, "'on_delete' in " + where);
    return OnDelete.byName(s).orElseThrow(() ->
        in.error(v, "unknown on_delete '" + s + "' in " + where, Suggestions.hint(s, ON_DELETE)));
  }

  /** A constant for {@code default}: a string, number or boolean, kept as written. */
  private Object constant(YamlNode v, String what) {
    if (v instanceof Scalar s && s.value() != null) return s.value();
    throw in.error(v, what + " must be a string, number or boolean, not " + v.describe(),
        v instanceof Scalar ? "leave 'default' out for no default" : "a default is a single constant");
  }

  /** SQL text; a bare number ({@code db_default: 0}) is taken as the SQL it spells. */
  private String sqlText(YamlNode v, String what) {
    if (v instanceof Scalar s && s.value() instanceof BigDecimal d) return d.toPlainString();
    if (v instanceof Scalar s && s.value() instanceof Number n && !(n instanceof Double)) {
      return n.toString();
    }
    return in.name(v, what);
  }

  /** @param where "AddIndex on 'product'" */
  public Index index(YamlNode node, String where) {
    Mapping m = in.mapping(node, "the index in " + where);
    in.checkKeys(m, INDEX_KEYS, "index option", where);
    String name = in.name(in.require(m, "name", where, "give the index a name"), "'name' in " + where);
    String in2 = "index '" + name + "' in " + where;
    List<Name> fields = names(in.require(m, "fields", in2, "list the fields it covers, e.g. fields: [name]"),
        "'fields' of " + in2);
    boolean unique = m.has("unique") && in.bool(m.get("unique"), "'unique' of " + in2);
    String condition = m.has("condition") ? in.name(m.get("condition"), "'condition' of " + in2) : null;
    return new Index(name, fields, unique, condition);
  }

  /** @param where "AddConstraint on 'product'" */
  public Constraint constraint(YamlNode node, String where) {
    Mapping m = in.mapping(node, "the constraint in " + where);
    YamlNode typeNode = in.require(m, "type", where, "add type: UniqueConstraint or type: CheckConstraint");
    String type = in.name(typeNode, "'type' in " + where);
    if (!CONSTRAINT_TYPES.contains(type)) {
      throw in.error(typeNode, "unknown constraint type '" + type + "' in " + where,
          Suggestions.hint(type, CONSTRAINT_TYPES));
    }
    boolean unique = type.equals(Constraint.Kind.UNIQUE.djangoName());
    in.checkKeys(m, unique ? UNIQUE_KEYS : CHECK_KEYS, "option of " + type, where);
    String name = in.name(in.require(m, "name", where, "give the constraint a name"), "'name' in " + where);
    String in2 = type + " '" + name + "' in " + where;
    if (unique) {
      List<Name> fields = names(in.require(m, "fields", in2, "list the fields, e.g. fields: [name, category]"),
          "'fields' of " + in2);
      String condition = m.has("condition") ? in.name(m.get("condition"), "'condition' of " + in2) : null;
      return Constraint.unique(name, fields, condition);
    }
    YamlNode check = in.require(m, "check", in2, "add the SQL condition, e.g. check: price >= 0");
    return Constraint.check(name, in.name(check, "'check' of " + in2));
  }

  /** A non-empty list of field names. */
  public List<Name> names(YamlNode node, String what) {
    List<Name> names = new ArrayList<>();
    for (YamlNode item : in.sequence(node, what).items()) names.add(Name.of(in.name(item, "an item of " + what)));
    if (names.isEmpty()) throw in.error(node, what + " is empty", "list at least one field");
    return names;
  }
}
