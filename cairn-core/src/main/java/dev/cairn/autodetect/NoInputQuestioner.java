package dev.cairn.autodetect;

import dev.cairn.state.Field;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;

/**
 * {@code --noinput}: unlike Django's, it never guesses. A rename candidate or a NOT NULL field
 * without a default stops the command with the exact flag that answers it.
 */
public final class NoInputQuestioner implements Questioner {
  @Override public boolean isModelRenamed(ModelKey oldModel, ModelKey newModel) {
    throw new NeedsAnswer("model " + oldModel + " is gone and " + newModel + " is new, with the"
        + " same fields: was it renamed? Nobody can answer with --noinput.\n"
        + "  If it was renamed, run again with --rename " + oldModel + "=" + newModel + "\n"
        + "  If not (drop the table and make a new one), run again with --no-rename "
        + oldModel + "=" + newModel);
  }

  @Override public boolean isFieldRenamed(ModelKey model, Name oldName, Name newName, Field field) {
    String m = model.name().lower();
    throw new NeedsAnswer("field " + m + "." + oldName + " is gone and " + m + "." + newName
        + " (" + field.type().withArticle() + ") is new: was it renamed? Nobody can answer with"
        + " --noinput.\n"
        + "  If it was renamed, run again with --rename " + m + "." + oldName + "=" + m + "."
        + newName + "\n"
        + "  If not (its data is dropped), run again with --no-rename " + m + "." + oldName + "="
        + m + "." + newName);
  }

  @Override public Object oneOffDefault(ModelKey model, Name fieldName, Field field) {
    String m = model.name().lower();
    throw new NeedsAnswer("field " + m + "." + fieldName + " is NOT NULL and has no default, so"
        + " the rows already in " + model + " need a value. Nobody can answer with --noinput.\n"
        + "  Give the field a default or null: true in the models, or a one-off value with"
        + " --default " + m + "." + fieldName + "=<value> (a string in quotes: \"'text'\")");
  }

  @Override public java.util.Optional<Object> notNullAlterationDefault(ModelKey model,
      Name fieldName, Field field) {
    String m = model.name().lower();
    throw new NeedsAnswer("field " + m + "." + fieldName + " becomes NOT NULL and has no"
        + " default, so the rows of " + model + " where it is NULL need a value. Nobody can"
        + " answer with --noinput.\n"
        + "  Give the field a default (or keep null: true) in the models, or a one-off value for"
        + " those rows with --default " + m + "." + fieldName + "=<value> (a string in quotes:"
        + " \"'text'\"); to fill them yourself with RunSQL instead, run makemigrations at a"
        + " terminal and answer 'Ignore for now'");
  }
}
