package dev.cairn.autodetect;

import dev.cairn.operations.AddConstraint;
import dev.cairn.operations.AlterField;
import dev.cairn.operations.CreateModel;
import dev.cairn.operations.DeleteModel;
import dev.cairn.operations.ModelOptions;
import dev.cairn.operations.Operation;
import dev.cairn.operations.RemoveConstraint;
import dev.cairn.operations.RemoveField;
import dev.cairn.operations.RemoveIndex;
import dev.cairn.operations.RenameJoinTable;
import dev.cairn.operations.SeparateDatabaseAndState;
import dev.cairn.schema.JoinTable;
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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * {@code through} added to or removed from an existing many-to-many. Django refuses the change
 * (its AlterField would drop the join table and its rows) and documents a recipe to write by
 * hand; Cairn writes that recipe. Adding: a SeparateDatabaseAndState whose database operation
 * renames the auto-created join table (and its columns) to the through model's, and whose state
 * operations create the through model as the table now is (its key and two foreign keys, the
 * unique pair) and point the field through it; what else the through model has (fields, indexes,
 * constraints) the ordinary diff adds after it. Removing, when the through model goes: the
 * ordinary operations take the through model back to that shape, then the same recipe in
 * reverse. Whatever cannot keep the rows is refused with what to do.
 */
final class ThroughChanges {
  private final ProjectState to;
  private final Collection<String> apps;
  private final BiConsumer<String, Change> add;

  /** @param add receives each operation for an app, in order */
  ThroughChanges(ProjectState to, Collection<String> apps, BiConsumer<String, Change> add) {
    this.to = to;
    this.apps = apps;
    this.add = add;
  }

  /** Writes the changes of {@code through}; returns {@code current} with them made. */
  ProjectState apply(ProjectState current) {
    for (String app : apps) {
      for (ModelState target : Autodetector.modelsOf(to, app)) {
        for (Map.Entry<Name, Field> e : target.fields().entrySet()) {
          ModelState old = current.model(target.key()).orElse(null);
          Field before = old == null ? null : old.fields().get(e.getKey());
          Field after = e.getValue();
          if (before == null || !before.type().isManyToMany() || !after.type().isManyToMany()
              || JoinTable.isAutoCreated(before) == JoinTable.isAutoCreated(after)) {
            continue;
          }
          current = JoinTable.isAutoCreated(before)
              ? adopt(current, app, old, e.getKey(), after)
              : giveBack(current, app, old, e.getKey(), before, after);
        }
      }
    }
    return current;
  }

  /** The through model takes over the auto-created join table. */
  private ProjectState adopt(ProjectState current, String app, ModelState source, Name field,
      Field after) {
    Field before = source.requireField(field);
    String what = "adding through: " + after.through() + " to " + fieldName(source, field);
    ModelKey throughKey = ModelKey.resolve(app, after.through());
    requireSameTarget(app, source, field, before, after, what);
    requireSameApp(app, throughKey, what);
    if (current.model(throughKey).isPresent()) {
      throw new RefusedChange(app, what + ": the through model " + throughKey + " already exists, so"
          + " its table cannot take over the join table " + joinTable(source, field, before)
          + " and its rows.\n  Add the through model in the same makemigrations run as the"
          + " through option (Cairn then moves the table over), or copy the rows into "
          + throughKey + "'s table with a RunSQL migration first.");
    }
    ModelState through = to.requireModel(throughKey);
    Core core = core(app, source, field, through, what);
    ModelState join = JoinTable.model(current, source, field, before);
    Operation sdas = new SeparateDatabaseAndState(
        List.of(new RenameJoinTable(modelName(source), field, join.table(), through.table(),
            columns(join), core.columns())),
        List.of(new CreateModel(through.name(), core.model().fields(),
                new ModelOptions(through.dbTable(), true, null), List.of(),
                core.model().constraints()),
            new AlterField(modelName(source), field, after)));
    add.accept(app, new Change(sdas, otherApps(app, core.model()), false));
    return sdas.stateForwards(app, current);
  }

