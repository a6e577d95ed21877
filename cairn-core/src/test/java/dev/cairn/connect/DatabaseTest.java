package dev.cairn.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DatabaseTest {
  @TempDir Path folder;

  @Test void aSqliteConnectionWaitsForAnotherProcesssWriteInsteadOfFailingAtOnce() throws Exception {
    try (Database db = Database.open("jdbc:sqlite:" + folder.resolve("db.sqlite3"));
        Statement s = db.connection().createStatement();
        ResultSet r = s.executeQuery("PRAGMA busy_timeout")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getInt(1)).isEqualTo(30000);
    }
  }
}
