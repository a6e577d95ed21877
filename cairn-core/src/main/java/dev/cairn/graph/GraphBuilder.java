package dev.cairn.graph;

import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the nodes and edges of a {@link MigrationGraph}, as Django's loader builds its graph: a
 * dependency on a migration nobody defines first becomes a placeholder node, so that a squashed
 * migration can stand in for originals whose files were deleted; placeholders left at the end are
 * errors. Mutable and used once.
 */
final class GraphBuilder {
  private static final String FIRST = "__first__";
  private static final String LATEST = "__latest__";

  private final Map<MigrationKey, Migration> migrations = new TreeMap<>();
  private final Map<MigrationKey, Set<MigrationKey>> parents = new HashMap<>();
  private final Map<MigrationKey, Set<MigrationKey>> children = new HashMap<>();
  /** Placeholder node to the sentence saying who needs it. */
  private final Map<MigrationKey, String> placeholders = new TreeMap<>();
  private final Set<MigrationKey> replacementsUsed = new TreeSet<>();

  GraphBuilder(Collection<Migration> all) {
    for (Migration m : all) {
      Migration before = migrations.putIfAbsent(m.key(), m);
      if (before != null) {
        throw new DuplicateMigrationException("Migration " + m.key() + " is defined twice: in "
            + before.location() + " and in " + m.location());
      }
    }
    List<Migration> special = new ArrayList<>();
    for (Migration m : migrations.values()) {
      for (MigrationKey parent : m.dependencies()) {
        if (isSpecial(parent)) special.add(m);
        else addEdge(parent, m.key(), where(m) + m.key() + " depends on " + parent
            + ", which does not exist\n  Correct the dependency, or restore the missing migration.");
      }
      for (MigrationKey child : m.runBefore()) {
        if (isSpecial(child)) special.add(m);
        else addEdge(m.key(), child, where(m) + m.key() + " must run before " + child
            + ", which does not exist\n  Correct run_before, or restore the missing migration.");
      }
    }
    // After the plain edges: an app's first and latest migrations depend only on edges inside it.
    for (Migration m : special) {
      for (MigrationKey parent : m.dependencies()) {
        if (isSpecial(parent)) {
          MigrationKey resolved = resolve(parent, m);
          if (resolved != null) addEdge(resolved, m.key(), null);
        }
      }
      for (MigrationKey child : m.runBefore()) {
        if (isSpecial(child)) {
          MigrationKey resolved = resolve(child, m);
          if (resolved != null) addEdge(m.key(), resolved, null);
        }
      }
    }
  }

  /**
   * Uses each squashed migration whose originals are all applied or none of them, and otherwise
   * drops it and keeps the originals, as Django's {@code MigrationLoader.build_graph} does.
   */
  GraphBuilder replace(Set<MigrationKey> applied) {
    for (Migration r : List.copyOf(migrations.values())) {
      if (r.replaces().isEmpty() || !migrations.containsKey(r.key())) continue;
      long count = r.replaces().stream().filter(applied::contains).count();
      if (count == 0 || count == r.replaces().size()) {
        removeReplaced(r, r.replaces());
        replacementsUsed.add(r.key());
      } else {
        removeReplacement(r);
      }
    }
    return this;
  }

  /**
   * Points dependencies on originals that no longer exist at the migration replacing them, for the
   * graph without replacements: there is nothing else they could mean.
   */
  GraphBuilder replaceMissing() {
    for (Migration r : List.copyOf(migrations.values())) {
      List<MigrationKey> missing = r.replaces().stream().filter(placeholders::containsKey).toList();
      if (!missing.isEmpty()) removeReplaced(r, missing);
    }
    return this;
  }

  MigrationGraph build(Collection<Migration> source) {
    if (!placeholders.isEmpty()) {
      Map.Entry<MigrationKey, String> first = placeholders.entrySet().iterator().next();
      throw new NodeNotFoundException(first.getKey(), first.getValue());
    }
    Map<MigrationKey, List<MigrationKey>> sortedParents = new HashMap<>();
    Map<MigrationKey, List<MigrationKey>> sortedChildren = new HashMap<>();
    for (MigrationKey key : migrations.keySet()) {
      sortedParents.put(key, sorted(parents.get(key)));
      sortedChildren.put(key, sorted(children.get(key)));
    }
    Cycles.check(migrations, sortedChildren);
    return new MigrationGraph(source, migrations, sortedParents, sortedChildren, replacementsUsed);
  }

