package dev.cairn.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.PostgresTestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The test class's PostgreSQL database, emptied for every round. */
final class PostgresReliabilityDatabase implements ReliabilityDatabase {
  /** Children connect under this name, so the test can tell when their sessions have ended. */
  static final String APPLICATION = "cairn-reliability";
  /** The server ends a dead client's session once it notices; this only bounds a broken server. */
  private static final long SESSION_END_MILLIS = 120_000;

  private final PostgresTestDatabase postgres;

  PostgresReliabilityDatabase(PostgresTestDatabase postgres) {
    this.postgres = postgres;
  }

  @Override public LoadProject.Flavour flavour() {
    return LoadProject.Flavour.POSTGRES;
  }

  @Override public String emptyDatabase(Path work) throws SQLException {
    postgres.reset();
    return postgres.url() + "?user=postgres&ApplicationName=" + APPLICATION;
  }

  /** A table outside the migrated schema, so that it never shows in the compared schema. */
  @Override public String gateOperation() {
    return "  - RunSQL:\n      sql: SELECT count(*) FROM cairn_gate.gate\n      reverse_sql: []\n";
  }

  @Override public AutoCloseable holdGate(String url) throws SQLException {
    Connection c = postgres.connect();
    try (var s = c.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS cairn_gate");
      s.execute("CREATE TABLE IF NOT EXISTS cairn_gate.gate (id integer)");
      c.setAutoCommit(false);
      s.execute("LOCK TABLE cairn_gate.gate IN ACCESS EXCLUSIVE MODE");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return () -> {
      c.rollback();
      c.close();
    };
  }

  @Override public void assertNoLockLeft(String url) throws Exception {
    try (Connection c = postgres.connect()) {
      long deadline = System.currentTimeMillis() + SESSION_END_MILLIS;
      while (count(c, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
          + " AND application_name = '" + APPLICATION + "'") > 0) {
        if (System.currentTimeMillis() > deadline) {
          throw new AssertionError("a dead migrate's session is still open after "
              + SESSION_END_MILLIS + " ms");
        }
        Thread.sleep(20);
      }
      assertThat(count(c, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
          + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"))
          .as("advisory locks left in the database").isZero();
    }
  }

  @Override public boolean awaitWaiters(String url, int count, ChildMigrate holder)
      throws Exception {
    try (Connection c = postgres.connect()) {
      while (holder.isAlive()) {
        if (count(c, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
            >= count) {
          return true;
        }
        Thread.sleep(20);
      }
    }
    return false;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
