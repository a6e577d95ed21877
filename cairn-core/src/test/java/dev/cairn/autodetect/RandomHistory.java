package dev.cairn.autodetect;

import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.Index;
import dev.cairn.state.ModelKey;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.OnDelete;
import dev.cairn.state.ProjectState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A model history of two apps, read from random numbers: each {@link Seed} becomes one valid edit
 * of the models (add, remove, alter or rename a field or model, add or drop an index or
 * constraint), or none when it fits nothing. Reading the same seeds gives the same history, so
 * jqwik shrinks the seeds and the history follows. Immutable once read.
 */
final class RandomHistory {
  static final List<String> APPS = List.of("shop", "blog");
  static final int KINDS = 22;
  /** Marks the edits of the kinds issue 8 added, so the property can count them. */
  static final String CHECK_FOLLOWS = "(its check follows)";
  static final String WITH_ITS_MODEL = "(with its model)";
  static final String SWITCH = "switch ";
  static final String PRIMARY_KEY = "(the primary key)";

  /**
   * The last two are 59 characters and differ only at the end: their tables (64 bytes) are over
   * PostgreSQL's limit and would collide if cut, so they are shortened with a hash, as are their
   * join tables and index names, while their join columns ({@code <model>_id}) still fit.
   */
  private static final List<String> MODEL_NAMES =
      List.of("Product", "Category", "Tag", "Order", "Item", "Author", "Post", "Note",
          "WarehouseInventoryAdjustmentRecordAcrossRegionalLocationsAa",
          "WarehouseInventoryAdjustmentRecordAcrossRegionalLocationsAb");
  private static final List<String> FIELD_NAMES =
      List.of("name", "title", "price", "stock", "active", "code", "amount", "rank", "label",
          "weight", "score", "flag");

  /** One edit, still as numbers: which kind and three choices, each read modulo what exists. */
  record Seed(int kind, int a, int b, int c) {}

  /** The models after one step, the edits that made them, and the renames among them. */
  record Step(ProjectState target, List<String> edits, Set<String> modelRenames,
      Set<String> fieldRenames) {
    /** Says yes to the renames the step made, no to anything else, and fills new NOT NULL columns. */
    Questioner questioner() {
      return new Questioner() {
        @Override public boolean isModelRenamed(ModelKey oldModel, ModelKey newModel) {
          return modelRenames.contains(lower(oldModel) + "=" + lower(newModel));
        }

        @Override public boolean isFieldRenamed(ModelKey model, Name oldName, Name newName,
            Field field) {
          return fieldRenames.contains(lower(model) + "." + oldName.lower() + "=" + newName.lower());
        }

        /** The step's renames are known up front, as with {@code --rename}. */
        @Override public boolean isModelRenameGiven(ModelKey oldModel, ModelKey newModel) {
          return isModelRenamed(oldModel, newModel);
        }

        @Override public boolean isFieldRenameGiven(ModelKey model, Name oldName, Name newName) {
          return isFieldRenamed(model, oldName, newName, null);
        }

        @Override public Object oneOffDefault(ModelKey model, Name fieldName, Field field) {
          return oneOff(field);
        }
      };
    }
  }

  private final List<Step> steps = new ArrayList<>();
  private ProjectState state = ProjectState.empty();
  private int counter;

  static RandomHistory read(List<List<Seed>> seeds) {
    RandomHistory h = new RandomHistory();
    for (List<Seed> step : seeds) h.step(step);
    return h;
  }

  List<Step> steps() {
    return steps;
  }

