package dev.cairn.dialect.mysql;

import dev.cairn.schema.DatabaseLock;
import dev.cairn.schema.LockWait;
import dev.cairn.schema.LockWaitTimeout;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * A named user lock ({@code GET_LOCK}) that keeps two {@code migrate} runs on one database apart.
 * It belongs to the session, not to a transaction, so it outlives the implicit commit of every DDL
 * statement, and the server releases it by itself when a crashed run's connection ends. User locks
 * are server-wide, so the name carries the database's.
 */
final class MysqlLock implements DatabaseLock {
  /** MySQL refuses lock names longer than 64 characters. */
  static final int MAX_NAME = 64;

  /** The longest wait GET_LOCK is given: MariaDB reads a negative timeout as an error, not forever. */
  private static final Duration LONGEST = Duration.ofDays(365);

  private final Connection connection;
  private final String name;
  private boolean held;

  private MysqlLock(Connection connection, String name) {
    this.connection = connection;
    this.name = name;
  }

  /**
   * Holds the lock at once when it is free; otherwise tells {@code waiting} who holds it and waits
   * up to {@code wait} in GET_LOCK itself, so that the server hands the lock over as it is freed.
   */
  static MysqlLock acquire(Connection connection, LockWait wait, Consumer<String> waiting)
      throws SQLException {
    MysqlLock lock = new MysqlLock(connection, name(currentDatabase(connection)));
    if (!lock.getLock(Duration.ZERO)) {
      waiting.accept(lock.describeHolder());
      if (wait.limit().isZero() || !lock.getLock(wait.limit())) {
        throw new LockWaitTimeout(lock.describeHolder(), wait);
      }
    }
    lock.held = true;
    return lock;
  }

  /** {@code cairn:<database>}, or a digest of it where that is longer than MySQL allows. */
  static String name(String database) {
    String name = "cairn:" + database;
    if (name.length() <= MAX_NAME) return name;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(database.getBytes(StandardCharsets.UTF_8));
      return "cairn:" + HexFormat.of().formatHex(digest, 0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JVM has SHA-256", e);
    }
  }

  private static String currentDatabase(Connection connection) throws SQLException {
    try (var s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
      rs.next();
      String database = rs.getString(1);
      if (database == null) {
        throw new SQLException("the connection has no database selected; name one in the URL,"
            + " as jdbc:mariadb://host:3306/<database>");
      }
      return database;
    }
  }

  /** Whether GET_LOCK gave the lock within {@code wait}; NULL (an error, a kill) is an exception. */
  private boolean getLock(Duration wait) throws SQLException {
    Duration bounded = wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
      ps.setString(1, name);
      ps.setBigDecimal(2, java.math.BigDecimal.valueOf(bounded.toMillis(), 3));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        int result = rs.getInt(1);
        if (rs.wasNull()) throw new SQLException("GET_LOCK('" + name + "') failed");
        return result == 1;
      }
    }
  }

  /**
   * The session holding the lock, from {@code IS_USED_LOCK} and the process list, which shows
   * another user's session only to a user with the PROCESS privilege.
   */
  String describeHolder() throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("""
        SELECT p.ID, p.USER, p.HOST FROM information_schema.PROCESSLIST p
        WHERE p.ID = IS_USED_LOCK(?)""")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return "the migration lock, held by another session";
        List<String> about = new ArrayList<>();
        if (rs.getString(2) != null) about.add("user " + rs.getString(2));
        if (rs.getString(3) != null && !rs.getString(3).isEmpty()) {
          about.add("from " + rs.getString(3));
        }
        return "the migration lock, held by connection " + rs.getLong(1)
            + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")");
      }
    }
  }

  @Override public void close() throws SQLException {
    if (!held) return;
    held = false;
    try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
      ps.setString(1, name);
      ps.execute();
    }
  }
}
