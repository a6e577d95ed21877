package dev.cairn.autodetect;

import dev.cairn.operations.AddConstraint;
import dev.cairn.operations.AddField;
import dev.cairn.operations.AddIndex;
import dev.cairn.operations.AlterField;
import dev.cairn.operations.AlterModelTable;
import dev.cairn.operations.CreateModel;
import dev.cairn.operations.DeleteModel;
import dev.cairn.operations.ModelOptions;
import dev.cairn.operations.Operation;
import dev.cairn.operations.RemoveConstraint;
import dev.cairn.operations.RemoveField;
import dev.cairn.operations.RemoveIndex;
import dev.cairn.operations.RenameField;
import dev.cairn.operations.RenameIndex;
import dev.cairn.operations.RenameModel;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.Index;
import dev.cairn.state.ModelKey;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds what changed between the state the migrations build ({@code from}) and the state the
 * models describe ({@code to}), and the operations that take one to the other, as Django's
 * autodetector does. Renames are settled first (asking the {@link Questioner}) so that everything
 * after compares like with like.
 *
 * <p>Within an app the operations come in an order that always applies: renames, removed indexes
 * and constraints, created models (referenced ones first), table renames, removed, added and
 * altered fields, deleted models (referencing ones first), then new indexes and constraints.
 */
public final class Autodetector {
  private final ProjectState from;
  private final ProjectState to;
  private final Set<String> apps;
  private final Questioner questioner;
  private final Map<String, List<Change>> changes = new LinkedHashMap<>();
  /** Per app, the field renames: they go after the removed indexes and constraints. */
  private final Map<String, List<Change>> renamedFields = new LinkedHashMap<>();
  /** The state with models renamed but no field renamed yet, where an app's field changes start. */
  private ProjectState beforeFieldRenames;
  /** The renames written, to find the answers given up front that matched none. */
  private final Map<ModelKey, ModelKey> honouredModelRenames = new LinkedHashMap<>();
  private final List<Questioner.FieldRename> honouredFieldRenames = new ArrayList<>();

  /** @param apps the apps whose models the source describes; others are left alone */
  public Autodetector(ProjectState from, ProjectState to, Collection<String> apps,
      Questioner questioner) {
    this.to = ReferenceSpelling.like(to, to);
    this.from = ReferenceSpelling.like(from, this.to);
    this.apps = new LinkedHashSet<>(apps);
    this.questioner = questioner;
  }

  /** The changes per app, in apply order; apps without changes are absent. */
  public Map<String, List<Change>> detect() {
    ProjectState current = detectRenamedModels(from);
    StaleColumnReferences.check(current, to, apps);
    current = new ThroughChanges(to, apps, this::add).apply(current);
    beforeFieldRenames = current;
    current = detectRenamedFields(current);
    List<String> unmatched = questioner.unmatchedRenames(honouredModelRenames, honouredFieldRenames);
    if (!unmatched.isEmpty()) {
      throw new RefusedChange(null, "--rename " + String.join(", --rename ", unmatched)
          + (unmatched.size() == 1 ? " matches" : " match") + " no rename: no model or field"
          + " in the migrations with that old name that the models have under that new name (a"
          + " field is named by its model's new name). Nothing was written, so no data is"
          + " dropped by mistake.\n"
          + "  Check the spelling against the models, or drop the flag (a rename already in the"
          + " migrations needs none).");
    }
    Set<String> circularApps = CircularApps.find(current, to, apps);
    for (String app : apps) {
      new AppDiff(app, current, circularApps.contains(app)).run();
    }
    changes.values().removeIf(List::isEmpty);
    return changes;
  }

  // ---- renames --------------------------------------------------------------------------------

  private ProjectState detectRenamedModels(ProjectState state) {
    for (String app : apps) {
      state = givenModelRenames(app, state);
      List<ModelState> removed = new ArrayList<>();
      for (ModelState m : modelsOf(state, app)) if (to.model(m.key()).isEmpty()) removed.add(m);
      for (ModelState added : modelsOf(to, app)) {
        if (state.model(added.key()).isPresent()) continue;
        for (ModelState old : removed) {
          boolean candidate = sameFields(old, added)
              || questioner.isModelRenameGiven(old.key(), added.key());
          if (candidate && questioner.isModelRenamed(old.key(), added.key())) {
            state = renameModel(app, state, old.key(), added.key());
            removed.remove(old);
            break;
          }
        }
      }
    }
    return state;
  }