  @Override public String toString() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < steps.size(); i++) {
      s.append("\n  step ").append(i + 1).append(": ").append(String.join("; ", steps.get(i).edits()));
    }
    return s.toString();
  }

  // ---- reading one step ----------------------------------------------------------------------

  private ProjectState stepStart;
  private List<String> edits;
  private Set<String> modelRenames;
  private Set<String> fieldRenames;
  private Set<ModelKey> renamedModels;

  private void step(List<Seed> seeds) {
    stepStart = state;
    edits = new ArrayList<>();
    modelRenames = new LinkedHashSet<>();
    fieldRenames = new LinkedHashSet<>();
    renamedModels = new LinkedHashSet<>();
    for (Seed seed : seeds) edit(seed);
    fieldRenames.removeIf(this::switchesKind);
    steps.add(new Step(state, List.copyOf(edits), Set.copyOf(modelRenames), Set.copyOf(fieldRenames)));
  }

  private void edit(Seed s) {
    String app = APPS.get(s.b() % APPS.size());
    List<ModelState> models = models(app);
    if (models.isEmpty() || s.kind() <= 2) {
      addModel(app, s);
      return;
    }
    ModelState model = models.get(s.a() % models.size());
    // A through model keeps the shape its field needs: only toggling through changes it.
    if (isThroughModel(model)) return;
    switch (s.kind()) {
      case 3, 4, 5, 6 -> addField(model, s);
      case 7 -> removeField(model, s);
      case 8, 9, 10 -> alterField(model, s);
      case 11 -> renameField(model, s);
      case 12 -> renameModel(model, s);
      case 13 -> removeModel(model);
      case 14 -> addIndex(model, s);
      case 15 -> removeOrRenameIndex(model, s);
      case 16 -> addUnique(model, s);
      case 17 -> addCheck(model, s);
      case 18 -> removeConstraint(model, s);
      case 19 -> addManyToMany(model, s);
      case 20 -> renameModelWithAField(model, s);
      default -> switchColumnAndManyToMany(model, s);
    }
  }

  private void addModel(String app, Seed s) {
    String name = freeModelName(app, s.c());
    if (name == null) return;
    Map<Name, Field> fields = new LinkedHashMap<>();
    fields.put(Name.of("id"), Field.of(s.c() % 5 == 0 ? FieldType.AUTO : FieldType.BIG_AUTO)
        .primaryKey(true).build());
    ModelState model = ModelState.of(app, name, fields);
    state = state.withModel(model);
    String first = FIELD_NAMES.get(s.a() % FIELD_NAMES.size());
    Field f = randomField(app, model, s.a() / 7 + s.c(), true);
    state = state.withReplacedModel(model.withField(Name.of(first), f));
    edits.add("add model " + app + "." + name + "(" + first + " " + describe(f) + ")");
    if (s.b() % 2 == 0) checkNumber(state.requireModel(model.key()), Name.of(first));
  }

  /** Often a numeric field gets a check at once, so that later renames meet checks. */
  private void checkNumber(ModelState model, Name n) {
    Field f = model.requireField(n);
    if (f.type() != FieldType.INTEGER && f.type() != FieldType.DECIMAL) return;
    Constraint c = Constraint.check(model.app() + "_ck" + (++counter),
        "\"" + f.column(n) + "\" >= 0");
    change(model, model.withConstraint(c));
    edits.add("add check " + c.name() + " on " + model.key() + " " + c.check());
  }

  private void addField(ModelState model, Seed s) {
    Name name = freeFieldName(model, s.c());
    if (name == null) return;
    Field f = randomField(model.app(), model, s.c() + s.a() * 3, false);
    change(model, model.withField(name, f));
    edits.add("add " + ref(model, name) + " " + describe(f));
    if (s.b() % 2 == 0) checkNumber(state.requireModel(model.key()), name);
  }

  private void removeField(ModelState model, Seed s) {
    Name name = pickField(model, s.c(), true);
    if (name == null) return;
    String column = model.requireField(name).column(name);
    ModelState changed = withoutFieldUses(model, name, column).withoutField(name);
    change(model, changed);
    edits.add("remove " + ref(model, name));
  }

  private void alterField(ModelState model, Seed s) {
    Name name = pickField(model, s.c(), true);
    if (name == null) return;
    Field old = model.requireField(name);
    if (old.type().isManyToMany()) {
      toggleThrough(model, name, s);
      return;
    }
    boolean inCheck = isInCheck(model, old.column(name));
    Field.Builder b = old.toBuilder();
    String what;
    switch (s.a() % 8) {
      case 0 -> {
        // NOT NULL needs a value for the rows that are NULL: the model gives a default, or the
        // questioner a one-off one (AlterField with preserve_default: false).
        if (old.nullable() && !old.type().isForeignKey()) {
          b.nullable(false).defaultValue(s.c() % 2 == 0 ? oneOff(old) : null);
        } else {
          b.nullable(!old.nullable());
          if (old.type().isForeignKey() && old.nullable()) return;
        }
        what = "null";
      }
      case 1 -> {
        b.unique(!old.unique());
        what = "unique";
      }
      case 2 -> {
        b.dbIndex(old.dbIndex() == null ? Boolean.valueOf(!old.hasIndex()) : null);
        what = "db_index";
      }
      case 3 -> {
        if (inCheck) return;
        b.dbColumn(old.dbColumn() == null ? name.lower() + "_col" : null);
        what = "db_column";
      }
      case 4 -> {
        if (old.type().isForeignKey()) {
          b.onDelete(old.effectiveOnDelete() == OnDelete.CASCADE ? OnDelete.PROTECT : OnDelete.CASCADE);
        } else if (old.hasDefault()) {
          b.defaultValue(old.nullable() ? null : otherValue(old));
        } else {
          b.defaultValue(oneOff(old));
        }
        what = "default";
      }
      default -> {
        Field.Builder retyped = retype(old, s.c());
        if (retyped == null || inCheck) return;
        b = retyped;
        what = "type";
      }
    }
    Field f = b.build();
    if (f.equals(old)) return;
    change(model, model.withAlteredField(name, f));
    edits.add("alter " + ref(model, name) + " (" + what + ") to " + describe(f));
  }

  private void renameField(ModelState model, Seed s) {
    if (s.b() % 2 == 0 && renamePrimaryKey(model, s)) return;
    Name name = s.a() % 2 == 0 ? pickFieldInCheck(model, s.c()) : null;
    if (name == null) name = pickField(model, s.c(), true);
    if (name == null || !existedAtStart(model, name)) return;
    renameTo(model, name, freeFieldName(model, s.a()));
  }

  /** Renames the primary key, which other models' keys and join tables point at (item 9). */
  private boolean renamePrimaryKey(ModelState model, Seed s) {
    Name key = null;
    for (Map.Entry<Name, Field> e : model.fields().entrySet()) {
      if (e.getValue().primaryKey()) key = e.getKey();
    }
    if (key == null || !existedAtStart(model, key)) return false;
    Name newName = freeFieldName(model, s.a());
    if (newName == null) return false;
    renameTo(model, key, newName);
    edits.set(edits.size() - 1, edits.get(edits.size() - 1) + " " + PRIMARY_KEY);
    return true;
  }

  /** Renames a field; a check that names its column is rewritten to name the new one. */
  private void renameTo(ModelState model, Name name, Name newName) {
    if (newName == null) return;
    Field f = model.requireField(name);
    ModelState renamed = model.withRenamedField(name, newName);
    boolean inCheck = f.hasColumn() && isInCheck(model, f.column(name));
    if (inCheck && !f.column(name).equals(f.column(newName))) {
      String from = "\"" + f.column(name) + "\"";
      String to = "\"" + f.column(newName) + "\"";
      renamed = renamed.withConstraints(renamed.constraints().stream()
          .map(c -> c.check() != null && c.check().contains(from)
              ? Constraint.check(c.name(), c.check().replace(from, to)) : c)
          .toList());
    }
    change(model, renamed);
    fieldRenames.add(lower(model.key()) + "." + name.lower() + "=" + newName.lower());
    edits.add("rename " + ref(model, name) + " to " + newName + (inCheck ? " " + CHECK_FOLLOWS : ""));
  }

  /** A model renamed in the same step as one of its fields, as with two --rename answers. */
  private void renameModelWithAField(ModelState model, Seed s) {
    if (stepStart.model(model.key()).isEmpty() || renamedModels.contains(model.key())) return;
    Name field = s.a() % 2 == 0 ? pickFieldInCheck(model, s.c()) : null;
    if (field == null) field = pickField(model, s.c(), false);
    if (field == null || !stepStart.model(model.key()).get().fields().containsKey(field)) return;
    ModelKey newKey = renameModel(model, s);
    if (newKey == null) return;
    ModelState renamed = state.requireModel(newKey);
    Name newName = freeFieldName(renamed, s.a() + s.c());
    renameTo(renamed, field, newName);
    if (newName != null) edits.set(edits.size() - 1, edits.get(edits.size() - 1) + " " + WITH_ITS_MODEL);
  }

  /**
   * A key becomes a many-to-many under its name, or a many-to-many becomes a nullable key or
   * text column: makemigrations must remove and add it.
   */
  private void switchColumnAndManyToMany(ModelState model, Seed s) {
    Name name = pickField(model, s.c(), true);
    if (name == null) return;
    Field old = model.requireField(name);
    Field now;
    if (old.type().isManyToMany()) {
      now = s.a() % 2 == 0 ? Field.of(FieldType.CHAR).maxLength(20).nullable(true).build()
          : Field.of(FieldType.FOREIGN_KEY).to(old.to()).onDelete(OnDelete.CASCADE)
              .nullable(true).build();
    } else if (old.type().isForeignKey()) {
      now = Field.of(FieldType.MANY_TO_MANY).to(old.to()).build();
    } else {
      List<ModelState> all = List.copyOf(state.models());
      now = Field.of(FieldType.MANY_TO_MANY).to(all.get(s.a() % all.size()).key().reference())
          .build();
    }
    if (now.type().isManyToMany() && isLong(model.name().toString())
        && ModelKey.resolve(model.app(), now.to()).equals(model.key())) {
      return;
    }
    ModelState changed = withoutFieldUses(model, name, old.hasColumn() ? old.column(name) : "")
        .withAlteredField(name, now);
    change(model, changed);
    edits.add(SWITCH + ref(model, name) + " to " + describe(now));
  }

  /** @return the new key, or null when the model cannot be renamed now */
  private ModelKey renameModel(ModelState model, Seed s) {
    if (stepStart.model(model.key()).isEmpty() || renamedModels.contains(model.key())) return null;
    String newName = freeModelName(model.app(), s.c(), !hasSelfManyToMany(model));
    if (newName == null) return null;
    ModelKey newKey = new ModelKey(model.app(), Name.of(newName));
    state = state.withRenamedModel(model.key(), newKey.name());
    renamedModels.add(newKey);
    modelRenames.add(lower(model.key()) + "=" + lower(newKey));
    edits.add("rename model " + model.key() + " to " + newName);
    return newKey;
  }

  private void removeModel(ModelState model) {
    for (ModelState other : List.copyOf(state.models())) {
      if (other.key().equals(model.key())) continue;
      ModelState changed = other;
      for (Map.Entry<Name, Field> e : other.fields().entrySet()) {
        Field f = e.getValue();
        if (f.to() != null && ModelKey.resolve(other.app(), f.to()).equals(model.key())) {
          changed = withoutFieldUses(changed, e.getKey(), f.column(e.getKey()))
              .withoutField(e.getKey());
        }
      }
      if (changed != other) state = state.withReplacedModel(changed);
    }
    state = state.withoutModel(model.key());
    edits.add("remove model " + model.key());
  }

  private void addIndex(ModelState model, Seed s) {
    List<Name> fields = pickColumns(model, s.c(), 1 + s.a() % 2);
    if (fields.isEmpty()) return;
    Index index = new Index(model.app() + "_ix" + (++counter), fields, s.a() % 5 == 0, null);
    change(model, model.withIndex(index));
    edits.add("add index " + index.name() + " on " + model.key() + fields
        + (index.unique() ? " unique" : ""));
  }

  private void removeOrRenameIndex(ModelState model, Seed s) {
    if (model.indexes().isEmpty()) {
      addIndex(model, s);
      return;
    }
    Index index = model.indexes().get(s.c() % model.indexes().size());
    if (s.a() % 2 == 0) {
      change(model, model.withoutIndex(index.name()));
      edits.add("remove index " + index.name() + " from " + model.key());
    } else {
      Index renamed = index.withName(model.app() + "_ix" + (++counter));
      List<Index> indexes = new ArrayList<>();
      for (Index i : model.indexes()) indexes.add(i == index ? renamed : i);
      change(model, model.withIndexes(indexes));
      edits.add("rename index " + index.name() + " on " + model.key() + " to " + renamed.name());
    }
  }

  private void addUnique(ModelState model, Seed s) {
    List<Name> fields = pickColumns(model, s.c(), 1 + s.a() % 2);
    if (fields.isEmpty()) return;
    Constraint c = Constraint.unique(model.app() + "_uq" + (++counter), fields, null);
    change(model, model.withConstraint(c));
    edits.add("add unique " + c.name() + " on " + model.key() + fields);
  }

  private void addCheck(ModelState model, Seed s) {
    List<Name> numeric = new ArrayList<>();
    model.fields().forEach((n, f) -> {
      if (f.type() == FieldType.INTEGER || f.type() == FieldType.DECIMAL) numeric.add(n);
    });
    if (numeric.isEmpty()) {
      addUnique(model, s);
      return;
    }
    Name n = numeric.get(s.c() % numeric.size());
    String column = model.requireField(n).column(n);
    Constraint c = Constraint.check(model.app() + "_ck" + (++counter), "\"" + column + "\" >= 0");
    change(model, model.withConstraint(c));
    edits.add("add check " + c.name() + " on " + model.key() + " " + c.check());
  }

  private void removeConstraint(ModelState model, Seed s) {
    if (model.constraints().isEmpty()) return;
    Constraint c = model.constraints().get(s.c() % model.constraints().size());
    change(model, model.withoutConstraint(c.name()));
    edits.add("remove constraint " + c.name() + " from " + model.key());
  }

  private void addManyToMany(ModelState model, Seed s) {
    Name existing = pickManyToMany(model, s.c());
    if (existing != null && s.c() % 4 == 0) {
      toggleThrough(model, existing, s);
      return;
    }
    List<ModelState> all = relationTargets();
    ModelState target = all.get(s.c() % all.size());
    if (target.key().equals(model.key()) && isLong(model.name().toString())) return;
    Name name = freeFieldName(model, s.a());
    if (name == null) return;
    Field f = Field.of(FieldType.MANY_TO_MANY).to(target.key().reference()).build();
    change(model, model.withField(name, f));
    edits.add("add " + ref(model, name) + " " + describe(f));
    if (s.b() % 2 == 0) checkNumber(state.requireModel(model.key()), name);
  }

  /**
   * Adds {@code through} to an existing many-to-many (a new through model with its two keys in
   * either order, perhaps another on_delete and an extra field), or removes it with its model.
   */
  private void toggleThrough(ModelState model, Name name, Seed s) {
    Field f = model.requireField(name);
    ModelKey target = ModelKey.resolve(model.app(), f.to());
    if (f.through() != null) {
      ModelKey through = ModelKey.resolve(model.app(), f.through());
      state = state.withoutModel(through);
      change(model, state.requireModel(model.key()).withAlteredField(name,
          f.toBuilder().through(null).build()));
      edits.add("remove through " + through + " from " + ref(model, name));
      return;
    }
    if (target.equals(model.key())) return; // refused: which key is which side is unknown
    String throughName = freeModelName(model.app(), s.a());
    if (throughName == null) return;
    Map<Name, Field> fields = new LinkedHashMap<>();
    fields.put(Name.of("id"), Field.of(FieldType.BIG_AUTO).primaryKey(true).build());
    Field toSource = Field.of(FieldType.FOREIGN_KEY).to(model.key().reference())
        .onDelete(s.c() % 8 == 0 ? OnDelete.PROTECT : OnDelete.CASCADE).build();
    Field toTarget = Field.of(FieldType.FOREIGN_KEY).to(target.reference())
        .onDelete(OnDelete.CASCADE).build();
    if (s.a() % 2 == 0) {
      fields.put(Name.of("source"), toSource);
      fields.put(Name.of("target"), toTarget);
    } else {
      fields.put(Name.of("target"), toTarget);
      fields.put(Name.of("source"), toSource);
    }
    if (s.a() % 3 == 1) fields.put(Name.of("rank"), Field.of(FieldType.INTEGER).nullable(true).build());
    if (s.a() % 3 == 2) fields.put(Name.of("rank"), Field.of(FieldType.INTEGER).build());
    ModelState through = ModelState.of(model.app(), throughName, fields);
    state = state.withModel(through);
    change(model, model.withAlteredField(name,
        f.toBuilder().through(through.key().reference()).build()));
    edits.add("add through " + through.key() + fields.keySet() + " to " + ref(model, name));
  }

  private static Name pickManyToMany(ModelState model, int r) {
    List<Name> names = new ArrayList<>();
    model.fields().forEach((n, f) -> {
      if (f.type().isManyToMany()) names.add(n);
    });
    return names.isEmpty() ? null : names.get(r % names.size());
  }

  private boolean isThroughModel(ModelState model) {
    for (ModelState m : state.models()) {
      for (Field f : m.fields().values()) {
        if (f.through() != null && ModelKey.resolve(m.app(), f.through()).equals(model.key())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The models a new relation may point at: through models only serve their field. */
  private List<ModelState> relationTargets() {
    List<ModelState> all = new ArrayList<>();
    for (ModelState m : state.models()) if (!isThroughModel(m)) all.add(m);
    return all;
  }

  // ---- fields ---------------------------------------------------------------------------------

  /** A field of a random type; on an existing table relations are nullable. */
  private Field randomField(String app, ModelState model, int r, boolean newModel) {
    int kind = Math.floorMod(r, 10);
    boolean nullable = (r / 10) % 3 == 0;
    boolean withDefault = (r / 30) % 2 == 0;
    Field.Builder b = switch (kind) {
      case 0, 1 -> Field.of(FieldType.CHAR).maxLength(20 + (r % 4) * 10);
      case 2 -> Field.of(FieldType.INTEGER);
      case 3 -> Field.of(FieldType.DECIMAL).maxDigits(8).decimalPlaces(2);
      case 4 -> Field.of(FieldType.BOOLEAN);
      case 5 -> Field.of(FieldType.TEXT);
      case 6 -> Field.of(FieldType.POSITIVE_INTEGER);
      default -> null;
    };
    if (b == null) {
      List<ModelState> all = relationTargets();
      ModelState target = all.get((r / 3) % all.size());
      b = Field.of(r % 7 == 0 ? FieldType.ONE_TO_ONE : FieldType.FOREIGN_KEY)
          .to(target.key().reference())
          .onDelete(r % 2 == 0 ? OnDelete.CASCADE : OnDelete.SET_NULL)
          .nullable(true);
      // A NOT NULL key only on a new table, where no row needs a value for it.
      if (newModel && r % 2 == 0 && !target.key().equals(model.key())) b.nullable(false);
      return b.build();
    }
    b.nullable(nullable);
    if (withDefault) b.defaultValue(oneOff(b.build()));
    if ((r / 60) % 4 == 0 && kind < 3) b.unique(true);
    return b.build();
  }

  /** A value that fits the field's type. */
  static Object oneOff(Field f) {
    return switch (f.type()) {
      case CHAR, TEXT -> "x";
      case BOOLEAN -> Boolean.FALSE;
      case DECIMAL -> new java.math.BigDecimal("1.50");
      default -> 1;
    };
  }

  private static Object otherValue(Field f) {
    return switch (f.type()) {
      case CHAR, TEXT -> "y";
      case BOOLEAN -> Boolean.TRUE;
      case DECIMAL -> new java.math.BigDecimal("2.25");
      default -> 2;
    };
  }

  /** A compatible type change: wider integers, longer text, more digits. */
  private static Field.Builder retype(Field old, int r) {
    return switch (old.type()) {
      case INTEGER -> Field.of(FieldType.BIG_INTEGER).nullable(old.nullable()).defaultValue(old.defaultValue())
              .unique(old.unique()).dbIndex(old.dbIndex()).dbColumn(old.dbColumn());
      case CHAR -> r % 2 == 0 ? old.toBuilder().maxLength(old.maxLength() + 10)
          : Field.of(FieldType.TEXT).nullable(old.nullable()).defaultValue(old.defaultValue())
              .unique(old.unique()).dbIndex(old.dbIndex()).dbColumn(old.dbColumn());
      case DECIMAL -> old.toBuilder().maxDigits(old.maxDigits() + 2);
      default -> null;
    };
  }

  // ---- helpers --------------------------------------------------------------------------------

  /**
   * A long name's many-to-many to its own model would need join columns ({@code from_<model>_id})
   * over 63 bytes, which the models file refuses: no user could write that history.
   */
  private static boolean isLong(String modelName) {
    return modelName.length() > 40;
  }

  private static boolean hasSelfManyToMany(ModelState model) {
    for (Field f : model.fields().values()) {
      if (f.type().isManyToMany() && ModelKey.resolve(model.app(), f.to()).equals(model.key())) {
        return true;
      }
    }
    return false;
  }

  private List<ModelState> models(String app) {
    List<ModelState> result = new ArrayList<>();
    for (ModelState m : state.models()) if (m.app().equals(app)) result.add(m);
    return result;
  }

  private void change(ModelState before, ModelState after) {
    state = state.withReplacedModel(after);
  }

  private String freeModelName(String app, int r) {
    return freeModelName(app, r, true);
  }

  private String freeModelName(String app, int r, boolean longAllowed) {
    for (int i = 0; i < MODEL_NAMES.size(); i++) {
      String name = MODEL_NAMES.get((r + i) % MODEL_NAMES.size());
      if (!longAllowed && isLong(name)) continue;
      ModelKey key = new ModelKey(app, Name.of(name));
      // A name that the step start still had would make a rename look like an edit.
      if (state.model(key).isEmpty() && stepStart.model(key).isEmpty()) return name;
    }
    return null;
  }

  private Name freeFieldName(ModelState model, int r) {
    ModelState atStart = stepStart.model(model.key()).orElse(null);
    for (int i = 0; i < FIELD_NAMES.size(); i++) {
      Name name = Name.of(FIELD_NAMES.get((r + i) % FIELD_NAMES.size()));
      boolean usedAtStart = atStart != null && atStart.fields().containsKey(name);
      boolean columnTaken = model.fields().entrySet().stream()
          .anyMatch(e -> e.getValue().hasColumn() && e.getValue().column(e.getKey()).equals(name.value()));
      if (!model.fields().containsKey(name) && !usedAtStart && !columnTaken) return name;
    }
    return null;
  }

  /** A field other than the primary key, or null. */
  private static Name pickField(ModelState model, int r, boolean withM2m) {
    List<Name> names = new ArrayList<>();
    model.fields().forEach((n, f) -> {
      if (!f.primaryKey() && (withM2m || f.hasColumn())) names.add(n);
    });
    return names.isEmpty() ? null : names.get(r % names.size());
  }

  /** A field whose column a check names, or null: a rename must carry the check along. */
  private static Name pickFieldInCheck(ModelState model, int r) {
    List<Name> names = new ArrayList<>();
    model.fields().forEach((n, f) -> {
      if (f.hasColumn() && !f.primaryKey() && isInCheck(model, f.column(n))) names.add(n);
    });
    return names.isEmpty() ? null : names.get(r % names.size());
  }

  /** Up to {@code count} distinct fields with columns, for an index or unique constraint. */
  private static List<Name> pickColumns(ModelState model, int r, int count) {
    List<Name> names = new ArrayList<>();
    model.fields().forEach((n, f) -> {
      if (f.hasColumn() && f.type() != FieldType.TEXT) names.add(n);
    });
    List<Name> picked = new ArrayList<>();
    for (int i = 0; i < Math.min(count, names.size()); i++) picked.add(names.get((r + i) % names.size()));
    return picked;
  }

  private boolean existedAtStart(ModelState model, Name field) {
    return stepStart.model(model.key()).map(m -> m.fields().containsKey(field)).orElse(false)
        && !renamedModels.contains(model.key());
  }

  private static boolean isInCheck(ModelState model, String column) {
    return model.constraints().stream()
        .anyMatch(c -> c.check() != null && c.check().contains("\"" + column + "\""));
  }

  /** The model without the indexes and constraints that use a field that is going away. */
  private static ModelState withoutFieldUses(ModelState model, Name field, String column) {
    List<Index> indexes = model.indexes().stream().filter(i -> !i.fields().contains(field)).toList();
    List<Constraint> constraints = model.constraints().stream()
        .filter(c -> !c.fields().contains(field)
            && !(c.check() != null && c.check().contains("\"" + column + "\"")))
        .toList();
    return model.withIndexes(indexes).withConstraints(constraints);
  }

  private static String ref(ModelState model, Name field) {
    return model.key() + "." + field;
  }

  /**
   * A field renamed this step that also switched between a column and a many-to-many: no rename
   * carries it and a --rename for it is refused, so the user gives none and accepts the removal
   * and addition.
   */
  private boolean switchesKind(String rename) {
    int eq = rename.indexOf('=');
    int dot = rename.lastIndexOf('.', eq);
    String modelNow = rename.substring(0, dot);
    String modelThen = modelRenames.stream().filter(r -> r.endsWith("=" + modelNow))
        .map(r -> r.substring(0, r.indexOf('='))).findFirst().orElse(modelNow);
    Field then = fieldOf(stepStart, modelThen, rename.substring(dot + 1, eq));
    Field now = fieldOf(state, modelNow, rename.substring(eq + 1));
    return then != null && now != null
        && then.type().isManyToMany() != now.type().isManyToMany();
  }

  private static Field fieldOf(ProjectState in, String model, String field) {
    for (ModelState m : in.models()) {
      if (!lower(m.key()).equals(model)) continue;
      for (var f : m.fields().entrySet()) if (f.getKey().lower().equals(field)) return f.getValue();
    }
    return null;
  }

  private static String lower(ModelKey key) {
    return key.reference().toLowerCase(Locale.ROOT);
  }

  private static String describe(Field f) {
    StringBuilder s = new StringBuilder(f.type().djangoName());
    List<String> opts = new ArrayList<>();
    if (f.maxLength() != null) opts.add("max_length=" + f.maxLength());
    if (f.maxDigits() != null) opts.add("max_digits=" + f.maxDigits());
    if (f.to() != null) opts.add("to=" + f.to());
    if (f.onDelete() != null) opts.add("on_delete=" + f.onDelete());
    if (f.nullable()) opts.add("null");
    if (f.defaultValue() != null) opts.add("default=" + f.defaultValue());
    if (f.unique()) opts.add("unique");
    if (f.dbIndex() != null) opts.add("db_index=" + f.dbIndex());
    if (f.dbColumn() != null) opts.add("db_column=" + f.dbColumn());
    return s.append(opts).toString();
  }
}
