package dev.cairn.autodetect;

import dev.cairn.state.Field;
import dev.cairn.state.ModelKey;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spells the references of one state as another state spells them, so that fields compare equal
 * when they point at the same model. Model names compare without regard to case, but a relation
 * holds its target as written: {@code shop.vendor} in a migration (as Django writes it), {@code
 * shop.Vendor} in the models, or {@code Vendor} inside its own app. Without this every such key
 * would look altered.
 */
final class ReferenceSpelling {
  private ReferenceSpelling() {}

  /**
   * {@code state} with each relation's {@code to}, {@code through} and {@code to_field} written
   * as {@code like} writes that model and field ({@code app.Model}), or, for a model {@code like}
   * lacks, as {@code state} itself declares it.
   */
  static ProjectState like(ProjectState state, ProjectState like) {
    ProjectState result = state;
    for (ModelState m : state.models()) {
      Map<Name, Field> fields = null;
      for (Map.Entry<Name, Field> e : m.fields().entrySet()) {
        Field f = e.getValue();
        if (f.to() == null) continue;
        Field spelled = spell(m.app(), f, state, like);
        if (spelled.equals(f)) continue;
        if (fields == null) fields = new LinkedHashMap<>(m.fields());
        fields.put(e.getKey(), spelled);
      }
      if (fields != null) result = result.withReplacedModel(m.withFields(fields));
    }
    return result;
  }

  private static Field spell(String app, Field f, ProjectState state, ProjectState like) {
    ModelKey target = ModelKey.resolve(app, f.to());
    ModelState spelledTarget = like.model(target).or(() -> state.model(target)).orElse(null);
    if (spelledTarget == null) return f;
    Field.Builder b = f.toBuilder().to(spelledTarget.key().reference());
    if (f.toField() != null) b.toField(spelledTarget.declaredName(Name.of(f.toField())).value());
    if (f.through() != null) {
      ModelKey through = ModelKey.resolve(app, f.through());
      like.model(through).or(() -> state.model(through))
          .ifPresent(t -> b.through(t.key().reference()));
    }
    return b.build();
  }
}
