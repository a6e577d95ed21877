package dev.cairn.merge;

import dev.cairn.graph.MigrationGraph;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.operations.Operation;
import dev.cairn.operations.SchemaObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves two or more leaf migrations in one app, as {@code makemigrations --merge} does. Unlike
 * Django it first checks that the branches do not change the same field, index, constraint or
 * model in ways that depend on their order, and refuses, naming both migrations, when they do.
 */
public final class BranchMerger {
  private final MigrationGraph graph;
  private final String app;

  public BranchMerger(MigrationGraph graph, String app) {
    this.graph = graph;
    this.app = app;
  }

  /** One branch: its leaf and its migrations in this app since the common ancestor. */
  public record Branch(MigrationKey leaf, List<Migration> migrations) {}

  /** The branches to merge, each with the migrations only it has. */
  public List<Branch> branches() {
    List<MigrationKey> leaves = graph.leafNodes(app);
    Map<MigrationKey, Set<MigrationKey>> plans = new LinkedHashMap<>();
    for (MigrationKey leaf : leaves) plans.put(leaf, new LinkedHashSet<>(graph.forwardsPlan(leaf)));
    List<Branch> branches = new ArrayList<>();
    for (MigrationKey leaf : leaves) {
      List<Migration> own = new ArrayList<>();
      for (MigrationKey k : plans.get(leaf)) {
        if (!k.app().equals(app)) continue;
        boolean shared = plans.entrySet().stream()
            .allMatch(e -> e.getKey().equals(leaf) || e.getValue().contains(k));
        if (!shared) own.add(graph.migration(k));
      }
      branches.add(new Branch(leaf, own));
    }
    return branches;
  }

  /** Throws {@link BranchClash} when two branches change the same thing. */
  public void checkCompatible(List<Branch> branches) {
    for (int i = 0; i < branches.size(); i++) {
      for (int j = i + 1; j < branches.size(); j++) {
        for (Migration a : branches.get(i).migrations()) {
          for (Migration b : branches.get(j).migrations()) {
            String clash = clash(touched(a), touched(b));
            if (clash != null) {
              throw new BranchClash("migrations " + a.key() + " and " + b.key() + " both change "
                  + clash + ", so the order they run in matters and Cairn will not merge them.\n"
                  + "  Edit one of them so that only one branch changes " + clash + ", or write"
                  + " the merge migration by hand with the order you want.");
            }
          }
        }
      }
    }
  }

  /** The migration that depends on every leaf and runs nothing. */
  public Migration mergeMigration(List<Branch> branches, String header) {
    int next = 0;
    for (MigrationKey k : graph.nodes()) {
      if (k.app().equals(app)) next = Math.max(next, leadingNumber(k.name()));
    }
    List<MigrationKey> leaves = branches.stream().map(Branch::leaf).sorted().toList();
    String name = "merge_" + String.join("_", leaves.stream().map(MigrationKey::name).toList());
    if (name.length() > 52) name = "merge";
    MigrationKey key = new MigrationKey(app, String.format("%04d_%s", next + 1, name));
    return new Migration(key, leaves, List.of(), List.of(), List.of(), false, true, header, null,
        null);
  }

  private static int leadingNumber(String name) {
    int end = 0;
    while (end < name.length() && Character.isDigit(name.charAt(end))) end++;
    return end == 0 ? 0 : Integer.parseInt(name.substring(0, Math.min(end, 9)));
  }

  /**
   * What a migration changes, as {@code model product}, {@code field product.price}, {@code index
   * name} and {@code constraint name}; nothing for the SQL of RunSQL or the code of RunJava.
   */
  private static Set<String> touched(Migration m) {
    Set<String> out = new HashSet<>();
    for (Operation op : m.operations()) {
      for (SchemaObject o : op.changedObjects()) out.add(o.toString());
    }
    return out;
  }

  /** A clash between the two sets: the same item, or a whole model one side changes. */
  private static String clash(Set<String> a, Set<String> b) {
    for (String item : a) {
      if (b.contains(item)) return item;
      if (item.startsWith("model ")) {
        String prefix = "field " + item.substring("model ".length()) + ".";
        for (String other : b) if (other.startsWith(prefix)) return item;
      }
    }
    for (String item : b) {
      if (item.startsWith("model ")) {
        String prefix = "field " + item.substring("model ".length()) + ".";
        for (String other : a) if (other.startsWith(prefix)) return item;
      }
    }
    return null;
  }
}
