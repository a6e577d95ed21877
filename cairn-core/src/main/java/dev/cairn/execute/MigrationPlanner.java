package dev.cairn.execute;

import dev.cairn.graph.MigrationGraph;
import dev.cairn.history.Progress;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.operations.Operation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns targets into the list of migrations to apply or unapply, as Django's {@code
 * migration_plan} does: a target already applied means "unapply what came after it in its app";
 * one not applied means "apply it and what it needs".
 */
public final class MigrationPlanner {
  private final MigrationGraph graph;
  private final Set<MigrationKey> applied;
  private final Map<MigrationKey, Progress> partial;

  public MigrationPlanner(MigrationGraph graph, Set<MigrationKey> applied) {
    this(graph, applied, Map.of());
  }

  /**
   * @param partial migrations that stopped part-way outside a transaction: not applied, so a
   *     forwards plan goes on with them, yet unapplied by a backwards plan as far as they got
   */
  public MigrationPlanner(MigrationGraph graph, Set<MigrationKey> applied,
      Map<MigrationKey, Progress> partial) {
    this.graph = graph;
    this.applied = applied;
    this.partial = partial;
  }

  private boolean inDatabase(MigrationKey k) {
    return applied.contains(k) || partial.containsKey(k);
  }

  private PlanStep step(MigrationKey k, boolean backwards) {
    return new PlanStep(graph.migration(k), backwards, partial.get(k));
  }

  /** All leaves when {@code targets} is empty. */
  public List<PlanStep> plan(List<Target> targets) {
    List<MigrationKey> resolved = new ArrayList<>();
    List<Target> zeros = new ArrayList<>();
    if (targets.isEmpty()) {
      resolved.addAll(graph.leafNodes());
    }
    for (Target t : targets) {
      if (t.isZero()) zeros.add(t);
      else resolved.add(resolve(t));
    }
    Set<MigrationKey> seen = new LinkedHashSet<>();
    List<PlanStep> plan = new ArrayList<>();
    for (Target zero : zeros) {
      requireApp(zero.app());
      for (MigrationKey root : graph.rootNodes(zero.app())) {
        for (MigrationKey k : graph.backwardsPlan(root)) {
          if (inDatabase(k) && seen.add(k)) plan.add(step(k, true));
        }
      }
    }
    for (MigrationKey target : resolved) {
      if (applied.contains(target)) {
        // Already there: unapply whatever follows it in its own app (and what depends on that).
        for (MigrationKey child : graph.children(target)) {
          if (!child.app().equals(target.app())) continue;
          for (MigrationKey k : graph.backwardsPlan(child)) {
            if (inDatabase(k) && seen.add(k)) plan.add(step(k, true));
          }
        }
      } else {
        for (MigrationKey k : graph.forwardsPlan(target)) {
          if (!applied.contains(k) && seen.add(k)) plan.add(step(k, false));
        }
      }
    }
    if (plan.stream().anyMatch(PlanStep::backwards) && plan.stream().anyMatch(s -> !s.backwards())) {
      throw new MigrationErrors.UnknownTarget("these targets would apply some migrations and "
          + "unapply others in one run; migrate to each target in a separate command");
    }
    return plan;
  }

  /** Refuses a backwards plan that holds an irreversible operation, before anything runs. */
  public static void checkReversible(List<PlanStep> plan) {
    for (PlanStep step : plan) {
      if (!step.backwards()) continue;
      Migration m = step.migration();
      List<Operation> ops = m.operations();
      // A partly applied migration unapplies only the operations that ran.
      int ran = step.isPartial() ? step.progress().operations() : ops.size();
      for (int i = 0; i < ran; i++) {
        if (!ops.get(i).isReversible()) {
          throw new MigrationErrors.Irreversible("migration " + m.key() + " cannot be unapplied:"
              + " operation " + (i + 1) + " (" + ops.get(i).describe() + ") is irreversible.\n"
              + "  Give it a reverse (reverse_sql or reverse_code) in " + m.location()
              + ", or stop at a later target. Nothing was changed.");
        }
      }
    }
  }

  /** The migration a target names: exact name first, else a unique prefix, as Django allows. */
  public MigrationKey resolve(Target target) {
    requireApp(target.app());
    if (target.isLatest()) {
      List<MigrationKey> leaves = graph.leafNodes(target.app());
      if (leaves.size() != 1) {
        throw new MigrationErrors.UnknownTarget("app '" + target.app() + "' has "
            + (leaves.isEmpty() ? "no migrations" : "conflicting leaves " + MigrationErrors.join(leaves)
            + "; run 'cairn makemigrations --merge'"));
      }
      return leaves.get(0);
    }
    MigrationKey exact = new MigrationKey(target.app(), target.name());
    if (graph.nodes().contains(exact)) return exact;
    List<MigrationKey> matches = graph.nodes().stream()
        .filter(k -> k.app().equals(target.app()) && k.name().startsWith(target.name()))
        .sorted().toList();
    if (matches.size() == 1) return matches.get(0);
    if (matches.isEmpty()) {
      throw new MigrationErrors.UnknownTarget("app '" + target.app() + "' has no migration '"
          + target.name() + "'; run 'cairn showmigrations " + target.app() + "' to list them");
    }
    throw new MigrationErrors.UnknownTarget("'" + target.name() + "' fits more than one migration"
        + " in app '" + target.app() + "': " + MigrationErrors.join(matches) + "; give more of the name");
  }

  private void requireApp(String app) {
    if (!graph.apps().contains(app)) {
      throw new MigrationErrors.UnknownTarget("app '" + app + "' has no migrations; " + (graph.apps()
          .isEmpty() ? "no app has any yet: run 'cairn makemigrations' to write them"
          : "apps with migrations: " + String.join(", ", graph.apps())));
    }
  }
}
