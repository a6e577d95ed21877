package dev.cairn.graph;

import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.operations.Operation;
import dev.cairn.state.ProjectState;
import dev.cairn.state.StateException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Migrations as nodes, each a child of the migrations it depends on, as Django's {@code
 * MigrationGraph}. A migration that says {@code run_before: [Y]} is a parent of Y. The graph has no
 * circles and no dependency on a missing migration: {@link #of} checks both. Immutable.
 *
 * <p>Plans follow Django's iterative depth-first search exactly, so Cairn and Django order the
 * same migrations the same way.
 */
public final class MigrationGraph {
  private final List<Migration> source;
  private final Map<MigrationKey, Migration> migrations;
  private final SortedSet<MigrationKey> nodes;
  private final Map<MigrationKey, List<MigrationKey>> parents;
  private final Map<MigrationKey, List<MigrationKey>> children;
  private final SortedSet<MigrationKey> replacementsUsed;

  MigrationGraph(Collection<Migration> source, Map<MigrationKey, Migration> migrations,
      Map<MigrationKey, List<MigrationKey>> parents, Map<MigrationKey, List<MigrationKey>> children,
      Set<MigrationKey> replacementsUsed) {
    this.source = List.copyOf(source);
    TreeMap<MigrationKey, Migration> sorted = new TreeMap<>(migrations);
    this.migrations = Collections.unmodifiableMap(sorted);
    this.nodes = Collections.unmodifiableSortedSet(sorted.navigableKeySet());
    this.parents = Map.copyOf(parents);
    this.children = Map.copyOf(children);
    this.replacementsUsed = Collections.unmodifiableSortedSet(new TreeSet<>(replacementsUsed));
  }

  /**
   * The graph of all {@code migrations}, squashed ones next to the originals they replace; see
   * {@link #withReplacements} for the graph to plan with. A dependency on an original whose file
   * was deleted points at the migration that replaces it.
   *
   * @throws NodeNotFoundException if a migration depends on one that does not exist
   * @throws CircularDependencyException if migrations depend on each other in a circle
   */
  public static MigrationGraph of(Collection<Migration> migrations) {
    return new GraphBuilder(migrations).replaceMissing().build(migrations);
  }

  /**
   * The graph to plan with, given the migrations the history says are {@code applied}, as Django's
   * loader builds it: a squashed migration is used when none or all of the migrations it replaces
   * are applied (they leave the graph, and their edges move to it); when only some are, the
   * squashed migration leaves the graph and the originals stay.
   */
  public MigrationGraph withReplacements(Set<MigrationKey> applied) {
    // Most projects have no squashed migration: the graph is already the one to plan with.
    if (source.stream().allMatch(m -> m.replaces().isEmpty())) return this;
    return new GraphBuilder(source).replace(applied).build(source);
  }

  /** The squashed migrations that stand in for their originals in this graph. */
  public SortedSet<MigrationKey> replacementsUsed() {
    return replacementsUsed;
  }

  /**
   * The nodes of this graph that count as applied when the history has {@code recorded}: those
   * recorded, and each squashed migration in use whose originals are all recorded.
   */
  public SortedSet<MigrationKey> applied(Set<MigrationKey> recorded) {
    SortedSet<MigrationKey> applied = new TreeSet<>();
    for (MigrationKey key : recorded) if (migrations.containsKey(key)) applied.add(key);
    for (MigrationKey key : replacementsUsed) {
      if (recorded.containsAll(migrations.get(key).replaces())) applied.add(key);
    }
    return applied;
  }

  public SortedSet<MigrationKey> nodes() {
    return nodes;
  }

  public boolean contains(MigrationKey key) {
    return migrations.containsKey(key);
  }

  public Migration migration(MigrationKey key) {
    return migrations.get(require(key));
  }

  /** The labels of the apps that have migrations, sorted. */
  public SortedSet<String> apps() {
    SortedSet<String> apps = new TreeSet<>();
    for (MigrationKey key : nodes) apps.add(key.app());
    return apps;
  }

  /** The migrations {@code key} depends on directly, sorted. */
  public List<MigrationKey> parents(MigrationKey key) {
    return parents.get(require(key));
  }

  /** The migrations that depend on {@code key} directly, sorted. */
  public List<MigrationKey> children(MigrationKey key) {
    return children.get(require(key));
  }

  /** Every app's last migrations: those no migration of the same app depends on, sorted. */
  public List<MigrationKey> leafNodes() {
    return ends(null, children);
  }

  public List<MigrationKey> leafNodes(String app) {
    return ends(app, children);
  }

  /** The app's first migrations: those depending on no migration of the same app, sorted. */
  public List<MigrationKey> rootNodes(String app) {
    return ends(app, parents);
  }

  /** Each app with more than one leaf, to the names of its leaves, sorted. */
  public SortedMap<String, List<String>> conflicts() {
    SortedMap<String, List<String>> leaves = new TreeMap<>();
    for (MigrationKey leaf : leafNodes()) {
      leaves.computeIfAbsent(leaf.app(), a -> new ArrayList<>()).add(leaf.name());
    }
    leaves.values().removeIf(names -> names.size() < 2);
    leaves.replaceAll((app, names) -> List.copyOf(names));
    return leaves;
  }

  /** @throws ConflictException if an app has more than one leaf */
  public void requireNoConflicts() {
    SortedMap<String, List<String>> conflicts = conflicts();
    if (!conflicts.isEmpty()) throw new ConflictException(conflicts);
  }

  /** What to apply to reach {@code target}: its ancestors, parents first, then the target. */
  public List<MigrationKey> forwardsPlan(MigrationKey target) {
    return forwardsPlan(List.of(target));
  }

  /**
   * The forwards plans of {@code targets} one after another, each migration once (Django's
   * {@code _generate_plan}), from one walk instead of a plan per target.
   */
  public List<MigrationKey> forwardsPlan(Collection<MigrationKey> targets) {
    return walk(targets, parents);
  }

  /** What to unapply to undo {@code target}: its descendants, children first, then the target. */
  public List<MigrationKey> backwardsPlan(MigrationKey target) {
    return walk(List.of(target), children);
  }

  /** Every migration, parents first: the forwards plans of all leaves, for {@code --plan}. */
  public List<MigrationKey> fullPlan() {
    return forwardsPlan(leafNodes());
  }

  /**
   * The state once {@code targets} and their ancestors are applied, replaying each migration's
   * operations once, in plan order.
   *
   * @throws ReplayException if an operation does not fit the state before it
   */
  public ProjectState stateAt(Collection<MigrationKey> targets) {
    ProjectState state = ProjectState.empty();
    for (MigrationKey key : forwardsPlan(targets)) {
      Migration migration = migrations.get(key);
      for (Operation op : migration.operations()) {
        try {
          state = op.stateForwards(migration.app(), state);
        } catch (StateException e) {
          throw ReplayException.of(migration, op, e);
        }
      }
    }
    return state;
  }

  /** The state once every migration is applied. */
  public ProjectState leafState() {
    return stateAt(leafNodes());
  }

  @Override public String toString() {
    return "MigrationGraph" + nodes;
  }

  private MigrationKey require(MigrationKey key) {
    if (!migrations.containsKey(key)) {
      throw new NodeNotFoundException(key, "Migration " + key + " does not exist");
    }
    return key;
  }

  private List<MigrationKey> ends(String app, Map<MigrationKey, List<MigrationKey>> next) {
    List<MigrationKey> ends = new ArrayList<>();
    for (MigrationKey key : nodes) {
      if (app != null && !app.equals(key.app())) continue;
      if (next.get(key).stream().noneMatch(n -> n.app().equals(key.app()))) ends.add(key);
    }
    return ends;
  }

  /**
   * Django's {@code iterative_dfs}: a node is written once everything in {@code next} from it is.
   * Neighbours are pushed in key order, so the greatest is walked first, as in Django.
   */
  private List<MigrationKey> walk(Collection<MigrationKey> starts,
      Map<MigrationKey, List<MigrationKey>> next) {
    Set<MigrationKey> done = new HashSet<>();
    List<MigrationKey> plan = new ArrayList<>();
    Deque<MigrationKey> stack = new ArrayDeque<>();
    Deque<Boolean> expanded = new ArrayDeque<>();
    for (MigrationKey start : new LinkedHashSet<>(starts)) {
      require(start);
      stack.push(start);
      expanded.push(false);
      while (!stack.isEmpty()) {
        MigrationKey node = stack.pop();
        boolean isExpanded = expanded.pop();
        if (done.contains(node)) continue;
        if (isExpanded) {
          done.add(node);
          plan.add(node);
          continue;
        }
        stack.push(node);
        expanded.push(true);
        for (MigrationKey n : next.get(node)) {
          if (done.contains(n)) continue;
          stack.push(n);
          expanded.push(false);
        }
      }
    }
    return plan;
  }
}