  /**
   * The model renames answered up front ({@code --rename}), honoured before any question: in an
   * order where each new name is free (a chain), or refused (a cycle, a name that stays taken).
   */
  private ProjectState givenModelRenames(String app, ProjectState state) {
    List<RenameChain.Link<ModelKey>> links = new ArrayList<>();
    Set<ModelKey> present = new LinkedHashSet<>();
    for (ModelState old : modelsOf(state, app)) {
      present.add(old.key());
      for (ModelState added : modelsOf(to, app)) {
        if (!added.key().equals(old.key())
            && questioner.isModelRenameGiven(old.key(), added.key())) {
          links.add(new RenameChain.Link<>(old.key(), added.key(),
              old.key() + "=" + added.key()));
        }
      }
    }
    for (RenameChain.Link<ModelKey> l : RenameChain.order(links, present, keysOf(modelsOf(to, app)), app,
        "model")) {
      state = renameModel(app, state, l.from(), l.to());
    }
    return state;
  }

  private static Set<ModelKey> keysOf(List<ModelState> models) {
    Set<ModelKey> keys = new LinkedHashSet<>();
    models.forEach(m -> keys.add(m.key()));
    return keys;
  }

  private ProjectState renameModel(String app, ProjectState state, ModelKey old, ModelKey now) {
    RenameModel op = new RenameModel(old.name(), now.name());
    add(app, new Change(op, referencesFromOtherApps(state, old), false));
    honouredModelRenames.put(old, now);
    return op.stateForwards(app, state);
  }

  /**
   * The models of other apps that point at {@code model}: their migrations name it by its old
   * name, so the rename must come after them, as Django's autodetector orders it.
   */
  private static Set<ModelKey> referencesFromOtherApps(ProjectState state, ModelKey model) {
    Set<ModelKey> refs = new LinkedHashSet<>();
    for (ModelState m : state.models()) {
      if (m.app().equals(model.app())) continue;
      for (Field f : m.fields().values()) {
        if (f.to() != null && ModelKey.resolve(m.app(), f.to()).equals(model)) refs.add(m.key());
      }
    }
    return refs;
  }

  private ProjectState detectRenamedFields(ProjectState state) {
    for (String app : apps) {
      for (ModelState target : modelsOf(to, app)) {
        if (state.model(target.key()).isEmpty()) continue;
        state = givenFieldRenames(app, target, state);
        ModelState old = state.requireModel(target.key());
        List<Name> removed = new ArrayList<>();
        for (Name n : old.fields().keySet()) if (!target.fields().containsKey(n)) removed.add(n);
        for (Map.Entry<Name, Field> added : target.fields().entrySet()) {
          if (old.fields().containsKey(added.getKey())) continue;
          for (Name oldName : removed) {
            Field oldField = state.requireModel(target.key()).requireField(oldName);
            Field newField = added.getValue();
            boolean candidate = isRenameCandidate(oldField, oldName, newField)
                || (isSameKind(oldField, newField)
                    && questioner.isFieldRenameGiven(target.key(), oldName, added.getKey()));
            if (candidate
                && questioner.isFieldRenamed(target.key(), oldName, added.getKey(), newField)) {
              state = renameField(app, target, state, oldName, added.getKey());
              removed.remove(oldName);
              break;
            }
          }
        }
      }
    }
    return state;
  }

  /**
   * The field renames of one model answered up front ({@code --rename}), honoured before any
   * question: in an order where each new name is free (a chain), or refused (a cycle, a name that
   * stays taken, a column that would become a join table).
   */
  private ProjectState givenFieldRenames(String app, ModelState target, ProjectState state) {
    ModelState old = state.requireModel(target.key());
    String m = target.name().lower();
    List<RenameChain.Link<Name>> links = new ArrayList<>();
    for (Map.Entry<Name, Field> was : old.fields().entrySet()) {
      for (Map.Entry<Name, Field> now : target.fields().entrySet()) {
        if (now.getKey().equals(was.getKey())
            || !questioner.isFieldRenameGiven(target.key(), was.getKey(), now.getKey())) {
          continue;
        }
        String flag = m + "." + was.getKey() + "=" + m + "." + now.getKey();
        links.add(new RenameChain.Link<>(was.getKey(), now.getKey(), flag));
      }
    }
    List<RenameChain.Link<Name>> ordered = RenameChain.order(links, old.fields().keySet(),
        target.fields().keySet(), app, "field");
    for (RenameChain.Link<Name> l : ordered) {
      if (!isSameKind(old.requireField(l.from()), target.fields().get(l.to()))) {
        throw new RefusedChange(app, "--rename " + l.flag() + " cannot keep the data: one is a"
            + " column and the other a many-to-many join table.\n"
            + "  Drop the --rename (the old field's data is dropped) or keep both kinds the"
            + " same.");
      }
    }
    for (RenameChain.Link<Name> l : ordered) {
      state = renameField(app, target, state, l.from(), l.to());
    }
    return state;
  }