  /** The through model, which goes, gives its table back as the auto-created join table. */
  private ProjectState giveBack(ProjectState current, String app, ModelState source, Name field,
      Field before, Field after) {
    String what = "removing through: " + before.through() + " from " + fieldName(source, field);
    ModelKey throughKey = ModelKey.resolve(app, before.through());
    requireSameTarget(app, source, field, before, after, what);
    requireSameApp(app, throughKey, what);
    if (to.model(throughKey).isPresent()) {
      throw new RefusedChange(app, what + ": the through model " + throughKey + " stays, so its rows"
          + " would stay in its table while the new join table starts empty.\n  Keep through: "
          + before.through() + " (a through model with only its two keys works as the"
          + " auto-created table does), or remove " + throughKey + " in the same run so that"
          + " Cairn gives its table back to the field.");
    }
    ModelState through = current.requireModel(throughKey);
    for (ModelState m : current.models()) {
      for (Map.Entry<Name, Field> f : m.fields().entrySet()) {
        boolean pointsAt = f.getValue().to() != null
            && ModelKey.resolve(m.app(), f.getValue().to()).equals(throughKey);
        boolean otherThrough = f.getValue().through() != null
            && !(m.key().equals(source.key()) && f.getKey().equals(field))
            && ModelKey.resolve(m.app(), f.getValue().through()).equals(throughKey);
        if (pointsAt || otherThrough) {
          throw new RefusedChange(app, what + ": " + fieldName(m, f.getKey()) + " still uses "
              + throughKey + ".\n  Remove or repoint it in a migration of its own first.");
        }
      }
    }
    Core core = core(app, source, field, through, what);
    List<Operation> ops = new ArrayList<>();
    Name model = modelName(through);
    for (Index i : through.indexes()) ops.add(new RemoveIndex(model, i.name()));
    for (Constraint c : through.constraints()) {
      if (!core.model().constraints().contains(c)) ops.add(new RemoveConstraint(model, c.name()));
    }
    for (Name n : through.fields().keySet()) {
      if (!core.model().fields().containsKey(n)) ops.add(new RemoveField(model, n));
    }
    core.model().fields().forEach((n, f) -> {
      if (!f.equals(through.requireField(n))) ops.add(new AlterField(model, n, f));
    });
    for (Constraint c : core.model().constraints()) {
      if (!through.constraints().contains(c)) ops.add(new AddConstraint(model, c));
    }
    ModelState join = JoinTable.model(current, source, field, after);
    ops.add(new SeparateDatabaseAndState(
        List.of(new RenameJoinTable(modelName(source), field, through.table(), join.table(),
            core.columns(), columns(join))),
        List.of(new AlterField(modelName(source), field, after), new DeleteModel(through.name()))));
    Set<ModelKey> needs = otherApps(app, core.model());
    for (Operation op : ops) {
      add.accept(app, new Change(op, needs, false));
      current = op.stateForwards(app, current);
    }
    return current;
  }

  /**
   * The through model as it is while it holds the join table as Cairn made it: its own key
   * (a BigAutoField, as the join table's), its keys to the two sides (CASCADE, as the join
   * table's) and a unique pair; its own names and columns.
   */
  private record Core(ModelState model, List<String> columns) {}

