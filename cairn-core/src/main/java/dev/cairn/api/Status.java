package dev.cairn.api;

import dev.cairn.migration.MigrationKey;
import java.util.List;

/**
 * Every migration of the project and whether the database has it ({@link Cairn#status}).
 * Applied migrations whose files are gone come last, in the order applied. Immutable.
 *
 * @param migrations app by app, each app's in graph order
 * @param inPlanOrder the same, in the order {@code migrate} applies them
 * @param changed applied migrations whose files changed since they ran
 * @param missingFiles applied migrations whose files are gone
 */
public record Status(List<MigrationStatus> migrations, List<MigrationStatus> inPlanOrder,
    List<MigrationKey> changed, List<MigrationKey> missingFiles) {
  public Status {
    migrations = List.copyOf(migrations);
    inPlanOrder = List.copyOf(inPlanOrder);
    changed = List.copyOf(changed);
    missingFiles = List.copyOf(missingFiles);
  }

  /** Whether every migration with a file is applied. */
  public boolean isUpToDate() {
    return migrations.stream().allMatch(MigrationStatus::applied);
  }
}
