package dev.cairn.autodetect;

import dev.cairn.operations.Operation;
import dev.cairn.operations.SchemaObject;
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
    if (operations.stream().allMatch(MigrationNamer::createsModel)) {
      String joined = String.join("_", operations.stream().map(MigrationNamer::fragment).sorted().toList());
      if (joined.length() <= MAX_LENGTH) return joined;
    }
    return cut(fragment(operations.get(0))) + "_and_more";
  }

  /** The part of a name one operation gives, Django's {@code migration_name_fragment}. */
  static String fragment(Operation op) {
    return op.nameFragment().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  /** Whether it creates a model's table, as only CreateModel does. */
  private static boolean createsModel(Operation op) {
    return op.createdObjects().stream().anyMatch(o -> o.kind() == SchemaObject.Kind.MODEL);
  }

  private static String cut(String name) {
    return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
  }
}
