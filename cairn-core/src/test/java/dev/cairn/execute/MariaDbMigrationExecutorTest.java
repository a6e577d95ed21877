package dev.cairn.execute;

import dev.cairn.connect.Database;
import dev.cairn.testing.MariaDbTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

final class MariaDbMigrationExecutorTest extends MigrationExecutorContract {
  @RegisterExtension static final MariaDbTestDatabase mariaDb = new MariaDbTestDatabase();

  @Override Database openEmptyDatabase() throws Exception {
    mariaDb.reset();
    return new Database(mariaDb.url(), mariaDb.connect(), mariaDb.dialect());
  }
}
