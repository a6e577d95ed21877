package dev.cairn.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.schema.DatabaseLock;
import dev.cairn.schema.LockWait;
import dev.cairn.schema.LockWaitTimeout;
import dev.cairn.testing.MariaDbTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class MysqlLockTest {
  @RegisterExtension static final MariaDbTestDatabase db = new MariaDbTestDatabase();

  @Test void aHeldLockKeepsOtherSessionsOut() throws Exception {
    try (Connection a = db.connect(); Connection b = db.connect()) {
      try (DatabaseLock lock = db.dialect().lock(a)) {
        assertThat(tryLock(b)).isFalse();
      }
      assertThat(tryLock(b)).isTrue();
      unlock(b);
    }
  }

  @Test void theLockIsPerDatabase() throws Exception {
    try (Connection a = db.connect(); DatabaseLock lock = db.dialect().lock(a)) {
      assertThat(lockName()).isEqualTo("cairn:" + db.name());
      try (Connection b = db.connect();
          PreparedStatement ps = b.prepareStatement("SELECT GET_LOCK('cairn:other_db', 0)");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).as("another database's lock").isEqualTo(1);
      }
    }
  }

  @Test void aLongDatabaseNameGetsALockNameWithinMysqlsLimit() {
    String name = MysqlLock.name("d".repeat(64));
    assertThat(name).startsWith("cairn:").hasSizeLessThanOrEqualTo(MysqlLock.MAX_NAME);
    assertThat(MysqlLock.name("e".repeat(64))).isNotEqualTo(name);
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
      try (DatabaseLock lock = db.dialect().lock(a)) {
        List<String> told = new ArrayList<>();
        assertThatThrownBy(() -> db.dialect().lock(b, LockWait.parse("100ms"), told::add))
            .isInstanceOf(LockWaitTimeout.class)
            .hasMessageContaining("gave up after 100ms waiting for the migration lock, held by"
                + " connection " + connectionId(a) + " (user root, from ");
        assertThat(told).singleElement().asString()
            .startsWith("the migration lock, held by connection " + connectionId(a) + " (user root");
      }
    }
  }

  @Test void aZeroWaitGivesUpAtOnce() throws Exception {
    try (Connection a = db.connect(); Connection b = db.connect();
        DatabaseLock lock = db.dialect().lock(a)) {
      assertThatThrownBy(() -> db.dialect().lock(b, LockWait.parse("0"), held -> {}))
          .isInstanceOf(LockWaitTimeout.class);
    }
  }

  @Test void aCrashedSessionLeavesNoStuckLock() throws Exception {
    try (Connection b = db.connect()) {
      Connection a = db.connect();
      db.dialect().lock(a);
      a.close(); // the session ends without releasing, as when a process dies
      boolean locked = tryLock(b);
      for (int i = 0; i < 100 && !locked; i++) {
        Thread.sleep(50);
        locked = tryLock(b);
      }
      assertThat(locked).as("the lock, 5 s after its session ended").isTrue();
      unlock(b);
    }
  }

  @Test void theLockOutlivesCommitsAndDdl() throws Exception {
    try (Connection a = db.connect(); Connection b = db.connect();
        DatabaseLock lock = db.dialect().lock(a)) {
      a.createStatement().execute("CREATE TABLE t (id int)"); // an implicit commit
      a.setAutoCommit(false);
      a.createStatement().execute("INSERT INTO t VALUES (1)");
      a.commit();
      a.setAutoCommit(true);
      a.createStatement().execute("DROP TABLE t");
      assertThat(tryLock(b)).isFalse();
    }
  }

  private static String lockName() {
    return MysqlLock.name(db.name());
  }

  private static long connectionId(Connection c) throws SQLException {
    try (var s = c.createStatement(); var rs = s.executeQuery("SELECT CONNECTION_ID()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static boolean tryLock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, 0)")) {
      ps.setString(1, lockName());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) == 1;
      }
    }
  }

  private static void unlock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
      ps.setString(1, lockName());
      ps.execute();
    }
  }
}
