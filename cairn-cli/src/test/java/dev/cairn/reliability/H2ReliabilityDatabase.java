package dev.cairn.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An H2 database file per round. Plain {@code jdbc:h2:file:} lets one process open the file at a
 * time, which is how crash injection uses it: the killed run, then the next. With {@code
 * AUTO_SERVER=TRUE} the first process to open it serves the others, so the test can hold the
 * migration lock while a child {@code migrate} waits for it. Racing deploys are left out: the
 * process that serves the file ends with its run, and the others' sessions with it (DESIGN.md).
 */
final class H2ReliabilityDatabase implements ReliabilityDatabase {
  private final boolean autoServer;
  private int rounds;

  H2ReliabilityDatabase(boolean autoServer) {
    this.autoServer = autoServer;
  }

  @Override public LoadProject.Flavour flavour() {
    return LoadProject.Flavour.H2;
  }

  @Override public String emptyDatabase(Path work) throws Exception {
    Path dir = work.resolve("h2-" + (++rounds));
    Files.createDirectories(dir);
    return "jdbc:h2:file:" + dir.resolve("db") + (autoServer ? ";AUTO_SERVER=TRUE" : "");
  }

  /**
   * The file opens (no process keeps it) and the lock's row, if any, can be locked at once: a
   * run that died took its uncommitted row lock with it.
   */
  @Override public void assertNoLockLeft(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      try (ResultSet rs = c.getMetaData().getTables(null, null, "CAIRN_LOCK", null)) {
        if (!rs.next()) return;
      }
      c.setAutoCommit(false);
      s.execute("SET LOCK_TIMEOUT 100");
      try (ResultSet rs = s.executeQuery("SELECT id FROM cairn_lock FOR UPDATE")) {
        assertThat(rs.next()).as("the lock's row").isTrue();
      } catch (SQLException e) {
        throw new AssertionError("the migration lock of " + url + " is still held: " + e, e);
      } finally {
        c.rollback();
      }
    }
  }

  /**
   * H2 alters a table by copying it into {@code <TABLE>_COPY_<session>_<n>} and swapping the two
   * in steps that each commit; a kill between them leaves one copy, which no later run drops
   * (DESIGN.md, "Reliability suites on MariaDB and H2").
   */
  @Override public boolean isEngineLeftover(String table) {
    return table.matches("(?i).+_copy_\\d+_\\d+");
  }

  @Override public String gateOperation() {
    throw new UnsupportedOperationException("no racing deploys on H2");
  }

  @Override public AutoCloseable holdGate(String url) {
    throw new UnsupportedOperationException("no racing deploys on H2");
  }

  @Override public boolean awaitWaiters(String url, int count, ChildMigrate holder) {
    throw new UnsupportedOperationException("no racing deploys on H2");
  }
}
