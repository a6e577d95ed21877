package dev.cairn.cli;

import dev.cairn.files.MigrationWriter;
import dev.cairn.graph.MigrationGraph;
import dev.cairn.merge.BranchMerger;
import dev.cairn.migration.Migration;
import dev.cairn.operations.Operation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The merge step shared by {@code makemigrations --merge} and {@code migrate --merge}. */
final class Merges {
  private Merges() {}

  /**
   * A merge migration for every app in {@code scope} (every app when empty) with more than one
   * leaf, after showing each branch's operations and refusing branches that clash.
   */
  static List<Migration> find(MigrationGraph graph, Set<String> scope, String header,
      PrintWriter log) {
    List<Migration> merges = new ArrayList<>();
    for (String app : scope.isEmpty() ? graph.apps() : scope) {
      if (graph.leafNodes(app).size() < 2) continue;
      BranchMerger merger = new BranchMerger(graph, app);
      List<BranchMerger.Branch> branches = merger.branches();
      log.println("Merging " + app);
      for (BranchMerger.Branch b : branches) {
        log.println("  Branch " + b.leaf().name());
        for (Migration m : b.migrations()) {
          for (Operation op : m.operations()) log.println("    - " + op.describe());
        }
      }
      merger.checkCompatible(branches);
      merges.add(merger.mergeMigration(branches, header));
    }
    log.flush();
    return merges;
  }

  /** Writes merge migrations into their apps' folders and returns the files. */
  static List<Path> write(Project project, List<Migration> merges) throws IOException {
    List<Path> files = new ArrayList<>();
    MigrationWriter writer = new MigrationWriter();
    for (Migration m : merges) {
      Path file = project.migrationFile(m);
      Files.writeString(file, writer.write(m), StandardCharsets.UTF_8);
      files.add(file);
    }
    return files;
  }
}
