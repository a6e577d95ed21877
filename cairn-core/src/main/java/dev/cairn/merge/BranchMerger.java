package dev.cairn.merge;

import dev.cairn.graph.MigrationGraph;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.operations.AddConstraint;
import dev.cairn.operations.AddField;
import dev.cairn.operations.AddIndex;
import dev.cairn.operations.AlterField;
import dev.cairn.operations.AlterModelTable;
import dev.cairn.operations.CreateModel;
import dev.cairn.operations.DeleteModel;
import dev.cairn.operations.Operation;
import dev.cairn.operations.RemoveConstraint;
import dev.cairn.operations.RemoveField;
import dev.cairn.operations.RemoveIndex;
import dev.cairn.operations.RenameField;
import dev.cairn.operations.RenameIndex;
import dev.cairn.operations.RenameModel;
import dev.cairn.operations.RunJava;
import dev.cairn.operations.RunSQL;
import dev.cairn.operations.SeparateDatabaseAndState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
   * What a migration changes, as {@code model}, {@code model.field}, {@code index name} and
   * {@code constraint name}; {@code *} for raw SQL or Java, which could touch anything.
   */
  private Set<String> touched(Migration m) {
    Set<String> out = new HashSet<>();
    for (Operation op : m.operations()) touched(op, out);
    return out;
  }

  private static void touched(Operation op, Set<String> out) {
    if (op instanceof CreateModel c) out.add(model(c.name().lower()));
    else if (op instanceof DeleteModel d) out.add(model(d.name().lower()));
    else if (op instanceof RenameModel r) {
      out.add(model(r.oldName().lower()));
      out.add(model(r.newName().lower()));
    } else if (op instanceof AlterModelTable a) out.add(model(a.name().lower()));
    else if (op instanceof AddField a) out.add(field(a.modelName().lower(), a.name().lower()));
    else if (op instanceof RemoveField r) out.add(field(r.modelName().lower(), r.name().lower()));
    else if (op instanceof AlterField a) out.add(field(a.modelName().lower(), a.name().lower()));
    else if (op instanceof RenameField r) {
      out.add(field(r.modelName().lower(), r.oldName().lower()));
      out.add(field(r.modelName().lower(), r.newName().lower()));
    } else if (op instanceof AddIndex a) out.add("index " + a.index().name().toLowerCase(Locale.ROOT));
    else if (op instanceof RemoveIndex r) out.add("index " + r.name().toLowerCase(Locale.ROOT));
    else if (op instanceof RenameIndex r) {
      out.add("index " + r.oldName().toLowerCase(Locale.ROOT));
      out.add("index " + r.newName().toLowerCase(Locale.ROOT));
    } else if (op instanceof AddConstraint a) {
      out.add("constraint " + a.constraint().name().toLowerCase(Locale.ROOT));
    } else if (op instanceof RemoveConstraint r) {
      out.add("constraint " + r.name().toLowerCase(Locale.ROOT));
    } else if (op instanceof SeparateDatabaseAndState s) {
      s.stateOperations().forEach(o -> touched(o, out));
      s.databaseOperations().forEach(o -> touched(o, out));
    } else if (op instanceof RunSQL r) {
      r.stateOperations().forEach(o -> touched(o, out));
    } else if (op instanceof RunJava) {
      // Data only: it changes no schema, so it clashes with nothing here.
    }
  }

  private static String model(String name) {
    return "model " + name;
  }

  private static String field(String model, String field) {
    return "field " + model + "." + field;
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
