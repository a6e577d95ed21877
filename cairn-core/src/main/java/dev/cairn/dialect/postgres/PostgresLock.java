package dev.cairn.dialect.postgres;

import dev.cairn.schema.DatabaseLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A session-level advisory lock that keeps two {@code migrate} runs apart. It belongs to the
 * connection's session, not to a transaction, so it outlives the commits of each migration, and
 * PostgreSQL releases it by itself when a crashed run's session ends.
 */
final class PostgresLock implements DatabaseLock {
  /** The first 8 bytes of SHA-256("cairn"), so that other tools' advisory locks do not collide. */
  static final long KEY = key();

  private final Connection connection;
  private boolean held;

  private PostgresLock(Connection connection) {
    this.connection = connection;
  }

  /** Waits until no other session holds the lock, then holds it. */
  static PostgresLock acquire(Connection connection) throws SQLException {
    PostgresLock lock = new PostgresLock(connection);
    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
      ps.setLong(1, KEY);
      ps.execute();
    }
    lock.held = true;
    return lock;
  }

  @Override public void close() throws SQLException {
    if (!held) return;
    held = false;
    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      ps.setLong(1, KEY);
      ps.execute();
    }
  }

  private static long key() {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest("cairn".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.nio.ByteBuffer.wrap(digest).getLong();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError("every JVM has SHA-256", e);
    }
  }
}
