package dev.cairn.reliability;

import dev.cairn.operations.DataMigration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A RunJava step that waits while {@code <database>.gate} exists beside the SQLite database it
 * runs on: the racing test holds a migrate inside a migration with it. It gives up after two
 * minutes so that a broken test cannot hang the build.
 */
public final class FileGate implements DataMigration {
  private static final long GIVE_UP_MILLIS = 120_000;

  static Path gateOf(Path database) {
    return Path.of(database + ".gate");
  }

  @Override public void run(Connection connection) throws Exception {
    String file;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT file FROM pragma_database_list WHERE name = 'main'")) {
      rs.next();
      file = rs.getString(1);
    }
    Path gate = gateOf(Path.of(file));
    long deadline = System.currentTimeMillis() + GIVE_UP_MILLIS;
    while (Files.exists(gate) && System.currentTimeMillis() < deadline) Thread.sleep(10);
  }
}
