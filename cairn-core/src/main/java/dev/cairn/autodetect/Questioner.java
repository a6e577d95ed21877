package dev.cairn.autodetect;

import dev.cairn.state.Field;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;

/**
 * Answers the questions {@code makemigrations} cannot answer alone, as Django's questioner does:
 * at a prompt, or from answers given up front ({@code --rename}, {@code --default}).
 */
public interface Questioner {
  /** "Was the model shop.Product renamed to Item?" */
  boolean isModelRenamed(ModelKey oldModel, ModelKey newModel);

  /** "Was product.title renamed to product.name (a CharField)?" */
  boolean isFieldRenamed(ModelKey model, Name oldName, Name newName, Field field);

  /**
   * Whether the rename was answered before any question ({@code --rename}): it is honoured even
   * where the definitions differ too much for makemigrations to suggest it.
   */
  default boolean isModelRenameGiven(ModelKey oldModel, ModelKey newModel) {
    return false;
  }

  /** Whether the field rename was answered before any question ({@code --rename}). */
  default boolean isFieldRenameGiven(ModelKey model, Name oldName, Name newName) {
    return false;
  }

  /** A field rename makemigrations writes: {@code model} by its new name. */
  record FieldRename(ModelKey model, Name oldName, Name newName) {}

  /**
   * The renames answered up front that none of the renames written matches, spelt as given
   * ({@code old=new}): makemigrations refuses them rather than let the user believe their data
   * is kept. By default none (nothing is answered up front).
   */
  default java.util.List<String> unmatchedRenames(java.util.Map<ModelKey, ModelKey> modelRenames,
      java.util.List<FieldRename> fieldRenames) {
    return java.util.List.of();
  }

  /**
   * A one-off value for existing rows of a NOT NULL field added without a default: a string,
   * number or boolean. Throws {@link NeedsAnswer} when there is nobody to ask.
   */
  Object oneOffDefault(ModelKey model, Name fieldName, Field field);

  /**
   * A nullable field becomes NOT NULL without a default (Django's {@code
   * ask_not_null_alteration}): a one-off value for the rows that are NULL, or empty to leave
   * them to the user (a RunSQL that fills them; until then the migration fails on them). Throws
   * {@link NeedsAnswer} to quit, or when there is nobody to ask. By default, the answer to
   * {@link #oneOffDefault}.
   */
  default java.util.Optional<Object> notNullAlterationDefault(ModelKey model, Name fieldName,
      Field field) {
    return java.util.Optional.of(oneOffDefault(model, fieldName, field));
  }
}
