package dev.cairn.dialect.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.schema.DatabaseLock;
import dev.cairn.schema.LockWait;
import dev.cairn.schema.LockWaitTimeout;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class H2LockTest {
  private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private final H2Dialect dialect = new H2Dialect(url);
  @TempDir Path folder;

  @Test void aSecondRunWaitsUntilTheFirstReleases() throws Exception {
    try (Connection a = DriverManager.getConnection(url);
        Connection b = DriverManager.getConnection(url)) {
      DatabaseLock first = dialect.lock(a);
      CountDownLatch acquired = new CountDownLatch(1);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
      Thread second = new Thread(() -> {
        try (DatabaseLock lock = dialect.lock(b, LockWait.FOREVER, told::add)) {
          acquired.countDown();
        } catch (Throwable t) {
          failure.set(t);
        }
      });
      second.start();
      while (told.isEmpty() && second.isAlive()) Thread.sleep(5);
      assertThat(acquired.getCount()).as("second lock taken while the first is held").isEqualTo(1);
      first.close();
      assertThat(acquired.await(30, TimeUnit.SECONDS)).isTrue();
      second.join();
      assertThat(failure.get()).isNull();
      assertThat(told).singleElement().asString()
          .startsWith("the migration lock (table cairn_lock), held by pid "
              + ProcessHandle.current().pid() + " (since ");
    }
  }

  @Test void aBoundedWaitNamesTheHolderAndGivesUp() throws Exception {
    try (Connection a = DriverManager.getConnection(url);
        Connection b = DriverManager.getConnection(url);
        DatabaseLock first = dialect.lock(a)) {
      assertThatThrownBy(() -> dialect.lock(b, LockWait.parse("100ms"), holder -> {}))
          .isInstanceOf(LockWaitTimeout.class)
          .hasMessageContaining("gave up after 100ms waiting for the migration lock"
              + " (table cairn_lock), held by pid " + ProcessHandle.current().pid());
      assertThatThrownBy(() -> dialect.lock(b, LockWait.parse("0"), holder -> {}))
          .isInstanceOf(LockWaitTimeout.class);
    }
  }

  @Test void theLockOutlivesTheMigratingSessionsCommitsAndDdl() throws Exception {
    try (Connection a = DriverManager.getConnection(url);
        Connection b = DriverManager.getConnection(url);
        DatabaseLock lock = dialect.lock(a)) {
      a.setAutoCommit(false);
      a.createStatement().execute("CREATE TABLE \"t\" (\"id\" integer)");
      a.commit();
      assertThatThrownBy(() -> dialect.lock(b, LockWait.parse("0"), holder -> {}))
          .isInstanceOf(LockWaitTimeout.class);
    }
  }

  @Test void aReleasedLockCanBeTakenAgainAndClosingTwiceIsHarmless() throws Exception {
    try (Connection c = DriverManager.getConnection(url)) {
      DatabaseLock lock = dialect.lock(c);
      lock.close();
      lock.close();
      dialect.lock(c, LockWait.parse("0"), holder -> {}).close();
    }
  }

  @Test void aPrivateInMemoryDatabaseNeedsNoLock() throws Exception {
    H2Dialect memory = new H2Dialect("jdbc:h2:mem:");
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:");
        DatabaseLock lock = memory.lock(c)) {
      assertThat(new H2Introspector(c, memory).snapshot().tables()).isEmpty();
      try (var rs = c.getMetaData().getTables(null, "PUBLIC", "%", null)) {
        assertThat(rs.next()).as("a lock table in a database nobody else can open").isFalse();
      }
    }
  }

  @Test void aConnectionWithoutAKnownUrlLocksThroughTheUrlAndUserItReports() throws Exception {
    H2Dialect unknown = new H2Dialect();
    try (Connection a = DriverManager.getConnection(url);
        Connection b = DriverManager.getConnection(url);
        DatabaseLock lock = unknown.lock(a)) {
      assertThatThrownBy(() -> unknown.lock(b, LockWait.parse("0"), holder -> {}))
          .isInstanceOf(LockWaitTimeout.class);
    }
  }

  /**
   * A process holding the lock through an H2 server is killed: the server ends its session, and
   * the row lock with it, so the next run takes the lock without anyone's help.
   */
  @Test void aKilledProcessLeavesNoStuckLock() throws Exception {
    Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", folder.toString(),
        "-ifNotExists").start();
    try {
      String tcp = "jdbc:h2:tcp://localhost:" + server.getPort() + "/./db";
      Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-cp", System.getProperty("java.class.path"), H2LockHolder.class.getName(),
          tcp).redirectErrorStream(true).start();
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
        assertThat(out.readLine()).as("the holder's first line").isEqualTo("locked");
        H2Dialect other = new H2Dialect(tcp);
        try (Connection c = DriverManager.getConnection(tcp)) {
          assertThatThrownBy(() -> other.lock(c, LockWait.parse("0"), h -> {}))
              .isInstanceOf(LockWaitTimeout.class)
              .hasMessageContaining("held by pid " + holder.pid());
          holder.destroyForcibly().waitFor();
          other.lock(c, LockWait.parse("30s"), h -> {}).close();
        }
      }
    } finally {
      server.stop();
    }
  }
}
