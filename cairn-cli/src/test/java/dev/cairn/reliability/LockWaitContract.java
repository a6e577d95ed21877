package dev.cairn.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.connect.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code migrate} that finds the migration lock held says so, naming the holder, and waits for
 * it up to {@code --lock-wait}: it goes on once the holder lets go, and gives up with exit code 4
 * and the holder's name when the wait runs out. The test holds the lock itself, as another run
 * would. One subclass per database.
 */
abstract class LockWaitContract {
  @TempDir Path folder;

  abstract ReliabilityDatabase database();

  /** The lock, held by this test's process as a migrate would hold it, until closed. */
  abstract HeldLock holdLock(String url) throws Exception;

  /** A held lock and the words a waiting migrate must use to name its holder. */
  record HeldLock(AutoCloseable release, String holder) implements AutoCloseable {
    @Override public void close() throws Exception {
      release.close();
    }
  }

  @Test void migrateGivesUpAfterTheLockWaitWithExitCode4NamingTheHolder() throws Exception {
    ReliabilityDatabase db = database();
    LoadProject project = LoadProject.write(folder.resolve("project"), db.flavour(), 2, 10);
    String url = db.emptyDatabase(folder.resolve("work"));
    ChildMigrate child;
    try (HeldLock held = holdLock(url)) {
      child = ChildMigrate.start(project.config(), url, folder.resolve("work"), "waiter",
          "--lock-wait", "2s");
      assertThat(child.exitCode()).as("%s", child).isEqualTo(4);
      assertThat(child.out()).contains("Waiting for the migration lock")
          .contains(held.holder()).contains("giving up after 2s");
      assertThat(child.err()).contains("gave up after 2s waiting for the migration lock")
          .contains(held.holder()).contains("nothing was changed").doesNotContain("Exception");
    }
    try (Database d = Database.open(url)) {
      assertThat(d.dialect().introspect(d.connection()).tables()).isEmpty();
    }
  }

  @Test void aLockReleasedWhileMigrateWaitsLetsItFinish() throws Exception {
    ReliabilityDatabase db = database();
    LoadProject project = LoadProject.write(folder.resolve("project"), db.flavour(), 2, 10);
    Boundary boundary = new Boundary(folder.resolve("project"));
    String url = db.emptyDatabase(folder.resolve("work"));
    ChildMigrate child;
    try (HeldLock held = holdLock(url)) {
      child = ChildMigrate.start(project.config(), url, folder.resolve("work"), "waiter",
          "--lock-wait", "10m");
      while (child.isAlive() && !child.out().contains("Waiting for the migration lock")) {
        Thread.sleep(20);
      }
      assertThat(child.out()).as("%s", child).contains(held.holder())
          .contains("giving up after 10m");
    }
    assertThat(child.exitCode()).as("%s", child).isZero();
    assertThat(boundary.check(url)).isEqualTo(boundary.total());
  }
}
