package dev.cairn.bench;

import java.io.PrintStream;

/** What the per-tool mains share: run one command, print what a status prints, exit 0 or 1. */
final class ToolMain {
  private ToolMain() {}

  static void run(Tool tool, String command, String url) {
    PrintStream out = System.out;
    try {
      switch (command) {
        case "migrate" -> tool.migrate(url);
        case "status" -> out.print(tool.status(url));
        case "rollback10" -> tool.rollback(url, 10);
        default -> throw new IllegalArgumentException("unknown command " + command
            + "; use migrate, status or rollback10");
      }
      out.flush();
      System.exit(0);
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1);
    }
  }

  /** Neither tool may wait on the network to report usage (issue 4). */
  static void disableTelemetry() {
    System.setProperty("liquibase.analytics.enabled", "false");
    System.setProperty("liquibase.showBanner", "false");
  }
}
