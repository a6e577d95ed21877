package dev.cairn.optimize;

import static java.util.Objects.requireNonNull;

import dev.cairn.graph.MigrationGraph;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.operations.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds the migration that replaces consecutive migrations of one app, as Django's {@code
 * squashmigrations} does, without writing a file. Immutable: each option returns a changed copy.
 */
public final class Squasher {
  private final MigrationGraph graph;
  private final boolean optimize;
  private final boolean dropElidable;
  private final String squashedName;

  private Squasher(MigrationGraph graph, boolean optimize, boolean dropElidable,
      String squashedName) {
    this.graph = requireNonNull(graph, "graph == null");
    this.optimize = optimize;
    this.dropElidable = dropElidable;
    this.squashedName = squashedName;
  }

  /** Squashes within {@code graph}, built with {@link MigrationGraph#of}; optimizes, drops elidable operations. */
  public static Squasher of(MigrationGraph graph) {
    return new Squasher(graph, true, true, null);
  }

  /** Whether to run the {@link Optimizer} over the operations (Django's {@code --no-optimize} is false). */
  public Squasher optimize(boolean yes) {
    return new Squasher(graph, yes, dropElidable, squashedName);
  }

  /** Whether to drop RunSQL and RunJava marked elidable, as Django always does. */
  public Squasher dropElidable(boolean yes) {
    return new Squasher(graph, optimize, yes, squashedName);
  }

  /** The name after the number ({@code --squashed-name}); {@code null} for {@code squashed_<last>}. */
  public Squasher squashedName(String name) {
    return new Squasher(graph, optimize, dropElidable, name);
  }

  /**
   * The migration replacing {@code app}'s migrations from {@code from} (or its first, when {@code
   * null}) up to {@code to}, in plan order. Names may be given by a unique prefix ({@code 0004}).
   *
   * @throws SquashException if a name is unknown, the range is not consecutive, or holds a squash
   *     that still replaces others
   */
  public Migration squash(String app, String from, String to) {
    MigrationKey last = find(app, to);
    List<MigrationKey> plan =
        graph.forwardsPlan(last).stream().filter(k -> k.app().equals(app)).toList();
    int start = 0;
    if (from != null) {
      MigrationKey first = find(app, from);
      start = plan.indexOf(first);
      if (start < 0) {
        throw new SquashException("cannot squash " + first + " to " + last + ": " + first
            + " does not come before " + last + "; swap them, or pick migrations on one branch");
      }
    }
    List<MigrationKey> range = plan.subList(start, plan.size());
    if (range.size() < 2) {
      throw new SquashException("nothing to squash: the range " + last + " holds one migration");
    }
    Set<MigrationKey> squashed = new HashSet<>(range);
    List<Migration> migrations = range.stream().map(graph::migration).toList();
    for (Migration m : migrations) refuseUnadopted(m);
    refuseReplaced(range);
    for (MigrationKey key : range) refuseDetour(key, squashed);

    SortedSet<MigrationKey> dependencies = new TreeSet<>();
    SortedSet<MigrationKey> runBefore = new TreeSet<>();
    List<Operation> operations = new ArrayList<>();
    for (Migration m : migrations) {
      for (MigrationKey d : m.dependencies()) if (!squashed.contains(d)) dependencies.add(d);
      for (MigrationKey r : m.runBefore()) if (!squashed.contains(r)) runBefore.add(r);
      for (Operation op : m.operations()) if (!(dropElidable && op.isElidable())) operations.add(op);
    }
    if (optimize) operations = new Optimizer().optimize(operations, app);

    MigrationKey key = new MigrationKey(app, name(from == null ? null : range.get(0), last));
    if (graph.contains(key)) {
      throw new SquashException("cannot squash into " + key + ": a migration of that name exists;"
          + " choose another squashed name");
    }
    // Squashing from an app's first migration creates its tables: initial, as in Django.
    boolean initial = from == null || migrations.get(0).initial();
    boolean atomic = migrations.stream().allMatch(Migration::atomic);
    return new Migration(key, List.copyOf(dependencies), operations, range,
        List.copyOf(runBefore), initial, atomic, null, null, null);
  }

