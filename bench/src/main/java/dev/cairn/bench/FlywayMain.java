package dev.cairn.bench;

import java.nio.file.Path;

/**
 * Flyway as a whole process, for the comparison of issue 4: {@code FlywayMain migrate|status
 * <folder> <jdbc-url>} (status is {@code flyway info}).
 */
public final class FlywayMain {
  public static void main(String[] args) {
    ToolMain.disableTelemetry();
    ToolMain.run(new FlywayTool(Path.of(args[1])), args[0], args[2]);
  }
}
