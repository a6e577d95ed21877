package dev.cairn.state;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Every model of every app as the migrations applied so far describe them. Immutable: a change
 * returns a new state that shares every {@link ModelState} it did not touch, so replaying thousands
 * of operations copies only the map of references, never the models.
 */
public final class ProjectState {
  private static final ProjectState EMPTY = new ProjectState(Map.of());

  private final Map<ModelKey, ModelState> models;

  private ProjectState(Map<ModelKey, ModelState> models) {
    this.models = models;
  }

  public static ProjectState empty() {
    return EMPTY;
  }

  public Collection<ModelState> models() {
    return models.values();
  }

  public Optional<ModelState> model(ModelKey key) {
    return Optional.ofNullable(models.get(key));
  }

  public ModelState requireModel(ModelKey key) {
    ModelState m = models.get(key);
    if (m == null) throw new StateException("no model " + key + " in the migrations so far");
    return m;
  }

  public ModelState requireModel(String app, Name name) {
    return requireModel(new ModelKey(app, name));
  }

  /** The model a relation field of {@code app} points at. */
  public ModelState relatedModel(String app, Field relation) {
    return requireModel(ModelKey.resolve(app, relation.to()));
  }

  public ProjectState withModel(ModelState model) {
    if (models.containsKey(model.key())) {
      throw new StateException("model " + model.key() + " already exists");
    }
    return copyWith(m -> m.put(model.key(), model));
  }

  public ProjectState withReplacedModel(ModelState model) {
    requireModel(model.key());
    return copyWith(m -> m.put(model.key(), model));
  }

  public ProjectState withoutModel(ModelKey key) {
    requireModel(key);
    return copyWith(m -> m.remove(key));
  }

  /** Applies a change to one model and keeps the rest as they are. */
  public ProjectState withChangedModel(ModelKey key, UnaryOperator<ModelState> change) {
    return withReplacedModel(change.apply(requireModel(key)));
  }

  /**
   * Renames a model and points every relation that referred to it at the new name, as Django's
   * {@code rename_model} does.
   */
  public ProjectState withRenamedModel(ModelKey key, Name newName) {
    ModelState old = requireModel(key);
    ModelKey newKey = new ModelKey(key.app(), newName);
    if (!newKey.equals(key) && models.containsKey(newKey)) {
      throw new StateException("model " + newKey + " already exists");
    }
    Map<ModelKey, ModelState> copy = new LinkedHashMap<>();
    for (ModelState m : models.values()) {
      ModelState renamed = m.key().equals(key) ? old.withName(newName) : m;
      copy.put(renamed.key(), repointRelations(renamed, key, newKey));
    }
    return new ProjectState(Collections.unmodifiableMap(copy));
  }

  /**
   * {@code m} with every reference to {@code from} naming {@code to}: a relation's {@code to} and
   * a many-to-many's {@code through}, the only two places a field names a model.
   */
  private static ModelState repointRelations(ModelState m, ModelKey from, ModelKey to) {
    Map<Name, Field> fields = null;
    for (Map.Entry<Name, Field> e : m.fields().entrySet()) {
      Field f = e.getValue();
      boolean target = names(m, f.to(), from);
      boolean through = names(m, f.through(), from);
      if (!target && !through) continue;
      Field.Builder b = f.toBuilder();
      if (target) b.to(to.reference());
      if (through) b.through(to.reference());
      if (fields == null) fields = new LinkedHashMap<>(m.fields());
      fields.put(e.getKey(), b.build());
    }
    return fields == null ? m : m.withFields(fields);
  }

  private static boolean names(ModelState m, String reference, ModelKey model) {
    return reference != null && ModelKey.resolve(m.app(), reference).equals(model);
  }

  private ProjectState copyWith(java.util.function.Consumer<Map<ModelKey, ModelState>> change) {
    Map<ModelKey, ModelState> copy = new LinkedHashMap<>(models);
    change.accept(copy);
    return new ProjectState(Collections.unmodifiableMap(copy));
  }

  @Override public boolean equals(Object o) {
    return o instanceof ProjectState other && models.equals(other.models);
  }

  @Override public int hashCode() {
    return models.hashCode();
  }

  @Override public String toString() {
    return "ProjectState" + models.keySet();
  }
}
