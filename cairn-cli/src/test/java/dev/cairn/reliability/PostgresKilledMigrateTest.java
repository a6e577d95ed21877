package dev.cairn.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.schema.DatabaseLock;
import dev.cairn.testing.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code migrate} killed (SIGKILL) during a long statement gives up its lock within seconds,
 * not once the statement would have ended: PostgreSQL notices a dead client only when it next
 * talks to it, unless the session checks the connection while a statement runs.
 */
final class PostgresKilledMigrateTest {
  @RegisterExtension static final PostgresTestDatabase postgres = new PostgresTestDatabase();
  @TempDir Path folder;

  /** The long statement runs this long; the lock must pass well before it would end. */
  private static final int STATEMENT_SECONDS = 60;
  /** How long the next lock-taker waits: a third of the statement, many times what it needs. */
  private static final int LOCK_WAIT_SECONDS = 20;

  @Test void aMigrateKilledDuringALongStatementReleasesTheLockBeforeTheStatementWouldEnd()
      throws Exception {
    postgres.reset();
    try (Connection c = postgres.connect()) {
      assumeTrue(c.getMetaData().getDatabaseMajorVersion() >= 14,
          "client_connection_check_interval needs PostgreSQL 14 or later");
    }
    Path project = folder.resolve("project");
    Files.createDirectories(project.resolve("migrations/slow"));
    Files.writeString(project.resolve("cairn.yaml"),
        "apps:\n  slow:\n    migrations: migrations/slow\n");
    Files.writeString(project.resolve("migrations/slow/0001_sleep.yaml"), """
        dependencies: []
        operations:
          - RunSQL:
              sql: SELECT pg_sleep(%d)
              reverse_sql: []
        """.formatted(STATEMENT_SECONDS));
    String url = postgres.url() + "?user=postgres&ApplicationName="
        + PostgresReliabilityDatabase.APPLICATION;
    ChildMigrate child = ChildMigrate.start(project.resolve("cairn.yaml"), url,
        folder.resolve("work"), "sleeper");
    try (Connection c = postgres.connect()) {
      awaitSleeping(c, child);
      assertThat(count(c, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
          + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"))
          .as("the migration lock, held by the sleeping migrate").isEqualTo(1);
      child.kill();
      try (Statement s = c.createStatement()) {
        s.execute("SET lock_timeout = '" + LOCK_WAIT_SECONDS + "s'");
      }
      try (DatabaseLock lock = postgres.dialect().lock(c)) {
        assertThat(lock).isNotNull();
      } catch (SQLException e) {
        throw new AssertionError("the migration lock was still held " + LOCK_WAIT_SECONDS
            + " s after the migrate holding it was killed in a " + STATEMENT_SECONDS
            + " s statement: " + e.getMessage(), e);
      }
    } finally {
      if (child.isAlive()) child.kill();
    }
  }

  /** Waits until the child runs its long statement (or fails the test if it ends first). */
  private static void awaitSleeping(Connection c, ChildMigrate child) throws Exception {
    while (count(c, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        + " AND application_name = '" + PostgresReliabilityDatabase.APPLICATION + "'"
        + " AND state = 'active' AND query LIKE 'SELECT pg_sleep%'") == 0) {
      if (!child.isAlive()) throw new AssertionError("migrate ended before it slept\n" + child);
      Thread.sleep(20);
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
