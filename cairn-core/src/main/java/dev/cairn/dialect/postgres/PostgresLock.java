package dev.cairn.dialect.postgres;

import dev.cairn.schema.DatabaseLock;
import dev.cairn.schema.LockWait;
import dev.cairn.schema.LockWaitTimeout;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A session-level advisory lock that keeps two {@code migrate} runs apart. It belongs to the
 * connection's session, not to a transaction, so it outlives the commits of each migration, and
 * PostgreSQL releases it by itself when a crashed run's session ends.
 */
final class PostgresLock implements DatabaseLock {
  /** The first 8 bytes of SHA-256("cairn"), so that other tools' advisory locks do not collide. */
  static final long KEY = key();

  /** PostgreSQL's lock_not_available: lock_timeout ran out. */
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final Connection connection;
  private boolean held;

  private PostgresLock(Connection connection) {
    this.connection = connection;
  }

  /**
   * Holds the lock at once when it is free; otherwise tells {@code waiting} who holds it and waits
   * up to {@code wait} (PostgreSQL's {@code lock_timeout}, for this wait only).
   */
  static PostgresLock acquire(Connection connection, LockWait wait, Consumer<String> waiting)
      throws SQLException {
    PostgresLock lock = new PostgresLock(connection);
    if (!lock.tryLock()) {
      waiting.accept(describeHolder(connection));
      if (wait.limit().isZero() || !lock.lockWithin(wait)) {
        throw new LockWaitTimeout(describeHolder(connection), wait);
      }
    }
    lock.held = true;
    return lock;
  }

  private boolean tryLock() throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      ps.setLong(1, KEY);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** Waits in the lock's queue, so that waiting runs take it in turn; false when time ran out. */
  private boolean lockWithin(LockWait wait) throws SQLException {
    // lock_timeout takes an int of milliseconds; a longer wait is no wait limit at all
    boolean bounded = wait.limit().compareTo(Duration.ofMillis(Integer.MAX_VALUE)) <= 0;
    try (Statement s = connection.createStatement()) {
      if (bounded) s.execute("SET lock_timeout = " + wait.limit().toMillis());
      try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
        ps.setLong(1, KEY);
        ps.execute();
        return true;
      } catch (SQLException e) {
        if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) return false;
        throw e;
      } finally {
        if (bounded) s.execute("RESET lock_timeout");
      }
    }
  }

  /**
   * The session holding the lock, from pg_locks (a bigint key is its high and low halves) and
   * pg_stat_activity, which shows another user's session only by pid, user and name.
   */
  static String describeHolder(Connection connection) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("""
        SELECT a.pid, a.application_name, a.usename,
          to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
        FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND l.classid::bigint = ? AND l.objid::bigint = ?""")) {
      ps.setLong(1, KEY >>> 32);
      ps.setLong(2, KEY & 0xFFFF_FFFFL);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return "the migration lock, held by another session";
        List<String> about = new ArrayList<>();
        if (rs.getString(2) != null && !rs.getString(2).isEmpty()) about.add(rs.getString(2));
        if (rs.getString(3) != null) about.add("user " + rs.getString(3));
        if (rs.getString(4) != null) about.add("connected since " + rs.getString(4));
        return "the migration lock, held by pid " + rs.getLong(1)
            + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")");
      }
    }
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
