package dev.cairn.reliability;

import dev.cairn.schema.DatabaseLock;
import dev.cairn.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.extension.RegisterExtension;

final class PostgresLockWaitTest extends LockWaitContract {
  @RegisterExtension static final PostgresTestDatabase postgres = new PostgresTestDatabase();

  @Override ReliabilityDatabase database() {
    return new PostgresReliabilityDatabase(postgres);
  }

  /** Named by its session's process id and application_name. */
  @Override HeldLock holdLock(String url) throws Exception {
    Connection c = postgres.connect();
    long pid;
    try (Statement s = c.createStatement()) {
      s.execute("SET application_name = 'deploy-42'");
      try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        pid = rs.getLong(1);
      }
    }
    DatabaseLock lock = postgres.dialect().lock(c);
    return new HeldLock(() -> {
      lock.close();
      c.close();
    }, "held by pid " + pid + " (deploy-42");
  }
}
