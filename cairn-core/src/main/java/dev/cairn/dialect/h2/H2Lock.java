package dev.cairn.dialect.h2;

import dev.cairn.schema.DatabaseLock;
import dev.cairn.schema.LockWait;
import dev.cairn.schema.LockWaitTimeout;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * Keeps two {@code migrate} runs on one H2 database apart: the row of {@code cairn_lock}, updated
 * and never committed by a session of its own. H2 has no advisory locks, and every DDL statement
 * commits the migrating session's transaction, so the lock cannot live there; a row lock lives as
 * long as its transaction, which ends with its session: a run that dies (its connection closed,
 * its process gone from a server) never leaves the lock held. The uncommitted row names its
 * holder, which a waiting run reads with {@code READ UNCOMMITTED}.
 *
 * <p>Who can wait: sessions of one database, in one JVM (tests, an application and its migrate),
 * or through a server ({@code jdbc:h2:tcp:}, {@code AUTO_SERVER=TRUE}). Without a server H2 lets
 * one process open a database file at a time, and a second process fails to connect instead.
 */
final class H2Lock implements DatabaseLock {
  static final String TABLE = "cairn_lock";

  /** H2's LOCK_TIMEOUT_1: the row stayed locked for the session's whole lock timeout. */
  private static final int LOCK_TIMEOUT = 50200;
  /** H2's DUPLICATE_KEY_1: another run made the row first. */
  private static final int DUPLICATE_KEY = 23505;

  private final Connection session;
  private boolean held = true;
  /** {@link #TABLE}, quoted as the dialect quotes it. */
  private final String table;

  private H2Lock(Connection session, String table) {
    this.session = session;
    this.table = table;
  }

  /**
   * Holds the lock at once when it is free, on {@code session}, a connection of its own that the
   * lock closes when released; otherwise tells {@code waiting} who holds it and waits up to {@code
   * wait} (H2's {@code LOCK_TIMEOUT}, for this session only).
   */
  static DatabaseLock acquire(Connection session, String table, LockWait wait,
      Consumer<String> waiting) throws SQLException {
    try {
      prepare(session, table);
      session.setAutoCommit(false);
      if (!lockWithin(session, table, Duration.ZERO)) {
        waiting.accept(describeHolder(session, table));
        if (wait.limit().isZero() || !lockWithin(session, table, wait.limit())) {
          throw new LockWaitTimeout(describeHolder(session, table), wait);
        }
      }
      return new H2Lock(session, table);
    } catch (SQLException | RuntimeException e) {
      try {
        session.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Makes the table and its one row unless they are there, each in its own commit. */
  private static void prepare(Connection session, String table) throws SQLException {
    session.setAutoCommit(true);
    try (Statement s = session.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS " + table + " (id integer PRIMARY KEY,"
          + " holder varchar(200))");
      s.execute("INSERT INTO " + table + " (id) SELECT 1 WHERE NOT EXISTS"
          + " (SELECT 1 FROM " + table + " WHERE id = 1)");
    } catch (SQLException e) {
      if (e.getErrorCode() != DUPLICATE_KEY) throw e;
    }
  }

  /** Updates the row, waiting up to {@code limit} for its lock; false when time ran out. */
  private static boolean lockWithin(Connection session, String table, Duration limit)
      throws SQLException {
    // LOCK_TIMEOUT is an int of milliseconds: 24 days stands for a longer wait, or forever
    long millis = limit.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0 ? Integer.MAX_VALUE
        : limit.toMillis();
    try (Statement s = session.createStatement()) {
      s.execute("SET LOCK_TIMEOUT " + millis);
    }
    try (PreparedStatement ps = session.prepareStatement(
        "UPDATE " + table + " SET holder = ? WHERE id = 1")) {
      ps.setString(1, "pid " + ProcessHandle.current().pid() + " (since "
          + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ")");
      ps.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (e.getErrorCode() == LOCK_TIMEOUT) return false;
      throw e;
    }
  }

  /** The holder as it wrote itself into the row it holds, not yet committed. */
  static String describeHolder(Connection session, String table) throws SQLException {
    session.rollback();
    int isolation = session.getTransactionIsolation();
    session.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
    try (Statement s = session.createStatement();
        ResultSet rs = s.executeQuery("SELECT holder FROM " + table + " WHERE id = 1")) {
      String holder = rs.next() ? rs.getString(1) : null;
      return "the migration lock (table " + TABLE + "), held by "
          + (holder == null ? "another session" : holder);
    } finally {
      session.rollback();
      session.setTransactionIsolation(isolation);
    }
  }

  /** Rolls the row back, which frees it, and closes the lock's session. */
  @Override public synchronized void close() throws SQLException {
    if (!held) return;
    held = false;
    try {
      session.rollback();
    } finally {
      session.close();
    }
  }
}
