package dev.cairn.cli;

import java.nio.file.Files;

final class SqliteMakeMigrationsTest extends MakeMigrationsContract {
  private int databases;

  @Override String emptyDatabase() throws Exception {
    return "jdbc:sqlite:" + Files.createDirectories(root.resolve("db")).resolve("db" + (++databases) + ".sqlite3");
  }
}