  /** Django's names: {@code 0001_squashed_<last>}, or {@code <first>_squashed_<last>} from a start. */
  private String name(MigrationKey first, MigrationKey last) {
    String prefix = first == null ? "0001" : first.name().split("_", 2)[0];
    if (squashedName != null) return prefix + "_" + squashedName;
    return (first == null ? prefix : first.name()) + "_squashed_" + last.name();
  }

  /**
   * A squash that still lists what it replaces may stand for those migrations in some databases
   * and not in others; squashing it again would lose track of which.
   */
  private static void refuseUnadopted(Migration m) {
    if (m.replaces().isEmpty()) return;
    throw new SquashException("cannot squash " + m.location() + ": it is itself a squash that still"
        + " replaces " + m.replaces().stream().map(Object::toString).collect(Collectors.joining(", "))
        + "; adopt it first: once every database has applied it, delete the migrations it replaces,"
        + " point their dependants at it and remove its 'replaces' list");
  }

  /**
   * Migrations an existing squash replaces are already squashed: a second squash of them would
   * give a fresh database both, and it would apply their operations twice. Django's loader takes
   * them out of the graph, so its squashmigrations cannot name them either.
   */
  private void refuseReplaced(List<MigrationKey> range) {
    Set<MigrationKey> inRange = new HashSet<>(range);
    for (MigrationKey key : graph.nodes()) {
      Migration squash = graph.migration(key);
      if (squash.replaces().isEmpty() || inRange.contains(key)) continue;
      List<MigrationKey> overlap = squash.replaces().stream().filter(inRange::contains).toList();
      if (overlap.isEmpty()) continue;
      MigrationKey lastReplaced = squash.replaces().get(squash.replaces().size() - 1);
      throw new SquashException("cannot squash " + overlap.stream().map(Object::toString)
          .collect(Collectors.joining(", ")) + ": already replaced by the squash " + key
          + " (" + squash.replaces().get(0) + " to " + lastReplaced + "); squash from after "
          + lastReplaced + ", or adopt " + key + " first (once every database has applied it,"
          + " delete the migrations it replaces and remove its 'replaces' list) and squash from it");
    }
  }

  /** A path that leaves the range and comes back would become a circle through the squash. */
  private void refuseDetour(MigrationKey key, Set<MigrationKey> squashed) {
    for (MigrationKey parent : graph.parents(key)) {
      if (squashed.contains(parent)) continue;
      for (MigrationKey ancestor : graph.forwardsPlan(parent)) {
        if (squashed.contains(ancestor)) {
          throw new SquashException("cannot squash " + key.app() + " migrations " + ancestor
              + " to " + key + " together: they are not consecutive, " + key + " depends on "
              + parent + ", which depends on " + ancestor + "; squash a range that "
              + parent + " is wholly before or after");
        }
      }
    }
  }

  /** The migration of {@code app} called {@code name}, or the only one whose name starts with it. */
  private MigrationKey find(String app, String name) {
    MigrationKey exact = new MigrationKey(app, name);
    if (graph.contains(exact)) return exact;
    List<MigrationKey> matches = graph.nodes().stream()
        .filter(k -> k.app().equals(app) && k.name().startsWith(name)).toList();
    if (matches.size() == 1) return matches.get(0);
    if (matches.isEmpty()) {
      throw new SquashException("cannot squash: app " + app + " has no migration " + name);
    }
    throw new SquashException("cannot squash: more than one migration of app " + app
        + " starts with " + name + " (" + matches.stream().map(MigrationKey::name)
        .collect(Collectors.joining(", ")) + "); give more of the name");
  }
}