  /** The file a message is about, as a compiler names it, when the migration came from one. */
  private static String where(Migration m) {
    return m.source() == null ? "" : m.source() + ": ";
  }

  private static boolean isSpecial(MigrationKey key) {
    return key.name().equals(FIRST) || key.name().equals(LATEST);
  }

  /** Django's {@code check_key}: the app's first root or first leaf; null for its own app. */
  private MigrationKey resolve(MigrationKey key, Migration from) {
    if (migrations.containsKey(key)) return key;
    if (key.app().equals(from.app())) return null; // Django ignores these (#22325)
    List<MigrationKey> candidates = new ArrayList<>();
    for (MigrationKey k : migrations.keySet()) {
      if (!k.app().equals(key.app())) continue;
      Set<MigrationKey> next = (key.name().equals(FIRST) ? parents : children).get(k);
      if (next == null || next.stream().noneMatch(n -> n.app().equals(k.app()))) candidates.add(k);
    }
    if (candidates.isEmpty()) {
      throw new NodeNotFoundException(key, where(from) + from.key() + " depends on " + key + ", but app "
          + key.app() + " has no migrations");
    }
    return candidates.get(0);
  }

  private void addEdge(MigrationKey parent, MigrationKey child, String whyMissing) {
    if (!migrations.containsKey(parent)) placeholders.putIfAbsent(parent, whyMissing);
    if (!migrations.containsKey(child)) placeholders.putIfAbsent(child, whyMissing);
    children.computeIfAbsent(parent, k -> new HashSet<>()).add(child);
    parents.computeIfAbsent(child, k -> new HashSet<>()).add(parent);
  }

  /** Django's {@code remove_replaced_nodes}: edges into and out of the originals move to {@code r}. */
  private void removeReplaced(Migration r, Collection<MigrationKey> replaced) {
    Set<MigrationKey> gone = new HashSet<>(replaced);
    for (MigrationKey old : replaced) {
      migrations.remove(old);
      placeholders.remove(old);
      for (MigrationKey child : detach(old, children, parents)) {
        // No edge between originals and r: it would point r at itself.
        if (!gone.contains(child) && !child.equals(r.key())) addEdge(r.key(), child, null);
      }
      for (MigrationKey parent : detach(old, parents, children)) {
        if (!gone.contains(parent) && !parent.equals(r.key())) addEdge(parent, r.key(), null);
      }
    }
  }

  /**
   * Django's {@code remove_replacement_node}: {@code r} goes, and what depended on it depends on
   * the last originals instead; the originals already have the right parents.
   */
  private void removeReplacement(Migration r) {
    for (MigrationKey old : r.replaces()) {
      if (!migrations.containsKey(old)) {
        throw new NodeNotFoundException(old, r.key() + " replaces " + old
            + ", which does not exist; it is needed because only some of the migrations "
            + r.key() + " replaces are applied");
      }
    }
    migrations.remove(r.key());
    Set<MigrationKey> last = new TreeSet<>(r.replaces());
    for (MigrationKey old : r.replaces()) last.removeAll(parents.getOrDefault(old, Set.of()));
    detach(r.key(), parents, children);
    for (MigrationKey child : detach(r.key(), children, parents)) {
      for (MigrationKey old : last) addEdge(old, child, null);
    }
  }

  /** Removes {@code key}'s edges in {@code out} (and their mirror in {@code in}); returns the ends. */
  private static Set<MigrationKey> detach(MigrationKey key, Map<MigrationKey, Set<MigrationKey>> out,
      Map<MigrationKey, Set<MigrationKey>> in) {
    Set<MigrationKey> ends = out.remove(key);
    if (ends == null) return Set.of();
    for (MigrationKey end : ends) {
      Set<MigrationKey> mirror = in.get(end);
      if (mirror != null) mirror.remove(key);
    }
    return ends;
  }

  private static List<MigrationKey> sorted(Set<MigrationKey> keys) {
    if (keys == null || keys.isEmpty()) return List.of();
    return List.copyOf(new TreeSet<>(keys));
  }
}
