package dev.cairn.reliability;

import dev.cairn.dialect.sqlite.SqliteDialect;
import dev.cairn.schema.DatabaseLock;
import java.sql.Connection;
import java.sql.DriverManager;

final class SqliteLockWaitTest extends LockWaitContract {
  private final SqliteReliabilityDatabase database = new SqliteReliabilityDatabase();

  @Override ReliabilityDatabase database() {
    return database;
  }

  /** Named by its lock file and this process's id. */
  @Override HeldLock holdLock(String url) throws Exception {
    Connection c = DriverManager.getConnection(url);
    DatabaseLock lock = new SqliteDialect().lock(c);
    String file = url.substring("jdbc:sqlite:".length()) + "-cairn.lock";
    return new HeldLock(() -> {
      lock.close();
      c.close();
    }, file + ", held by pid " + ProcessHandle.current().pid());
  }
}
