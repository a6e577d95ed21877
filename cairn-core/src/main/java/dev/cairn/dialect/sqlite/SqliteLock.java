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

/**
 * Keeps two {@code migrate} runs on one SQLite file apart for the whole run, not only inside each
 * migration's transaction. The lock is an OS lock on {@code <database>-cairn.lock} beside the
 * database, not on the database file itself: closing any descriptor of a file drops every POSIX
 * lock the process holds on it, which would break SQLite's own locking. The OS releases the lock
 * when the process dies, so a crash never leaves it held.
 */
final class SqliteLock implements DatabaseLock {
  private final FileChannel channel;
  private final FileLock lock;

  private SqliteLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DatabaseLock acquire(Connection connection) throws SQLException {
    String file = databaseFile(connection);
    if (file == null || file.isEmpty()) return () -> {}; // in memory: nobody else can see it
    Path lockFile = Path.of(file + "-cairn.lock");
    try {
      FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      return new SqliteLock(channel, channel.lock());
    } catch (IOException e) {
      throw new SQLException("cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
  }

  private static String databaseFile(Connection connection) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT file FROM pragma_database_list WHERE name = 'main'");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Override public void close() throws SQLException {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new SQLException("cannot release the migration lock: " + e.getMessage(), e);
    }
  }
}
