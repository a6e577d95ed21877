package dev.cairn.reliability;

import dev.cairn.connect.Database;
import dev.cairn.schema.DatabaseLock;

/**
 * The test's process opens the file first with {@code AUTO_SERVER=TRUE}, so it serves the child
 * {@code migrate}, as an application holding its database would.
 */
final class H2LockWaitTest extends LockWaitContract {
  private final H2ReliabilityDatabase database = new H2ReliabilityDatabase(true);

  @Override ReliabilityDatabase database() {
    return database;
  }

  /** Named by this process's id. */
  @Override HeldLock holdLock(String url) throws Exception {
    Database db = Database.open(url);
    DatabaseLock lock = db.dialect().lock(db.connection());
    return new HeldLock(() -> {
      lock.close();
      db.close();
    }, "held by pid " + ProcessHandle.current().pid());
  }
}
