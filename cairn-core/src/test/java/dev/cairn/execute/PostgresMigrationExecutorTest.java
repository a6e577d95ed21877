package dev.cairn.execute;

import dev.cairn.connect.Database;
import dev.cairn.testing.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

final class PostgresMigrationExecutorTest extends MigrationExecutorContract {
  @RegisterExtension static final PostgresTestDatabase postgres = new PostgresTestDatabase();

  @Override Database openEmptyDatabase() throws Exception {
    postgres.reset();
    return new Database(postgres.url(), postgres.connect(), postgres.dialect());
  }
}
