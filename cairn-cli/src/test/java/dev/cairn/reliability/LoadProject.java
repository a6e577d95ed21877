package dev.cairn.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A generated project with one app, {@code load}, whose migrations take long enough to be killed
 * in the middle of: bulk inserts, added and removed fields, widened columns (a table remake on
 * SQLite, which copies every row), indexes and new models with foreign keys. Every migration ends
 * with a RunSQL that writes its own name into {@code load_ledger}, in the same transaction as its
 * schema changes and its history row, so the ledger must always list exactly the migrations the
 * history lists, each once.
 */
final class LoadProject {
  static final String APP = "load";
  static final String LEDGER = "load_ledger";

  /** The SQL that differs per database: a statement inserting {@code rows} items. */
  enum Flavour {
    SQLITE {
      @Override String bulkInsert(int rows, int tag) {
        return "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows
            + ") INSERT INTO load_item (name, qty) SELECT 'item " + tag + " ' || i, i FROM n";
      }
    },
    POSTGRES {
      @Override String bulkInsert(int rows, int tag) {
        return "INSERT INTO load_item (name, qty) SELECT 'item " + tag + " ' || i, i"
            + " FROM generate_series(1, " + rows + ") AS i";
      }
    },
    /** MariaDB's sequence tables; a recursive CTE stops at 1,000 rows (max_recursive_iterations). */
    MARIADB {
      @Override String bulkInsert(int rows, int tag) {
        return "INSERT INTO load_item (name, qty) SELECT CONCAT('item " + tag + " ', seq), seq"
            + " FROM seq_1_to_" + rows;
      }
    },
    H2 {
      @Override String bulkInsert(int rows, int tag) {
        return "INSERT INTO load_item (name, qty) SELECT 'item " + tag + " ' || X, X"
            + " FROM SYSTEM_RANGE(1, " + rows + ")";
      }
    };

    abstract String bulkInsert(int rows, int tag);
  }

  private final Path root;
  private final List<String> names = new ArrayList<>();
  private String gateOperation;

  private LoadProject(Path root) {
    this.root = root;
  }

  /**
   * Writes cairn.yaml and {@code count} migrations under {@code root}; {@code rowsPerInsert} sets
   * how much work a bulk insert (and each later table remake) does.
   */
  static LoadProject write(Path root, Flavour flavour, int count, int rowsPerInsert) {
    return write(root, flavour, count, rowsPerInsert, null);
  }

  /**
   * The same, with {@code gateOperation} (an operation list item in YAML) first in the second
   * migration: a step the test can make wait, so that a holder of the migration lock stays inside
   * a migration until the test lets go.
   */
  static LoadProject write(Path root, Flavour flavour, int count, int rowsPerInsert,
      String gateOperation) {
    LoadProject p = new LoadProject(root);
    p.gateOperation = gateOperation;
    p.file("cairn.yaml", "apps:\n  " + APP + ":\n    migrations: migrations/" + APP + "\n");
    p.generate(flavour, count, rowsPerInsert);
    return p;
  }

  Path config() {
    return root.resolve("cairn.yaml");
  }

  /** Migration names (without the app), in the order they apply: a single chain. */
  List<String> names() {
    return List.copyOf(names);
  }

  private void generate(Flavour flavour, int count, int rows) {
    migration("0001_initial", "[]", """
          - CreateModel:
              name: Ledger
              fields:
                id: {type: BigAutoField, primary_key: true}
                migration: {type: CharField, max_length: 60}
          - CreateModel:
              name: Item
              fields:
                id: {type: BigAutoField, primary_key: true}
                name: {type: CharField, max_length: 50}
                qty: {type: IntegerField, default: 0}
        """);
    Deque<String> plainFields = new ArrayDeque<>(); // added, not indexed: RemoveField takes these
    List<String> unindexed = new ArrayList<>();
    int nameLength = 50;
    for (int i = 2; i <= count; i++) {
      String ops;
      String name;
      int kind = i % 6;
      if (kind == 3 && unindexed.isEmpty()) kind = 0;
      if (kind == 5 && plainFields.size() < 2) kind = 0;
      switch (kind) {
        case 1 -> {
          String f = "f" + i;
          name = "add_" + f;
          ops = "  - AddField:\n      model_name: item\n      name: " + f
              + "\n      field: {type: IntegerField, default: " + i + ", null: true}\n";
          plainFields.addLast(f);
          unindexed.add(f);
        }
        case 2 -> {
          nameLength += 5;
          name = "widen_name_" + nameLength;
          ops = "  - AlterField:\n      model_name: item\n      name: name\n"
              + "      field: {type: CharField, max_length: " + nameLength + "}\n";
        }
        case 3 -> {
          String f = unindexed.remove(0);
          plainFields.remove(f);
          name = "index_" + f;
          ops = "  - AddIndex:\n      model_name: item\n      index: {name: load_item_" + f
              + "_idx, fields: [" + f + "]}\n";
        }
        case 4 -> {
          name = "part" + i;
          ops = "  - CreateModel:\n      name: Part" + i + "\n      fields:\n"
              + "        id: {type: BigAutoField, primary_key: true}\n"
              + "        item: {type: ForeignKey, to: load.Item, on_delete: CASCADE, null: true}\n"
              + "        label: {type: CharField, max_length: 20, null: true}\n";
        }
        case 5 -> {
          String f = plainFields.removeFirst();
          unindexed.remove(f);
          name = "remove_" + f;
          ops = "  - RemoveField:\n      model_name: item\n      name: " + f + "\n";
        }
        default -> {
          name = "fill" + i;
          ops = "  - RunSQL:\n      sql: \"" + flavour.bulkInsert(rows, i) + "\"\n";
        }
      }
      migration(String.format("%04d_%s", i, name), "\n  - " + APP + "." + names.get(names.size() - 1),
          ops);
    }
  }

  private void migration(String name, String dependencies, String operations) {
    if (gateOperation != null && names.size() == 1) operations = gateOperation + operations;
    names.add(name);
    file("migrations/" + APP + "/" + name + ".yaml", "dependencies: " + dependencies + "\n"
        + "operations:\n" + operations
        + "  - RunSQL:\n      sql: \"INSERT INTO " + LEDGER + " (migration) VALUES ('" + name
        + "')\"\n");
  }

  private void file(String relative, String text) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
