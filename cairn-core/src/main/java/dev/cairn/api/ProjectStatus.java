package dev.cairn.api;

import dev.cairn.execute.MigrationExecutor;
import dev.cairn.graph.MigrationGraph;
import dev.cairn.history.AppliedMigration;
import dev.cairn.history.Progress;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Makes a {@link Status} from the history and the files. */
final class ProjectStatus {
  private ProjectStatus() {}

  static Status of(MigrationExecutor executor) throws SQLException {
    Map<MigrationKey, AppliedMigration> rows = executor.applied();
    executor.readUnappliedOperations(rows);
    MigrationGraph graph = executor.graph(rows.keySet());
    Set<MigrationKey> applied = graph.applied(rows.keySet());
    List<MigrationKey> changed = executor.changedSinceApplied(rows);
    List<MigrationKey> missing = executor.missingSinceApplied(rows);
    Map<MigrationKey, Progress> partial = executor.partial();
    partial.keySet().removeAll(applied);
    return new Status(list(graph.nodes(), graph, rows, applied, Set.copyOf(changed), missing,
        partial), list(graph.fullPlan(), graph, rows, applied, Set.copyOf(changed), missing,
        partial), changed, missing);
  }

  /** The migrations in {@code order}, then those whose files are gone, in the order applied. */
  private static List<MigrationStatus> list(Collection<MigrationKey> order, MigrationGraph graph,
      Map<MigrationKey, AppliedMigration> rows, Set<MigrationKey> applied,
      Set<MigrationKey> changed, List<MigrationKey> missing, Map<MigrationKey, Progress> partial) {
    List<MigrationStatus> list = new ArrayList<>();
    for (MigrationKey key : order) {
      AppliedMigration row = rows.get(key);
      Migration m = graph.migration(key);
      Progress p = partial.get(key);
      list.add(new MigrationStatus(key, applied.contains(key), row == null ? null : row.applied(),
          row == null ? null : row.checksum(), m.replaces().size(), changed.contains(key), false,
          p == null ? null
              : new MigrationStatus.PartlyApplied(p.operations(), m.operations().size())));
    }
    for (MigrationKey key : missing) {
      AppliedMigration row = rows.get(key);
      list.add(new MigrationStatus(key, true, row.applied(), row.checksum(), 0, false, true));
    }
    return list;
  }
}
