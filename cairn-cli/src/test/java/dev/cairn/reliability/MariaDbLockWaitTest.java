package dev.cairn.reliability;

import dev.cairn.schema.DatabaseLock;
import dev.cairn.testing.MariaDbTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.extension.RegisterExtension;

final class MariaDbLockWaitTest extends LockWaitContract {
  @RegisterExtension static final MariaDbTestDatabase mariaDb = new MariaDbTestDatabase();

  @Override ReliabilityDatabase database() {
    return new MariaDbReliabilityDatabase(mariaDb);
  }

  /** Named by its connection id and user. */
  @Override HeldLock holdLock(String url) throws Exception {
    Connection c = mariaDb.connect();
    long id;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
      rs.next();
      id = rs.getLong(1);
    }
    DatabaseLock lock = mariaDb.dialect().lock(c);
    return new HeldLock(() -> {
      lock.close();
      c.close();
    }, "held by connection " + id + " (user root");
  }
}
