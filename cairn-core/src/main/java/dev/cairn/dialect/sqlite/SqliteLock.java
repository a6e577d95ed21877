package dev.cairn.dialect.sqlite;

import dev.cairn.schema.DatabaseLock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Keeps two {@code migrate} runs on one SQLite file apart for the whole run, not only inside each
 * migration's transaction. The lock is an OS lock on {@code <database>-cairn.lock} beside the
 * database, not on the database file itself: closing any descriptor of a file drops every POSIX
 * lock the process holds on it, which would break SQLite's own locking. The OS releases the lock
 * when the process dies, so a crash never leaves it held.
 *
 * <p>OS file locks belong to the whole JVM (a second {@code lock()} in the same process throws
 * instead of waiting), so runs inside one JVM first queue on a semaphore per lock file.
 */
final class SqliteLock implements DatabaseLock {
  private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

  private final Semaphore local;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean held = true;

  private SqliteLock(Semaphore local, FileChannel channel, FileLock lock) {
    this.local = local;
    this.channel = channel;
    this.lock = lock;
  }

  /** Waits until no other run, in this JVM or another process, holds the lock, then holds it. */
  static DatabaseLock acquire(Connection connection) throws SQLException {
    String file = databaseFile(connection);
    if (file == null || file.isEmpty()) return () -> {}; // in memory: nobody else can see it
    Path lockFile = Path.of(file + "-cairn.lock").toAbsolutePath().normalize();
    Semaphore local = IN_PROCESS.computeIfAbsent(lockFile, f -> new Semaphore(1));
    try {
      local.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for the migration lock " + lockFile, e);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      return new SqliteLock(local, channel, channel.lock());
    } catch (IOException | RuntimeException e) {
      local.release();
      closeQuietly(channel, e);
      throw new SQLException("sqlite: cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
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
