package dev.cairn.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.schema.DatabaseLock;
import dev.cairn.schema.LockWait;
import dev.cairn.schema.LockWaitTimeout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SqliteLockTest {
  private final SqliteDialect dialect = new SqliteDialect();
  @TempDir Path folder;

  @Test void aSecondLockOnTheSameFileWaitsUntilTheFirstIsReleased() throws Exception {
    String url = "jdbc:sqlite:" + folder.resolve("db.sqlite3");
    try (Connection a = DriverManager.getConnection(url);
        Connection b = DriverManager.getConnection(url)) {
      DatabaseLock first = dialect.lock(a);
      CountDownLatch acquired = new CountDownLatch(1);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread second = new Thread(() -> {
        try (DatabaseLock lock = dialect.lock(b)) {
          acquired.countDown();
        } catch (Throwable t) {
          failure.set(t);
        }
      });
      second.start();
      awaitWaiting(second);
      assertThat(acquired.getCount()).as("second lock taken while the first is held").isEqualTo(1);
      first.close();
      assertThat(acquired.await(30, TimeUnit.SECONDS)).isTrue();
      second.join();
      assertThat(failure.get()).isNull();
    }
  }

  @Test void aBoundedWaitSaysWhoHoldsTheLockAndGivesUp() throws Exception {
    String url = "jdbc:sqlite:" + folder.resolve("db.sqlite3");
    try (Connection a = DriverManager.getConnection(url);
        Connection b = DriverManager.getConnection(url);
        DatabaseLock first = dialect.lock(a)) {
      java.util.List<String> told = new java.util.ArrayList<>();
      assertThatThrownBy(() -> dialect.lock(b, LockWait.parse("100ms"), told::add))
          .isInstanceOf(LockWaitTimeout.class)
          .hasMessageContaining("gave up after 100ms waiting for the migration lock "
              + folder.resolve("db.sqlite3-cairn.lock"));
      assertThat(told).singleElement().asString().contains("db.sqlite3-cairn.lock, held by");
    }
  }

  @Test void theLockFileLiesBesideTheDatabase() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("db.sqlite3"));
        DatabaseLock lock = dialect.lock(c)) {
      assertThat(folder.resolve("db.sqlite3-cairn.lock")).exists();
    }
  }

  @Test void locksOnDifferentFilesDoNotWaitForEachOther() throws Exception {
    try (Connection a = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("a.sqlite3"));
        Connection b = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("b.sqlite3"));
        DatabaseLock first = dialect.lock(a);
        DatabaseLock second = dialect.lock(b)) {
      assertThat(folder.resolve("b.sqlite3-cairn.lock")).exists();
    }
  }

  @Test void aReleasedLockCanBeTakenAgainAndClosingTwiceIsHarmless() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("db.sqlite3"))) {
      DatabaseLock lock = dialect.lock(c);
      lock.close();
      lock.close();
      dialect.lock(c).close();
    }
  }

  @Test void anInMemoryDatabaseNeedsNoLockFile() throws Exception {
    try (Connection a = DriverManager.getConnection("jdbc:sqlite::memory:");
        Connection b = DriverManager.getConnection("jdbc:sqlite::memory:");
        DatabaseLock first = dialect.lock(a);
        DatabaseLock second = dialect.lock(b)) {
      assertThat(Path.of("-cairn.lock")).doesNotExist();
      assertThat(Path.of(":memory:-cairn.lock")).doesNotExist();
    }
    try (var files = Files.list(folder)) {
      assertThat(files).isEmpty();
    }
  }

  /** Waits, without a time limit of its own, until {@code thread} parks or ends. */
  private static void awaitWaiting(Thread thread) throws InterruptedException {
    while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TERMINATED) {
      Thread.sleep(5);
    }
  }
}