  /** As Django: the old field takes the new definition, then the name follows. */
  private ProjectState renameField(String app, ModelState target, ProjectState state,
      Name oldName, Name newName) {
    Field oldField = state.requireModel(target.key()).requireField(oldName);
    Field newField = target.fields().get(newName);
    if (!oldField.equals(newField)) {
      AlterField alter = new AlterField(modelName(target), oldName, newField);
      addRename(app, Change.of(alter));
      state = alter.stateForwards(app, state);
    }
    RenameField op = new RenameField(modelName(target), oldName, newName);
    addRename(app, Change.of(op));
    honouredFieldRenames.add(new Questioner.FieldRename(target.key(), oldName, newName));
    return op.stateForwards(app, state);
  }

  /**
   * Django's test for a field rename to suggest: the same definition, or the same but for a
   * {@code db_column} that keeps the old column. A field moved to another column is no candidate.
   */
  private static boolean isRenameCandidate(Field old, Name oldName, Field now) {
    if (old.equals(now)) return true;
    return old.hasColumn() && old.column(oldName).equals(now.dbColumn())
        && old.toBuilder().dbColumn(now.dbColumn()).build().equals(now);
  }

  /** Both columns, or both join tables: a rename given up front can keep the data. */
  private static boolean isSameKind(Field a, Field b) {
    return !isColumnToJoinTable(a, b);
  }

  /**
   * Django's {@code only_relation_agnostic_fields}: the same field definitions, whatever their
   * names and the models relations point at. Compared as a multiset, so that fields renamed or
   * added in another order than the models declare them still match.
   */
  private static boolean sameFields(ModelState a, ModelState b) {
    if (a.fields().size() != b.fields().size()) return false;
    List<Field> left = new ArrayList<>();
    a.fields().values().forEach(f -> left.add(relationAgnostic(f)));
    for (Field f : b.fields().values()) {
      if (!left.remove(relationAgnostic(f))) return false;
    }
    return true;
  }

  /** A relation to the renamed model itself differs only in the name it points at. */
  private static Field relationAgnostic(Field f) {
    return f.to() == null ? f : f.toBuilder().to("?").build();
  }

  // ---- one app --------------------------------------------------------------------------------

  /** The differences of one app once renames are settled. */
  private final class AppDiff {
    private final String app;
    private final ProjectState current;
    private final boolean circular;
    private boolean deletionsDeferred;

    AppDiff(String app, ProjectState current, boolean circular) {
      this.app = app;
      this.current = current;
      this.circular = circular;
    }

    void run() {
      List<ModelState> created = new ArrayList<>();
      List<ModelState> deleted = new ArrayList<>();
      List<ModelState[]> kept = new ArrayList<>();
      for (ModelState m : modelsOf(to, app)) {
        var old = current.model(m.key());
        if (old.isPresent()) kept.add(new ModelState[] {old.get(), m});
        else created.add(m);
      }
      for (ModelState m : modelsOf(current, app)) if (to.model(m.key()).isEmpty()) deleted.add(m);
      for (ModelState[] pair : kept) refuseMovedPrimaryKey(pair[0], pair[1]);

      for (ModelState[] pair : kept) removedIndexesAndConstraints(pair[0], pair[1]);
      List<ModelState> freeingTables = freeingTables(deleted, created, kept);
      deleted.removeAll(freeingTables);
      if (!freeingTables.isEmpty()) deleteModels(freeingTables);
      List<Change> deferredRelations = createModels(created);
      for (ModelState[] pair : kept) {
        if (!Objects.equals(pair[0].table(), pair[1].table())) {
          add(app, Change.of(new AlterModelTable(pair[1].name(), pair[1].dbTable())));
        }
      }
      deferredRelations.forEach(c -> add(app, c));
      int fieldChanges = changes.computeIfAbsent(app, a -> new ArrayList<>()).size();
      renamedFields.getOrDefault(app, List.of()).forEach(c -> add(app, c));
      for (ModelState[] pair : kept) removedFields(pair[0], pair[1]);
      for (ModelState[] pair : kept) addedFields(pair[0], pair[1]);
      for (ModelState[] pair : kept) alteredFields(pair[0], pair[1]);
      orderFieldChanges(fieldChanges);
      deleteModels(deleted);
      for (ModelState[] pair : kept) addedIndexesAndConstraints(pair[0], pair[1]);
      for (ModelState m : created) {
        for (Index i : m.indexes()) addLate(new AddIndex(modelName(m), i));
        for (Constraint c : m.constraints()) addLate(new AddConstraint(modelName(m), c));
      }
    }

