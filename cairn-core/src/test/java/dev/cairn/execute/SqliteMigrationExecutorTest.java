package dev.cairn.execute;

import dev.cairn.connect.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

final class SqliteMigrationExecutorTest extends MigrationExecutorContract {
  @TempDir Path folder;
  private int opened;

  @Override Database openEmptyDatabase() throws Exception {
    return Database.open("jdbc:sqlite:" + folder.resolve("db" + opened++ + ".sqlite3"));
  }
}
