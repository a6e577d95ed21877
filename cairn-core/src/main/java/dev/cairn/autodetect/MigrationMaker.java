package dev.cairn.autodetect;

import dev.cairn.graph.MigrationGraph;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.operations.AlterField;
import dev.cairn.operations.DeleteModel;
import dev.cairn.operations.Operation;
import dev.cairn.operations.RemoveField;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Turns detected changes into new migrations: numbered after each app's latest, named as Django
 * names them, depending on the app's latest migration and on the other apps' migrations that make
 * the models they point at. Apps that need each other's new models get two migrations each, the
 * relations between them in the second.
 */
public final class MigrationMaker {
  private final MigrationGraph graph;
  private final java.util.Collection<MigrationKey> existing;
  private final String header;
  private final BiFunction<List<Operation>, String, List<Operation>> optimizer;

  /**
   * @param graph the existing migrations, squashed ones in place of what they replace
   * @param existing every migration on disk, squashed or not, so that numbers never repeat
   * @param header the comment written at the top of each file
   * @param optimizer shortens an app's operation list (identity to keep it as detected)
   */
  public MigrationMaker(MigrationGraph graph, java.util.Collection<MigrationKey> existing,
      String header, BiFunction<List<Operation>, String, List<Operation>> optimizer) {
    this.graph = graph;
    this.existing = existing;
    this.header = header;
    this.optimizer = optimizer;
  }

  /** @param name the name asked for with {@code --name}, or {@code null} to suggest one */
  public List<Migration> make(Map<String, List<Change>> changes, String name) {
    Map<String, List<List<Change>>> parts = new LinkedHashMap<>();
    changes.forEach((app, list) -> parts.put(app, split(list)));

    Map<String, List<MigrationKey>> keys = new LinkedHashMap<>();
    Map<ModelKey, MigrationKey> madeBy = new HashMap<>();
    parts.forEach((app, appParts) -> {
      int number = nextNumber(app);
      List<MigrationKey> appKeys = new ArrayList<>();
      for (int i = 0; i < appParts.size(); i++) {
        List<Operation> ops = operations(appParts.get(i));
        // Every migration of a new app is "initial", as Django names them: 0002_initial.
        String suggested = name != null && i == 0 ? name
            : MigrationNamer.suggest(ops, isNewApp(app));
        MigrationKey key = new MigrationKey(app, String.format("%04d_%s", number + i, suggested));
        appKeys.add(key);
        for (Operation op : ops) {
          for (Name model : op.introducedModels()) madeBy.put(new ModelKey(app, model), key);
        }
      }
      keys.put(app, appKeys);
    });

    List<Migration> result = new ArrayList<>();
    parts.forEach((app, appParts) -> {
      for (int i = 0; i < appParts.size(); i++) {
        Set<MigrationKey> deps = new LinkedHashSet<>();
        if (i > 0) deps.add(keys.get(app).get(i - 1));
        else latest(app).ifPresent(deps::add);
        for (Change c : appParts.get(i)) {
          for (ModelKey needed : c.needs()) {
            MigrationKey maker = madeBy.get(needed);
            if (maker != null) deps.add(maker);
            else latest(needed.app()).ifPresent(deps::add);
          }
          for (ModelKey before : c.after()) {
            MigrationKey changer = changedIn(parts.get(before.app()), keys.get(before.app()), before);
            if (changer != null) deps.add(changer);
            else latest(before.app()).ifPresent(deps::add);
          }
        }
        deps.remove(keys.get(app).get(i));
        boolean initial = i == 0 && isNewApp(app);
        List<Operation> ops = optimizer.apply(operations(appParts.get(i)), app);
        result.add(new Migration(keys.get(app).get(i), new ArrayList<>(deps), ops, List.of(),
            List.of(), initial, true, header, null, null));
      }
    });
    return result;
  }

