package dev.cairn.testing;

import dev.cairn.operations.CreateModel;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.Name;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Short builders for the fields and models that operation tests set up. */
public final class Models {
  private Models() {}

  public static Field.Builder id() {
    return Field.of(FieldType.BIG_AUTO).primaryKey(true);
  }

  public static Field.Builder chars(int maxLength) {
    return Field.of(FieldType.CHAR).maxLength(maxLength);
  }

  public static Field.Builder integer() {
    return Field.of(FieldType.INTEGER);
  }

  public static Field.Builder decimal(int digits, int places) {
    return Field.of(FieldType.DECIMAL).maxDigits(digits).decimalPlaces(places);
  }

  public static Field.Builder foreignKey(String to) {
    return Field.of(FieldType.FOREIGN_KEY).to(to);
  }

  public static Field.Builder manyToMany(String to) {
    return Field.of(FieldType.MANY_TO_MANY).to(to);
  }

  /** Fields from name, builder pairs, in order: {@code fields("id", id(), "name", chars(50))}. */
  public static Map<Name, Field> fields(Object... pairs) {
    Map<Name, Field> fields = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      Object f = pairs[i + 1];
      fields.put(Name.of((String) pairs[i]), f instanceof Field.Builder b ? b.build() : (Field) f);
    }
    return fields;
  }

  /** CreateModel with default options and no indexes or constraints. */
  public static CreateModel createModel(String name, Object... pairs) {
    return new CreateModel(Name.of(name), fields(pairs), null, List.of(), List.of());
  }

  public static Name n(String name) {
    return Name.of(name);
  }

  public static List<Name> names(String... names) {
    return java.util.Arrays.stream(names).map(Name::of).toList();
  }
}
