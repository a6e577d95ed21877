package dev.cairn.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.connect.Database;
import dev.cairn.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class PostgresMigrationExecutorTest extends MigrationExecutorContract {
  @RegisterExtension static final PostgresTestDatabase postgres = new PostgresTestDatabase();

  @Override Database openEmptyDatabase() throws Exception {
    postgres.reset();
    return new Database(postgres.url(), postgres.connect(), postgres.dialect());
  }

  @Test void theLastMigrationOfARunCommitsSynchronously() throws Exception {
    try (Database db = openEmptyDatabase()) {
      new MigrationExecutor(db.connection(), db.dialect(), load(fixture("twoapps")))
          .migrate(java.util.List.of(), MigrateOptions.DEFAULTS, MigrationListener.SILENT);
      try (var s = db.connection().createStatement();
          var rs = s.executeQuery("SHOW synchronous_commit")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("on");
      }
    }
  }
}
