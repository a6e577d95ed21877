package dev.cairn.api;

import dev.cairn.graph.MigrationGraph;
import dev.cairn.merge.BranchMerger;
import dev.cairn.migration.Migration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * An app whose migrations branched (two or more leaves) and the merge migration that joins them.
 * The branches can be shown before {@link #merged()} checks that they do not clash. Immutable.
 */
public final class Merge {
  private final String app;
  private final BranchMerger merger;
  private final List<BranchMerger.Branch> branches;
  private final String header;
  private final Function<Migration, Path> files;

  Merge(String app, BranchMerger merger, String header, Function<Migration, Path> files) {
    this.app = app;
    this.merger = merger;
    this.branches = List.copyOf(merger.branches());
    this.header = header;
    this.files = files;
  }

  /** A merge for each app of {@code scope} (every app when empty) with more than one leaf. */
  static List<Merge> all(MigrationGraph graph, Set<String> scope, String header,
      Function<Migration, Path> files) {
    List<Merge> merges = new ArrayList<>();
    for (String app : scope.isEmpty() ? graph.apps() : scope) {
      if (graph.leafNodes(app).size() < 2) continue;
      merges.add(new Merge(app, new BranchMerger(graph, app), header, files));
    }
    return merges;
  }

  public String app() {
    return app;
  }

  /** Each branch: its leaf and the migrations only it has. */
  public List<BranchMerger.Branch> branches() {
    return branches;
  }

  /**
   * The merge migration, depending on every leaf.
   *
   * @throws dev.cairn.merge.BranchClash if two branches change the same thing
   */
  public NewMigration merged() {
    merger.checkCompatible(branches);
    Migration m = merger.mergeMigration(branches, header);
    return new NewMigration(m, files.apply(m));
  }
}
