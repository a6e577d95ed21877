package dev.cairn.bench;

import java.nio.file.Path;

/**
 * Liquibase as a whole process, for the comparison of issue 4: {@code LiquibaseMain
 * migrate|status|rollback10 <changelog> <jdbc-url>} (update, status, rollbackCount 10).
 */
public final class LiquibaseMain {
  public static void main(String[] args) {
    ToolMain.disableTelemetry();
    ToolMain.run(new LiquibaseTool(Path.of(args[1])), args[0], args[2]);
  }
}
