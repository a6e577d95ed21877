package dev.cairn.operations;

import dev.cairn.state.Field;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;

/**
 * What a relation field points at, for {@link Operation#referencesModel} and the optimizer's
 * "can optimize through" answers. Every answer errs towards "yes, it is affected".
 */
final class References {
  private References() {}

  /** Whether {@code field}, declared in {@code app}, points at {@code app.model} ({@code to} or {@code through}). */
  static boolean pointsAt(Field field, String app, Name model) {
    ModelKey target = new ModelKey(app, model);
    return resolvesTo(field.to(), app, target) || resolvesTo(field.through(), app, target);
  }

  /**
   * Whether {@code field} depends on the field {@code name} of {@code app.model}: its {@code
   * to_field}, or any field when {@code to_field} is unset (which one is the primary key is not
   * known here).
   */
  static boolean pointsAtField(Field field, String app, Name model, Name name) {
    ModelKey target = new ModelKey(app, model);
    if (resolvesTo(field.through(), app, target)) return true;
    if (!resolvesTo(field.to(), app, target)) return false;
    return field.toField() == null || Name.of(field.toField()).equals(name);
  }

  /**
   * Whether {@code next} may change what {@code field} points at: the target model's name or
   * existence, or the column the key refers to. Adding fields, indexes and constraints to the
   * target, or moving its table, leaves the relation as it is.
   */
  static boolean disturbsTarget(Operation next, Field field, String app) {
    if (next instanceof AddField || next instanceof AddIndex || next instanceof RemoveIndex
        || next instanceof RenameIndex || next instanceof AddConstraint
        || next instanceof RemoveConstraint || next instanceof AlterModelTable) {
      return false;
    }
    for (String reference : new String[] {field.to(), field.through()}) {
      if (reference == null) continue;
      ModelKey target = ModelKey.resolve(app, reference);
      // Operations of one app change only that app's models.
      if (target.app().equals(app) && next.referencesModel(target.name(), app)) return true;
    }
    return false;
  }

  private static boolean resolvesTo(String reference, String app, ModelKey target) {
    return reference != null && ModelKey.resolve(app, reference).equals(target);
  }
}