    /**
     * CreateModel for each new model, referenced models first. A relation to a model created
     * later (a circle) or, when two apps need each other, to another app's new model, becomes an
     * AddField after all the models exist.
     */
    private List<Change> createModels(List<ModelState> created) {
      List<Change> deferred = new ArrayList<>();
      Set<ModelKey> made = new HashSet<>();
      Set<ModelKey> pending = new HashSet<>();
      created.forEach(m -> pending.add(m.key()));
      for (ModelState m : creationOrder(created)) {
        Map<Name, Field> fields = new LinkedHashMap<>();
        Set<ModelKey> needs = new HashSet<>();
        for (Map.Entry<Name, Field> e : m.fields().entrySet()) {
          Field f = e.getValue();
          ModelKey target = f.to() == null ? null : ModelKey.resolve(app, f.to());
          boolean laterHere = target != null && pending.contains(target) && !made.contains(target)
              && !target.equals(m.key());
          boolean otherAppNew = target != null && !target.app().equals(app)
              && current.model(target).isEmpty();
          if (laterHere || (otherAppNew && circular)) {
            deferred.add(new Change(new AddField(modelName(m), e.getKey(), f),
                otherAppNew ? Set.of(target) : Set.of(), otherAppNew));
          } else {
            fields.put(e.getKey(), f);
            if (target != null && !target.app().equals(app)) needs.add(target);
          }
        }
        add(app, new Change(new CreateModel(m.name(), fields,
            new ModelOptions(m.dbTable(), m.managed(), m.dbTableComment()), List.of(), List.of()),
            needs, false));
        made.add(m.key());
      }
      return deferred;
    }

    /** The field changes from {@code start} on, so that each column is free before it is taken. */
    private void orderFieldChanges(int start) {
      List<Change> all = changes.get(app);
      List<Change> section = all.subList(start, all.size());
      List<Change> ordered = ColumnHandOver.order(app, beforeFieldRenames, List.copyOf(section));
      section.clear();
      all.addAll(ordered);
    }

    /**
     * The deleted models whose table a new model or a table rename takes: they go before the
     * models are made, as a column is freed before it is taken. Only those no other model points
     * at, whose deletion waits for nothing; others keep their place after the field changes.
     */
    private List<ModelState> freeingTables(List<ModelState> deleted, List<ModelState> created,
        List<ModelState[]> kept) {
      Set<String> taken = new HashSet<>();
      created.forEach(m -> taken.add(m.table().toLowerCase(java.util.Locale.ROOT)));
      for (ModelState[] pair : kept) {
        if (!pair[0].table().equals(pair[1].table())) {
          taken.add(pair[1].table().toLowerCase(java.util.Locale.ROOT));
        }
      }
      List<ModelState> freeing = new ArrayList<>();
      for (ModelState m : deleted) {
        if (taken.contains(m.table().toLowerCase(java.util.Locale.ROOT))
            && !isPointedAt(m.key())) {
          freeing.add(m);
        }
      }
      return freeing;
    }

    /**
     * DeleteModel for each removed model, referencing ones first. When a model of another app
     * pointed at one of them, its app drops that field (or model) in this run: the deletions wait
     * for it in a second migration, so that no migration refers to a model already gone.
     */
    private void deleteModels(List<ModelState> deleted) {
      Set<ModelKey> referencing = new LinkedHashSet<>();
      for (ModelState m : deleted) referencing.addAll(referencesFromOtherApps(current, m.key()));
      deletionsDeferred = !referencing.isEmpty();
      List<ModelState> order = deletionOrder(deleted);
      for (ModelState m : order) removeRelationsAmong(m, deleted);
      for (ModelState m : order) {
        add(app, new Change(new DeleteModel(m.name()), Set.of(), deletionsDeferred, referencing));
      }
    }