  /**
   * The new migrations of {@code apps} and, transitively, the new migrations of other apps they
   * depend on, as Django's {@code _trim_to_apps} keeps them for {@code makemigrations app}
   * (Django keeps whole apps; a migration no kept one needs waits for its own run).
   */
  public static List<Migration> onlyFor(List<Migration> made, java.util.Collection<String> apps) {
    Map<MigrationKey, Migration> byKey = new LinkedHashMap<>();
    made.forEach(m -> byKey.put(m.key(), m));
    Set<MigrationKey> keep = new LinkedHashSet<>();
    java.util.ArrayDeque<Migration> todo = new java.util.ArrayDeque<>();
    for (Migration m : made) if (apps.contains(m.app())) todo.add(m);
    while (!todo.isEmpty()) {
      Migration m = todo.poll();
      if (!keep.add(m.key())) continue;
      for (MigrationKey dep : m.dependencies()) {
        Migration needed = byKey.get(dep);
        if (needed != null) todo.add(needed);
      }
    }
    return made.stream().filter(m -> keep.contains(m.key())).toList();
  }

  /** An empty migration for {@code makemigrations --empty}. */
  public Migration empty(String app, String name) {
    MigrationKey key = new MigrationKey(app, String.format("%04d_%s", nextNumber(app),
        name != null ? name : isNewApp(app) ? "initial" : "auto"));
    return new Migration(key, latest(app).stream().toList(), List.of(), List.of(), List.of(),
        isNewApp(app), true, header, null, null);
  }

  /**
   * The last of an app's new migrations that alters or removes fields of {@code model}, else the
   * one that deletes it, else its first new one; {@code null} if the app has none. A deleted
   * model's relations are removed before it goes: waiting for that removal, not the deletion,
   * lets two apps delete models that point at each other. It names the operations the
   * autodetector makes for those relations and that model, as it reasons about the autodetector's
   * own output, not about every operation a file may hold.
   */
  private static MigrationKey changedIn(List<List<Change>> appParts, List<MigrationKey> appKeys,
      ModelKey model) {
    if (appParts == null) return null;
    MigrationKey fieldsChanged = null;
    MigrationKey deleted = null;
    for (int i = 0; i < appParts.size(); i++) {
      for (Change c : appParts.get(i)) {
        Operation op = c.operation();
        Name fieldsOf = op instanceof RemoveField r ? r.modelName()
            : op instanceof AlterField a ? a.modelName() : null;
        if (model.name().equals(fieldsOf)) fieldsChanged = appKeys.get(i);
        if (op instanceof DeleteModel d && model.name().equals(d.name())) deleted = appKeys.get(i);
      }
    }
    if (fieldsChanged != null) return fieldsChanged;
    return deleted != null ? deleted : appKeys.get(0);
  }

  private static List<List<Change>> split(List<Change> changes) {
    List<Change> first = new ArrayList<>();
    List<Change> deferred = new ArrayList<>();
    for (Change c : changes) (c.deferrable() ? deferred : first).add(c);
    if (deferred.isEmpty()) return List.of(changes);
    if (first.isEmpty()) return List.of(deferred);
    return List.of(first, deferred);
  }

  private static List<Operation> operations(List<Change> changes) {
    return changes.stream().map(Change::operation).toList();
  }

  private boolean isNewApp(String app) {
    return existing.stream().noneMatch(k -> k.app().equals(app));
  }

  private java.util.Optional<MigrationKey> latest(String app) {
    List<MigrationKey> leaves = graph.leafNodes(app);
    return leaves.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(leaves.get(leaves.size() - 1));
  }

  /** One past the highest number among the app's migrations, as Django counts. */
  private int nextNumber(String app) {
    int max = 0;
    for (MigrationKey k : existing) {
      if (!k.app().equals(app)) continue;
      int end = 0;
      while (end < k.name().length() && Character.isDigit(k.name().charAt(end))) end++;
      if (end > 0) max = Math.max(max, Integer.parseInt(k.name().substring(0, Math.min(end, 9))));
    }
    return max + 1;
  }
}
