package dev.cairn.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A SQLite file per round; the lock is {@code <file>-cairn.lock}, as SqliteLock takes it. */
final class SqliteReliabilityDatabase implements ReliabilityDatabase {
  private static final Path PROC_LOCKS = Path.of("/proc/locks");
  private int rounds;

  @Override public LoadProject.Flavour flavour() {
    return LoadProject.Flavour.SQLITE;
  }

  /** SQLite has no lock a statement could wait on across processes: Java waits on a file. */
  @Override public String gateOperation() {
    return "  - RunJava:\n      code: " + FileGate.class.getName() + "\n";
  }

  @Override public AutoCloseable holdGate(String url) throws IOException {
    Path gate = FileGate.gateOf(Path.of(url.substring("jdbc:sqlite:".length())));
    Files.createDirectories(gate.getParent());
    Files.writeString(gate, "closed");
    return () -> Files.deleteIfExists(gate);
  }

  @Override public String emptyDatabase(Path work) throws IOException {
    Path dir = work.resolve("db" + (++rounds));
    Files.createDirectories(dir);
    return "jdbc:sqlite:" + dir.resolve("db.sqlite3");
  }

  @Override public void assertNoLockLeft(String url) throws IOException {
    Path lockFile = lockFile(url);
    if (!Files.exists(lockFile)) return;
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      assertThat(lock).as("the migration lock %s is still held", lockFile).isNotNull();
    }
  }

  /**
   * Counts blocked requests for the lock file's inode in /proc/locks (lines marked "->"), where
   * Linux lists the processes waiting in fcntl(F_SETLKW) as FileChannel.lock() does.
   */
  @Override public boolean awaitWaiters(String url, int count, ChildMigrate holder)
      throws Exception {
    if (!Files.isReadable(PROC_LOCKS)) return false;
    Path lockFile = lockFile(url);
    while (holder.isAlive()) {
      if (Files.exists(lockFile)) {
        String inode = ":" + Files.getAttribute(lockFile, "unix:ino") + " ";
        long waiting = Files.readAllLines(PROC_LOCKS).stream()
            .filter(l -> l.contains("->") && l.contains(inode)).count();
        if (waiting >= count) return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  private static Path lockFile(String url) {
    return Path.of(url.substring("jdbc:sqlite:".length()) + "-cairn.lock");
  }
}