    /**
     * RemoveField for each relation of {@code m} to another model deleted in this run, in this
     * app or another, as Django does: going backwards, each table is made again without a key to
     * one not made yet, and the keys come back once both exist; and another app's deletion
     * waits for this removal, not for this deletion, which may itself wait for that app.
     */
    private void removeRelationsAmong(ModelState m, List<ModelState> deleted) {
      for (Map.Entry<Name, Field> e : m.fields().entrySet()) {
        if (e.getValue().to() == null) continue;
        ModelKey target = ModelKey.resolve(app, e.getValue().to());
        if (!target.equals(m.key()) && isDeleted(target)) {
          add(app, Change.of(new RemoveField(modelName(m), e.getKey())));
        }
      }
    }

    private boolean isPointedAt(ModelKey model) {
      for (ModelState m : current.models()) {
        if (m.key().equals(model)) continue;
        for (Field f : m.fields().values()) {
          if (f.to() != null && ModelKey.resolve(m.app(), f.to()).equals(model)) return true;
        }
      }
      return false;
    }

    private boolean isDeleted(ModelKey model) {
      return apps.contains(model.app()) && current.model(model).isPresent()
          && to.model(model).isEmpty();
    }

    /**
     * Adds an index or constraint change, which follows the deletions: a new index may take the
     * name of one that goes with a deleted table.
     */
    private void addLate(Operation op) {
      add(app, new Change(op, Set.of(), deletionsDeferred));
    }

    private void removedFields(ModelState old, ModelState target) {
      for (Name n : old.fields().keySet()) {
        if (!target.fields().containsKey(n)) add(app, Change.of(new RemoveField(modelName(target), n)));
      }
    }

    private void addedFields(ModelState old, ModelState target) {
      for (Map.Entry<Name, Field> e : target.fields().entrySet()) {
        if (!old.fields().containsKey(e.getKey())) addedField(old, target, e);
      }
    }

    private void addedField(ModelState old, ModelState target, Map.Entry<Name, Field> e) {
      Field f = e.getValue();
      boolean needsValue = f.hasColumn() && !f.nullable() && !f.hasDefault()
          && f.dbDefault() == null && !f.type().isAuto() && old.managed();
      Operation op;
      if (needsValue) {
        Object value = questioner.oneOffDefault(target.key(), e.getKey(), f);
        op = new AddField(modelName(target), e.getKey(), f.toBuilder().defaultValue(value).build(),
            false);
      } else {
        op = new AddField(modelName(target), e.getKey(), f);
      }
      add(app, new Change(op, otherApps(f), false));
    }

    private void alteredFields(ModelState old, ModelState target) {
      for (Map.Entry<Name, Field> e : target.fields().entrySet()) {
        Field before = old.fields().get(e.getKey());
        if (before == null || before.equals(e.getValue())) continue;
        if (isColumnToJoinTable(before, e.getValue())) {
          replacedField(old, target, e);
          continue;
        }
        add(app, new Change(NotNullAlteration.of(questioner, target, modelName(target),
            e.getKey(), before, e.getValue()), otherApps(e.getValue()), false));
      }
    }

    /**
     * The primary key moving to another field: the schema editor cannot move a table's key (nor
     * repoint the keys that reference it), so the migration would be written and then fail in
     * {@code migrate}. Renames are already applied, so a renamed key is no move.
     */
    private void refuseMovedPrimaryKey(ModelState old, ModelState target) {
      if (!old.managed() && !target.managed()) return;
      Name before = primaryKeyName(old);
      Name after = primaryKeyName(target);
      if (before == null || after == null || before.equals(after)) return;
      throw new RefusedChange(app, "model " + target.key() + ": moving the primary key from '"
          + target.declaredName(before) + "' to '" + target.declaredName(after) + "' is not"
          + " supported (migrate cannot change which column is a table's primary key). Keep the"
          + " key on '" + target.declaredName(before) + "' and give '" + target.declaredName(after)
          + "' unique: true, or make a new model with the new key, copy the rows with RunSQL or"
          + " RunJava and delete the old model.");
    }