  private static Core core(String app, ModelState source, Name field, ModelState through,
      String what) {
    ModelKey sourceKey = source.key();
    ModelKey targetKey = ModelKey.resolve(app, source.requireField(field).to());
    if (sourceKey.equals(targetKey)) {
      throw new RefusedChange(app, what + ": a many-to-many to its own model has two keys to it, and"
          + " Cairn cannot tell which of " + through.key() + "'s is which side.\n  Move the rows"
          + " by hand: a SeparateDatabaseAndState with the state operations makemigrations would"
          + " write and a RunSQL in database_operations.");
    }
    if (!through.managed()) {
      throw new RefusedChange(app, what + ": the through model " + through.key() + " is managed:"
          + " false, so Cairn may not move the join table into its table.\n  Make it managed, or"
          + " move the rows by hand.");
    }
    Map.Entry<Name, Field> pk = through.primaryKey();
    if (!pk.getValue().type().isAuto()) {
      throw new RefusedChange(app, what + ": the join table's key is a BigAutoField, but "
          + through.key() + "." + pk.getKey() + " is " + pk.getValue().type().withArticle()
          + ".\n  Give the through model an automatic key (leave it out: id BigAutoField).");
    }
    Name fromName = keyTo(through, sourceKey, what);
    Name toName = keyTo(through, targetKey, what);
    Map<Name, Field> fields = new LinkedHashMap<>();
    fields.put(pk.getKey(), Field.of(FieldType.BIG_AUTO).primaryKey(true)
        .dbColumn(pk.getValue().dbColumn()).build());
    fields.put(fromName, relation(through.requireField(fromName)));
    fields.put(toName, relation(through.requireField(toName)));
    List<String> columns = new ArrayList<>();
    fields.forEach((n, f) -> columns.add(f.column(n)));
    Constraint unique = Constraint.unique(
        JoinTable.pairUniqueName(through.table(), columns.get(1), columns.get(2)),
        List.of(fromName, toName), null);
    ModelState model = new ModelState(through.app(), through.name(), fields, through.dbTable(),
        true, null, List.of(), List.of(unique));
    return new Core(model, columns);
  }

  /** The one ForeignKey of {@code through} to {@code side}'s key, as the join table has. */
  private static Name keyTo(ModelState through, ModelKey side, String what) {
    String app = through.app();
    List<Name> keys = new ArrayList<>();
    through.fields().forEach((n, f) -> {
      if (f.type() == FieldType.FOREIGN_KEY && f.toField() == null
          && ModelKey.resolve(through.app(), f.to()).equals(side)) {
        keys.add(n);
      }
    });
    if (keys.size() != 1) {
      throw new RefusedChange(app, what + ": the through model " + through.key() + " needs exactly"
          + " one ForeignKey to " + side + " (to its primary key), and has " + keys.size()
          + (keys.isEmpty() ? "" : " (" + keys + ")") + ".\n  Give it one, as the join table"
          + " has, so that Cairn can move the table's rows over.");
    }
    return keys.get(0);
  }

  private static Field relation(Field key) {
    return Field.of(FieldType.FOREIGN_KEY).to(key.to()).onDelete(OnDelete.CASCADE)
        .dbColumn(key.dbColumn()).build();
  }

  private static void requireSameTarget(String app, ModelState source, Name field, Field before,
      Field after, String what) {
    if (!ModelKey.resolve(app, before.to()).equals(ModelKey.resolve(app, after.to()))) {
      throw new RefusedChange(app, what + " while it also changes from " + before.to() + " to "
          + after.to() + ": the pairs in the join table would point at the wrong model.\n  Make"
          + " the two changes in two makemigrations runs, or remove the field and add a new one.");
    }
  }

  private static void requireSameApp(String app, ModelKey through, String what) {
    if (!through.app().equals(app)) {
      throw new RefusedChange(app, what + ": the through model is in app '" + through.app()
          + "', and the join table's rows can only move within app '" + app + "'.\n  Declare"
          + " the through model in app '" + app + "'.");
    }
  }

  private static List<String> columns(ModelState join) {
    List<String> columns = new ArrayList<>();
    join.fields().forEach((n, f) -> columns.add(f.column(n)));
    return columns;
  }

  private static Set<ModelKey> otherApps(String app, ModelState model) {
    Set<ModelKey> keys = new LinkedHashSet<>();
    for (Field f : model.fields().values()) {
      if (f.to() == null) continue;
      ModelKey k = ModelKey.resolve(model.app(), f.to());
      if (!k.app().equals(app)) keys.add(k);
    }
    return keys;
  }

  private static String joinTable(ModelState source, Name field, Field f) {
    return JoinTable.tableName(source, field, f);
  }

  private static String fieldName(ModelState model, Name field) {
    return model.key() + "." + field;
  }

  private static Name modelName(ModelState model) {
    return Name.of(model.name().lower());
  }
}
