package dev.cairn.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.schema.DatabaseLock;
import dev.cairn.schema.LockWait;
import dev.cairn.schema.LockWaitTimeout;
import dev.cairn.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class PostgresLockTest {
  @RegisterExtension static final PostgresTestDatabase db = new PostgresTestDatabase();

  @Test void aHeldLockKeepsOtherSessionsOut() throws Exception {
    try (Connection a = db.connect(); Connection b = db.connect()) {
      try (DatabaseLock lock = db.dialect().lock(a)) {
        assertThat(tryLock(b)).isFalse();
      }
      assertThat(tryLock(b)).isTrue();
      unlock(b);
    }
  }

  @Test void aSecondRunWaitsUntilTheFirstReleases() throws Exception {
    try (Connection a = db.connect(); Connection b = db.connect()) {
      DatabaseLock first = db.dialect().lock(a);
      CompletableFuture<DatabaseLock> second = CompletableFuture.supplyAsync(() -> {
        try {
          return db.dialect().lock(b);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(200);
      assertThat(second).isNotDone();
      first.close();
      second.get(10, TimeUnit.SECONDS).close();
    }
  }

  @Test void aBoundedWaitNamesTheHoldingSessionAndGivesUp() throws Exception {
    try (Connection a = db.connect(); Connection b = db.connect()) {
      a.createStatement().execute("SET application_name = 'deploy-42'");
      try (DatabaseLock lock = db.dialect().lock(a)) {
        java.util.List<String> told = new java.util.ArrayList<>();
        assertThatThrownBy(() -> db.dialect().lock(b, LockWait.parse("100ms"), told::add))
            .isInstanceOf(LockWaitTimeout.class)
            .hasMessageContaining("gave up after 100ms waiting for the migration lock, held by pid "
                + pid(a) + " (deploy-42, user postgres, connected since ");
        assertThat(told).singleElement().asString()
            .startsWith("the migration lock, held by pid " + pid(a) + " (deploy-42");
        try (var s = b.createStatement(); var rs = s.executeQuery("SHOW lock_timeout")) {
          rs.next();
          assertThat(rs.getString(1)).as("lock_timeout after the wait").isEqualTo("0");
        }
      }
    }
  }

  @Test void aCrashedSessionLeavesNoStuckLock() throws Exception {
    try (Connection b = db.connect()) {
      Connection a = db.connect();
      db.dialect().lock(a);
      a.close(); // the session ends without unlocking, as when a process dies
      // The server ends the session a moment after the socket closes, and its locks with it.
      boolean locked = tryLock(b);
      for (int i = 0; i < 100 && !locked; i++) {
        Thread.sleep(50);
        locked = tryLock(b);
      }
      assertThat(locked).as("the lock, 5 s after its session ended").isTrue();
      unlock(b);
    }
  }

  @Test void theLockOutlivesCommits() throws Exception {
    try (Connection a = db.connect(); Connection b = db.connect();
        DatabaseLock lock = db.dialect().lock(a)) {
      a.setAutoCommit(false);
      a.createStatement().execute("SELECT 1");
      a.commit();
      assertThat(tryLock(b)).isFalse();
    }
  }

  private static long pid(Connection c) throws SQLException {
    try (var s = c.createStatement(); var rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static boolean tryLock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      ps.setLong(1, PostgresLock.KEY);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static void unlock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      ps.setLong(1, PostgresLock.KEY);
      ps.execute();
    }
  }
}
