package dev.cairn.autodetect;

import dev.cairn.state.Field;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import java.util.Map;
import java.util.Set;

/**
 * Answers given up front on the command line, for CI: {@code --rename product.title=product.name},
 * {@code --rename shop.Product=shop.Item}, {@code --no-rename ...}, {@code --default
 * product.sku="''"} (a new NOT NULL field, or a field that becomes NOT NULL). A question with no answer here goes to {@code fallback}. Immutable.
 *
 * @param renames old -> new, each {@code [app.]model[.field]}, lower case
 * @param notRenames pairs the user said are a removal and an addition, not a rename
 * @param defaults {@code [app.]model.field} -> value
 */
public record Answers(Map<String, String> renames, Set<String> notRenames,
    Map<String, Object> defaults, Questioner fallback) implements Questioner {

  @Override public boolean isModelRenamed(ModelKey oldModel, ModelKey newModel) {
    String from = oldModel.reference().toLowerCase(java.util.Locale.ROOT);
    String to = newModel.reference().toLowerCase(java.util.Locale.ROOT);
    String fromShort = oldModel.name().lower();
    String toShort = newModel.name().lower();
    if (matches(renames, from, to) || matches(renames, fromShort, toShort)) return true;
    if (notRenames.contains(from + "=" + to) || notRenames.contains(fromShort + "=" + toShort)) {
      return false;
    }
    return fallback.isModelRenamed(oldModel, newModel);
  }

  @Override public boolean isFieldRenamed(ModelKey model, Name oldName, Name newName, Field field) {
    for (String prefix : prefixes(model)) {
      String from = prefix + oldName.lower();
      String to = prefix + newName.lower();
      if (matches(renames, from, to)) return true;
      if (notRenames.contains(from + "=" + to)) return false;
    }
    return fallback.isFieldRenamed(model, oldName, newName, field);
  }

  @Override public boolean isModelRenameGiven(ModelKey oldModel, ModelKey newModel) {
    return matches(renames, oldModel.reference().toLowerCase(java.util.Locale.ROOT),
        newModel.reference().toLowerCase(java.util.Locale.ROOT))
        || matches(renames, oldModel.name().lower(), newModel.name().lower());
  }

  @Override public boolean isFieldRenameGiven(ModelKey model, Name oldName, Name newName) {
    for (String prefix : prefixes(model)) {
      if (matches(renames, prefix + oldName.lower(), prefix + newName.lower())) return true;
    }
    return false;
  }

  @Override public Object oneOffDefault(ModelKey model, Name fieldName, Field field) {
    for (String prefix : prefixes(model)) {
      String key = prefix + fieldName.lower();
      if (defaults.containsKey(key)) return defaults.get(key);
    }
    return fallback.oneOffDefault(model, fieldName, field);
  }

  @Override public java.util.Optional<Object> notNullAlterationDefault(ModelKey model,
      Name fieldName, Field field) {
    for (String prefix : prefixes(model)) {
      String key = prefix + fieldName.lower();
      if (defaults.containsKey(key)) return java.util.Optional.of(defaults.get(key));
    }
    return fallback.notNullAlterationDefault(model, fieldName, field);
  }

  @Override public java.util.List<String> unmatchedRenames(Map<ModelKey, ModelKey> modelRenames,
      java.util.List<FieldRename> fieldRenames) {
    java.util.List<String> unmatched = new java.util.ArrayList<>();
    for (Map.Entry<String, String> r : new java.util.TreeMap<>(renames).entrySet()) {
      Answers one = new Answers(Map.of(r.getKey(), r.getValue()), Set.of(), Map.of(), fallback);
      boolean matched = modelRenames.entrySet().stream()
          .anyMatch(e -> one.isModelRenameGiven(e.getKey(), e.getValue()))
          || fieldRenames.stream()
          .anyMatch(f -> one.isFieldRenameGiven(f.model(), f.oldName(), f.newName()));
      if (!matched) unmatched.add(r.getKey() + "=" + r.getValue());
    }
    return unmatched;
  }

  /** {@code model.} and {@code app.model.}: a field may be named with or without its app. */
  private static String[] prefixes(ModelKey model) {
    String m = model.name().lower() + ".";
    return new String[] {m, model.app().toLowerCase(java.util.Locale.ROOT) + "." + m};
  }

  private static boolean matches(Map<String, String> renames, String from, String to) {
    String target = renames.get(from);
    if (target == null) return false;
    // The new name may be given with or without the app and model: product.title=name.
    return target.equals(to) || to.endsWith("." + target) || target.endsWith("." + to);
  }
}
