package dev.cairn.autodetect;

import dev.cairn.operations.AlterField;
import dev.cairn.state.Field;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import java.util.Optional;

/**
 * A nullable field that becomes NOT NULL without a default, as Django's autodetector treats it:
 * the rows that are NULL need a value, so the questioner is asked for a one-off one, written as
 * AlterField with {@code preserve_default: false} (it fills those rows and never enters the
 * state), or for none (the user fills them, or the migration fails on them).
 */
final class NotNullAlteration {
  private NotNullAlteration() {}

  /** The AlterField that takes {@code model}'s field {@code name} from {@code before} to {@code after}. */
  static AlterField of(Questioner questioner, ModelState model, Name modelName, Name name,
      Field before, Field after) {
    if (!isAsked(model, before, after)) return new AlterField(modelName, name, after);
    Optional<Object> value = questioner.notNullAlterationDefault(model.key(), name, after);
    return value.map(v -> new AlterField(modelName, name,
            after.toBuilder().defaultValue(v).build(), false))
        .orElseGet(() -> new AlterField(modelName, name, after));
  }

  /** Django's condition; a table Cairn does not manage has no rows of Cairn's to fill. */
  private static boolean isAsked(ModelState model, Field before, Field after) {
    return before.hasColumn() && after.hasColumn() && before.nullable() && !after.nullable()
        && !after.hasDefault() && after.dbDefault() == null && !after.primaryKey()
        && model.managed();
  }
}
