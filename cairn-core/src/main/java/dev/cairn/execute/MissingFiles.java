package dev.cairn.execute;

import dev.cairn.history.AppliedMigration;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applied migrations whose files were deleted: found, and kept from being gone back past. */
final class MissingFiles {
  private MissingFiles() {}

  /**
   * Applied migrations whose files are gone: recorded for an app that still has migrations, with
   * neither a file nor a squash that replaces them. Django ignores such rows; Cairn reports them,
   * and refuses to go backwards past them (see {@link MigrationErrors.MissingFile}).
   */
  static List<MigrationKey> of(Collection<Migration> migrations,
      Map<MigrationKey, AppliedMigration> applied) {
    Set<String> apps = new java.util.HashSet<>();
    Set<MigrationKey> known = new java.util.HashSet<>();
    for (Migration m : migrations) {
      apps.add(m.app());
      known.add(m.key());
      known.addAll(m.replaces());
    }
    return applied.keySet().stream()
        .filter(k -> apps.contains(k.app()) && !known.contains(k)).toList();
  }

  /**
   * Refuses to go backwards past a migration whose file is gone: one applied after a migration the
   * plan unapplies may depend on it, and one of an app taken to an earlier target or to zero
   * would have to be unapplied itself; without its file Cairn can do neither. One applied
   * earlier than everything the run unapplies is left alone, and the run goes on.
   */
  static void check(Collection<Migration> migrations,
      Map<MigrationKey, AppliedMigration> appliedRows, MigrationPlanner planner,
      List<Target> targets, List<PlanStep> plan) {
    List<MigrationKey> missing = of(migrations, appliedRows);
    if (missing.isEmpty()) return;
    List<MigrationKey> order = new ArrayList<>(appliedRows.keySet());
    Set<MigrationKey> needed = new LinkedHashSet<>();
    MigrationKey from = null;
    if (!plan.isEmpty() && plan.get(0).backwards()) {
      int earliest = Integer.MAX_VALUE;
      for (PlanStep step : plan) {
        List<MigrationKey> keys = new ArrayList<>(step.migration().replaces());
        keys.add(step.migration().key());
        for (MigrationKey k : keys) {
          int at = order.indexOf(k);
          if (at >= 0) earliest = Math.min(earliest, at);
        }
      }
      if (earliest < order.size()) {
        from = order.get(earliest);
        int after = earliest;
        missing.stream().filter(k -> order.indexOf(k) > after).forEach(needed::add);
      }
    }
    for (Target t : targets) {
      int after = t.isZero() ? -1 : order.indexOf(planner.resolve(t));
      if (!t.isZero() && after < 0) continue; // a target not applied yet goes forwards
      for (MigrationKey k : missing) {
        if (k.app().equals(t.app()) && order.indexOf(k) > after && needed.add(k) && from == null) {
          from = t.isZero() ? null : order.get(after);
        }
      }
    }
    if (!needed.isEmpty()) {
      List<MigrationKey> list = List.copyOf(needed);
      throw new MigrationErrors.MissingFile(list, from, folders(migrations, list));
    }
  }

  /** Where each missing migration's file would be: beside the other migrations of its app. */
  private static List<String> folders(Collection<Migration> migrations, List<MigrationKey> keys) {
    List<String> files = new ArrayList<>();
    for (MigrationKey k : keys) {
      java.nio.file.Path folder = migrations.stream()
          .filter(m -> m.app().equals(k.app()) && m.source() != null)
          .map(m -> m.source().getParent()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
      files.add(folder == null ? k.name() + ".yaml" : folder.resolve(k.name() + ".yaml").toString());
    }
    return files;
  }
}
