package dev.cairn.models;

import dev.cairn.files.Suggestions;
import dev.cairn.files.YamlInput;
import dev.cairn.files.YamlNode;
import dev.cairn.files.YamlNode.Mapping;
import dev.cairn.models.ModelsFile.Declared;
import dev.cairn.state.Field;
import dev.cairn.state.ModelKey;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Points every relation of a models file at {@code app.Model} as the target model spells it, once
 * every model of the project is known, since relations cross apps and files.
 */
final class References {
  /** Close names listed in a hint; more reads as noise. */
  private static final int MAX_SUGGESTIONS = 5;
  private static final int MAX_DISTANCE = 2;

  private final Map<ModelKey, ModelState> models;

  /** @param models every model of the project, in order, with references as written */
  References(Map<ModelKey, ModelState> models) {
    this.models = models;
  }

  /** The model with {@code to}, {@code through} and {@code to_field} resolved. */
  ModelState resolve(YamlInput in, Declared declared) {
    ModelState model = declared.model();
    Map<Name, Field> fields = new LinkedHashMap<>();
    for (Map.Entry<Name, Field> e : model.fields().entrySet()) {
      Field f = e.getValue();
      Mapping node = declared.fieldNodes().get(e.getKey());
      if (f.to() != null) {
        String field = "field '" + model.name() + "." + e.getKey() + "'";
        ModelState target = target(in, model, node.get("to"), f.to(), field);
        Field.Builder b = f.toBuilder().to(target.key().reference());
        if (f.toField() != null) b.toField(toField(in, target, node.get("to_field"), f.toField(), field));
        if (f.through() != null) {
          b.through(target(in, model, node.get("through"), f.through(), "'through' of " + field)
              .key().reference());
        }
        f = b.build();
      }
      fields.put(e.getKey(), f);
    }
    return model.withFields(fields);
  }

  private ModelState target(YamlInput in, ModelState model, YamlNode at, String ref, String what) {
    if (ref.equals("self")) return model; // Django's 'self': a relation to the model itself
    int dot = ref.indexOf('.');
    if (dot == 0 || dot == ref.length() - 1 || ref.indexOf('.', dot + 1) >= 0
        || ref.chars().anyMatch(Character::isWhitespace)) {
      throw in.error(at, what + " points at '" + ref + "', which is not a model reference",
          "write Model for a model of app '" + model.app() + "', or app.Model");
    }
    ModelKey key = ModelKey.resolve(model.app(), ref);
    ModelState target = models.get(key);
    if (target == null) {
      throw in.error(at, what + " points at '" + key + "', which is not a model of any app",
          hint(key));
    }
    return target;
  }

  private String toField(YamlInput in, ModelState target, YamlNode at, String name, String what) {
    Field f = target.field(Name.of(name)).orElseThrow(() -> in.error(at, "'to_field' of " + what
        + " is '" + name + "', which model " + target.key() + " does not have",
        Suggestions.hint(name, target.fields().keySet().stream().map(Name::value).toList())));
    Name declared = target.declaredName(Name.of(name));
    if (!f.isUnique()) { // Django's fields.E311: the column a key points at must be unique
      throw in.error(at, "'to_field' of " + what + " is " + target.key() + "." + declared
          + ", which is not unique", "add unique: true to " + target.key() + "." + declared);
    }
    return declared.value();
  }

  /** The models whose name or reference is close to the one given, else all of them. */
  private String hint(ModelKey given) {
    String reference = given.reference().toLowerCase(Locale.ROOT);
    List<String> close = models.keySet().stream()
        .filter(k -> Suggestions.distance(k.name().lower(), given.name().lower()) <= MAX_DISTANCE
            || Suggestions.distance(k.reference().toLowerCase(Locale.ROOT), reference) <= MAX_DISTANCE)
        .map(ModelKey::reference).limit(MAX_SUGGESTIONS).toList();
    if (close.size() == 1) return "did you mean '" + close.get(0) + "'?";
    if (!close.isEmpty()) return "did you mean one of '" + String.join("', '", close) + "'?";
    if (models.isEmpty()) return "no app has models yet";
    List<String> all = models.keySet().stream().map(ModelKey::reference).toList();
    return "the models are " + String.join(", ", all.subList(0, Math.min(all.size(), 20)))
        + (all.size() > 20 ? ", ..." : "");
  }
}
