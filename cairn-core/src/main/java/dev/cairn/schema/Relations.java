package dev.cairn.schema;

import dev.cairn.state.Field;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.util.Map;

/**
 * What a relation field's column is: the type and the column of the key it points at. Shared by
 * the schema editors, which write the column, and {@link ExpectedSchema}, which expects it.
 */
public final class Relations {
  private Relations() {}

  /** The field with a foreign key's column typed like the key it points at. */
  public static Field columnType(ProjectState state, ModelState model, Field field) {
    if (!field.type().isForeignKey()) return field;
    ModelState target = state.relatedModel(model.app(), field);
    Field targetKey = field.toField() != null
        ? target.requireField(Name.of(field.toField()))
        : target.primaryKey().getValue();
    return keyColumnType(targetKey);
  }

  /** The type of a column that points at a key of type {@code key}: an identity's plain integer. */
  public static Field keyColumnType(Field key) {
    return Field.of(key.type().relatedColumnType()).maxLength(key.maxLength())
        .maxDigits(key.maxDigits()).decimalPlaces(key.decimalPlaces()).build();
  }

  /** The column of {@code target} a relation points at: {@code to_field}'s, else the key's. */
  public static String targetColumn(ModelState target, Field field) {
    if (field.toField() != null) {
      Name n = Name.of(field.toField());
      return target.requireField(n).column(n);
    }
    Map.Entry<Name, Field> pk = target.primaryKey();
    return pk.getValue().column(pk.getKey());
  }

  /** Whether two relations, each in its own state, point at the same table and column. */
  static boolean sameTarget(ProjectState fromState, ModelState oldModel, Field oldField,
      ProjectState toState, ModelState newModel, Field newField) {
    ModelState a = fromState.relatedModel(oldModel.app(), oldField);
    ModelState b = toState.relatedModel(newModel.app(), newField);
    return a.table().equals(b.table()) && targetColumn(a, oldField).equals(targetColumn(b, newField));
  }
}
