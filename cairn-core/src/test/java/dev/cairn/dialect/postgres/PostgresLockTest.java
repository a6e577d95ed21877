package dev.cairn.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.schema.DatabaseLock;
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
