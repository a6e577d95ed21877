package dev.cairn.autodetect;

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
import dev.cairn.operations.SeparateDatabaseAndState;
import java.util.List;
import java.util.Locale;

/**
 * Names a new migration as Django's {@code suggest_name} does: {@code initial},
 * {@code product_stock}, {@code remove_product_price}, several new models joined, or the first
 * operation's name {@code _and_more}.
 */
public final class MigrationNamer {
  private static final int MAX_LENGTH = 52;

  private MigrationNamer() {}

  public static String suggest(List<Operation> operations, boolean initial) {
    if (initial) return "initial";
    if (operations.isEmpty()) return "auto";
    if (operations.size() == 1) return cut(fragment(operations.get(0)));
    if (operations.stream().allMatch(o -> o instanceof CreateModel)) {
      String joined = String.join("_", operations.stream().map(MigrationNamer::fragment).sorted().toList());
      if (joined.length() <= MAX_LENGTH) return joined;
    }
    return cut(fragment(operations.get(0))) + "_and_more";
  }

  /** The part of a name one operation gives, Django's {@code migration_name_fragment}. */
  static String fragment(Operation op) {
    String name;
    if (op instanceof CreateModel c) name = c.name().lower();
    else if (op instanceof DeleteModel d) name = "delete_" + d.name().lower();
    else if (op instanceof RenameModel r) name = "rename_" + r.oldName().lower() + "_" + r.newName().lower();
    else if (op instanceof AlterModelTable a) name = "alter_" + a.name().lower() + "_table";
    else if (op instanceof AddField a) name = a.modelName().lower() + "_" + a.name().lower();
    else if (op instanceof RemoveField r) name = "remove_" + r.modelName().lower() + "_" + r.name().lower();
    else if (op instanceof AlterField a) name = "alter_" + a.modelName().lower() + "_" + a.name().lower();
    else if (op instanceof RenameField r) {
      name = "rename_" + r.oldName().lower() + "_" + r.modelName().lower() + "_" + r.newName().lower();
    } else if (op instanceof AddIndex a) name = a.modelName().lower() + "_" + a.index().name();
    else if (op instanceof RemoveIndex r) name = "remove_" + r.modelName().lower() + "_" + r.name();
    else if (op instanceof RenameIndex r) name = "rename_" + r.oldName() + "_" + r.newName();
    else if (op instanceof AddConstraint a) name = a.modelName().lower() + "_" + a.constraint().name();
    else if (op instanceof RemoveConstraint r) name = "remove_" + r.modelName().lower() + "_" + r.name();
    else if (op instanceof SeparateDatabaseAndState s && !s.stateOperations().isEmpty()) {
      // Named for what it does to the models, the last of its state operations.
      return fragment(s.stateOperations().get(s.stateOperations().size() - 1));
    } else name = "auto";
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  private static String cut(String name) {
    return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
  }
}
