package dev.cairn.cli;

import dev.cairn.api.Cairn;
import dev.cairn.api.Merge;
import dev.cairn.api.NewMigration;
import dev.cairn.merge.BranchMerger;
import dev.cairn.migration.Migration;
import dev.cairn.operations.Operation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The merge step shared by {@code makemigrations --merge} and {@code migrate --merge}. */
final class Merges {
  private Merges() {}

  /**
   * The merge migrations, after showing each branch's operations; branches that clash stop it
   * once they are shown.
   */
  static List<NewMigration> find(List<Merge> merges, PrintWriter log) {
    List<NewMigration> made = new ArrayList<>();
    for (Merge merge : merges) {
      log.println("Merging " + merge.app());
      for (BranchMerger.Branch b : merge.branches()) {
        log.println("  Branch " + b.leaf().name());
        for (Migration m : b.migrations()) {
          for (Operation op : m.operations()) log.println("    - " + op.describe());
        }
      }
      made.add(merge.merged());
    }
    log.flush();
    return made;
  }

  /** Writes merge migrations into their apps' folders and returns the files. */
  static List<Path> write(Cairn cairn, List<NewMigration> merges) throws IOException {
    List<Path> files = new ArrayList<>();
    for (NewMigration m : merges) files.add(cairn.write(m));
    return files;
  }
}
