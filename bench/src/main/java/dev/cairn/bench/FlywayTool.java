package dev.cairn.bench;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** Flyway through its Java API, reading {@code V{n}__m{n}.sql} files from a folder. */
final class FlywayTool implements Tool {
  private final Path folder;

  FlywayTool(Path folder) {
    this.folder = folder;
  }

  @Override public String name() {
    return "Flyway";
  }

  private Flyway flyway(String url) {
    return Flyway.configure().dataSource(url, null, null)
        .locations("filesystem:" + folder.toAbsolutePath()).load();
  }

  @Override public void migrate(String url) {
    flyway(url).migrate();
  }

  /** As {@code flyway info}: every migration with its state. */
  @Override public String status(String url) {
    StringBuilder out = new StringBuilder();
    for (MigrationInfo info : flyway(url).info().all()) {
      out.append(info.getVersion()).append(" | ").append(info.getDescription()).append(" | ")
          .append(info.getInstalledOn()).append(" | ").append(info.getState().getDisplayName())
          .append('\n');
    }
    return out.toString();
  }

  @Override public boolean canRollBack() {
    return false;
  }

  @Override public void rollback(String url, int count) {
    throw new UnsupportedOperationException("undo is not in Flyway's free edition");
  }
}
