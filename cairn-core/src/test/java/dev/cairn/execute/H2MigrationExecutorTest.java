package dev.cairn.execute;

import dev.cairn.connect.Database;
import java.util.UUID;

final class H2MigrationExecutorTest extends MigrationExecutorContract {
  @Override Database openEmptyDatabase() throws Exception {
    return Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }
}