    /**
     * A field that changes between a column and a join table: no AlterField can run that, so
     * it is removed and added again, as Django does (its data is not carried over).
     */
    private void replacedField(ModelState old, ModelState target, Map.Entry<Name, Field> e) {
      add(app, Change.of(new RemoveField(modelName(target), e.getKey())));
      addedField(old, target, e);
    }

    private void removedIndexesAndConstraints(ModelState old, ModelState target) {
      for (Index i : old.indexes()) {
        var now = target.index(i.name());
        boolean renamedAway = now.isEmpty() && renameTarget(i, old, target) != null;
        if (!renamedAway && (now.isEmpty() || !now.get().equals(i))) {
          add(app, Change.of(new RemoveIndex(modelName(target), i.name())));
        }
      }
      for (Constraint c : old.constraints()) {
        var now = target.constraint(c.name());
        if (now.isEmpty() || !now.get().equals(c)) {
          add(app, Change.of(new RemoveConstraint(modelName(target), c.name())));
        }
      }
    }

    private void addedIndexesAndConstraints(ModelState old, ModelState target) {
      for (Index i : old.indexes()) {
        if (target.index(i.name()).isPresent()) continue;
        Index renamed = renameTarget(i, old, target);
        if (renamed != null) {
          addLate(new RenameIndex(modelName(target), renamed.name(), i.name()));
        }
      }
      for (Index i : target.indexes()) {
        var before = old.index(i.name());
        boolean isRenameTarget = before.isEmpty() && old.indexes().stream()
            .anyMatch(o -> target.index(o.name()).isEmpty() && i.equals(renameTarget(o, old, target)));
        if (!isRenameTarget && (before.isEmpty() || !before.get().equals(i))) {
          addLate(new AddIndex(modelName(target), i));
        }
      }
      for (Constraint c : target.constraints()) {
        var before = old.constraint(c.name());
        if (before.isEmpty() || !before.get().equals(c)) {
          addLate(new AddConstraint(modelName(target), c));
        }
      }
    }

    /** The new index that is {@code gone} under another name: same fields, uniqueness, condition. */
    private Index renameTarget(Index gone, ModelState old, ModelState target) {
      for (Index i : target.indexes()) {
        if (old.index(i.name()).isEmpty() && i.withName(gone.name()).equals(gone)) return i;
      }
      return null;
    }

    private Set<ModelKey> otherApps(Field f) {
      if (f.to() == null) return Set.of();
      ModelKey target = ModelKey.resolve(app, f.to());
      return target.app().equals(app) ? Set.of() : Set.of(target);
    }

    /** Models that others point at come first; a circle keeps the file order. */
    private List<ModelState> creationOrder(List<ModelState> created) {
      return DependencyOrder.sort(created, m -> referencedModels(m, created), false);
    }

    /** Models that point at others go first, so a table is never dropped while still referenced. */
    private List<ModelState> deletionOrder(List<ModelState> deleted) {
      return DependencyOrder.sort(deleted, m -> referencedModels(m, deleted), true);
    }

    private Set<ModelState> referencedModels(ModelState m, List<ModelState> among) {
      Set<ModelState> refs = new LinkedHashSet<>();
      for (Field f : m.fields().values()) {
        if (f.to() == null) continue;
        ModelKey target = ModelKey.resolve(m.app(), f.to());
        for (ModelState other : among) {
          if (other.key().equals(target) && other != m) refs.add(other);
        }
      }
      return refs;
    }
  }

  private static Name primaryKeyName(ModelState m) {
    for (Map.Entry<Name, Field> e : m.fields().entrySet()) {
      if (e.getValue().primaryKey()) return e.getKey();
    }
    return null;
  }

  private static boolean isColumnToJoinTable(Field before, Field after) {
    return before.type().isManyToMany() != after.type().isManyToMany();
  }

  /** Field-level operations name their model in lower case, as Django writes {@code model_name}. */
  private static Name modelName(ModelState model) {
    return Name.of(model.name().lower());
  }

  private void addRename(String app, Change change) {
    renamedFields.computeIfAbsent(app, a -> new ArrayList<>()).add(change);
  }

  private void add(String app, Change change) {
    changes.computeIfAbsent(app, a -> new ArrayList<>()).add(change);
  }

  static List<ModelState> modelsOf(ProjectState state, String app) {
    List<ModelState> result = new ArrayList<>();
    for (ModelState m : state.models()) if (m.app().equals(app)) result.add(m);
    return result;
  }
}
