package dev.cairn.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.MariaDbTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The test class's MariaDB database, emptied for every round. */
final class MariaDbReliabilityDatabase implements ReliabilityDatabase {
  /** The server ends a dead client's session once it notices; this only bounds a broken server. */
  private static final long SESSION_END_MILLIS = 120_000;

  private final MariaDbTestDatabase mariaDb;

  MariaDbReliabilityDatabase(MariaDbTestDatabase mariaDb) {
    this.mariaDb = mariaDb;
  }

  @Override public LoadProject.Flavour flavour() {
    return LoadProject.Flavour.MARIADB;
  }

  @Override public String emptyDatabase(Path work) throws SQLException {
    mariaDb.reset();
    return mariaDb.url();
  }

  /** Waits for a user lock the test holds, then lets it go at once (left to right in one row). */
  @Override public String gateOperation() {
    return "  - RunSQL:\n      sql: \"SELECT GET_LOCK('" + gate() + "', 600), RELEASE_LOCK('"
        + gate() + "')\"\n      reverse_sql: []\n";
  }

  @Override public AutoCloseable holdGate(String url) throws SQLException {
    Connection c = mariaDb.connect();
    try (var s = c.createStatement()) {
      s.execute("SELECT GET_LOCK('" + gate() + "', 10)");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c::close;
  }

  /** Every other session of the database has ended, and the migration lock is free. */
  @Override public void assertNoLockLeft(String url) throws Exception {
    try (Connection c = mariaDb.connect()) {
      long deadline = System.currentTimeMillis() + SESSION_END_MILLIS;
      while (count(c, "SELECT COUNT(*) FROM information_schema.PROCESSLIST"
          + " WHERE DB = DATABASE() AND ID <> CONNECTION_ID()") > 0) {
        if (System.currentTimeMillis() > deadline) {
          throw new AssertionError("a dead migrate's session is still open after "
              + SESSION_END_MILLIS + " ms");
        }
        Thread.sleep(20);
      }
      assertThat(count(c, "SELECT COUNT(IS_USED_LOCK(CONCAT('cairn:', DATABASE())))"))
          .as("the migration lock, left held").isZero();
    }
  }

  /** Sessions of this database waiting in GET_LOCK for the migration lock. */
  @Override public boolean awaitWaiters(String url, int count, ChildMigrate holder)
      throws Exception {
    try (Connection c = mariaDb.connect()) {
      while (holder.isAlive()) {
        if (count(c, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE()"
            + " AND STATE = 'User lock' AND INFO LIKE '%GET_LOCK%'"
            + " AND INFO NOT LIKE '%" + gate() + "%'") >= count) {
          return true;
        }
        Thread.sleep(20);
      }
    }
    return false;
  }

  private String gate() {
    return "cairn-gate:" + mariaDb.name();
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
