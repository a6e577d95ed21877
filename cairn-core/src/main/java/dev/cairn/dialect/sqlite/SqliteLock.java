package dev.cairn.dialect.sqlite;

import dev.cairn.schema.DatabaseLock;
import dev.cairn.schema.LockWait;
import dev.cairn.schema.LockWaitTimeout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Keeps two {@code migrate} runs on one SQLite file apart for the whole run, not only inside each
 * migration's transaction. The lock is an OS lock on {@code <database>-cairn.lock} beside the
 * database, not on the database file itself: closing any descriptor of a file drops every POSIX
 * lock the process holds on it, which would break SQLite's own locking. The OS releases the lock
 * when the process dies, so a crash never leaves it held. The holder writes its process id and
 * the time into the file, for a waiting run to report.
 *
 * <p>OS file locks belong to the whole JVM (a second {@code lock()} in the same process throws
 * instead of waiting), so runs inside one JVM first queue on a semaphore per lock file.
 */
final class SqliteLock implements DatabaseLock {
  private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
  /** States of a bounded wait for the file lock: the waiter and the timer race to leave one. */
  private static final int WAITING = 0;
  private static final int LOCKED = 1;
  private static final int TIMED_OUT = 2;

  private final Semaphore local;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean held = true;

  private SqliteLock(Semaphore local, FileChannel channel, FileLock lock) {
    this.local = local;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Holds the lock at once when no other run, in this JVM or another process, holds it;
   * otherwise tells {@code waiting} who does and waits up to {@code wait} in all.
   */
  static DatabaseLock acquire(Connection connection, LockWait wait, Consumer<String> waiting)
      throws SQLException {
    String file = databaseFile(connection);
    if (file == null || file.isEmpty()) return () -> {}; // in memory: nobody else can see it
    Path lockFile = Path.of(file + "-cairn.lock").toAbsolutePath().normalize();
    long deadline = deadline(wait);
    Semaphore local = IN_PROCESS.computeIfAbsent(lockFile, f -> new Semaphore(1));
    boolean told = false;
    try {
      if (!local.tryAcquire()) {
        waiting.accept(describe(lockFile, "another run in this process"));
        told = true;
        if (deadline == Long.MAX_VALUE) {
          local.acquire();
        } else if (!local.tryAcquire(remainingMillis(deadline), TimeUnit.MILLISECONDS)) {
          throw new LockWaitTimeout(describe(lockFile, "another run in this process"), wait);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for the migration lock " + lockFile, e);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        String holder = describe(lockFile, "another process");
        if (!told) waiting.accept(holder);
        lock = lockWithin(channel, remainingMillis(deadline));
        if (lock == null) throw new LockWaitTimeout(describe(lockFile, "another process"), wait);
      }
      SqliteLock held = new SqliteLock(local, channel, lock);
      held.writeHolder();
      return held;
    } catch (IOException | RuntimeException e) {
      local.release();
      closeQuietly(channel, e);
      if (e instanceof RuntimeException r) throw r;
      throw new SQLException("sqlite: cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
  }

  /**
   * Waits in the OS's queue for the file lock (where /proc/locks shows the waiters) up to {@code
   * millis}; then closes the channel, which ends the wait. Null when time ran out, even if the
   * lock came at the same moment: closing the channel gives it back.
   */
  private static FileLock lockWithin(FileChannel channel, long millis) throws IOException {
    if (millis == Long.MAX_VALUE) return channel.lock();
    AtomicInteger state = new AtomicInteger(WAITING);
    CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS).execute(() -> {
      if (state.compareAndSet(WAITING, TIMED_OUT)) closeQuietly(channel, new IOException());
    });
    try {
      FileLock lock = millis <= 0 ? null : channel.lock();
      if (lock != null && state.compareAndSet(WAITING, LOCKED)) return lock;
      return null;
    } catch (ClosedChannelException e) {
      if (state.get() == TIMED_OUT) return null; // the timer closed it
      throw e;
    }
  }

  /** The lock file, and who holds it as the holder wrote it, else {@code otherwise}. */
  private static String describe(Path lockFile, String otherwise) {
    String written = "";
    try {
      written = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      // an older Cairn, or a holder that has not written yet: say what is known
    }
    return "the migration lock " + lockFile + ", held by "
        + (written.startsWith("pid ") ? written : otherwise);
  }

  /** Replaces the file's text with this process's id and the time. */
  private void writeHolder() throws IOException {
    channel.truncate(0);
    String text = "pid " + ProcessHandle.current().pid() + " (since "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ")\n";
    channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
  }

  private static long deadline(LockWait wait) {
    if (wait.isForever() || wait.limit().compareTo(Duration.ofDays(365)) > 0) return Long.MAX_VALUE;
    return System.nanoTime() + wait.limit().toNanos();
  }

  /** Milliseconds left, Long.MAX_VALUE for no limit. */
  private static long remainingMillis(long deadline) {
    if (deadline == Long.MAX_VALUE) return Long.MAX_VALUE;
    return Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
  }

  private static String databaseFile(Connection connection) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT file FROM pragma_database_list WHERE name = 'main'");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Override public synchronized void close() throws SQLException {
    if (!held) return;
    held = false;
    try {
      channel.truncate(0); // nobody holds it now
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new SQLException("sqlite: cannot release the migration lock: " + e.getMessage(), e);
    } finally {
      local.release();
    }
  }

  private static void closeQuietly(FileChannel channel, Exception cause) {
    if (channel == null) return;
    try {
      channel.close();
    } catch (IOException suppressed) {
      cause.addSuppressed(suppressed);
    }
  }
}
