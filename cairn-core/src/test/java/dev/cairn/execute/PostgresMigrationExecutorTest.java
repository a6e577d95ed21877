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

  @Test void aMigrateSessionChecksThatItsClientLivesAndSaysItIsCairn() throws Exception {
    postgres.reset();
    try (Database db = Database.open(postgres.url() + "?user=postgres")) {
      new MigrationExecutor(db.connection(), db.dialect(), load(fixture("twoapps")))
          .migrate(java.util.List.of(), MigrateOptions.DEFAULTS, MigrationListener.SILENT);
      try (var s = db.connection().createStatement(); var rs = s.executeQuery(
          "SELECT current_setting('client_connection_check_interval'),"
              + " current_setting('application_name')")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("2s");
        assertThat(rs.getString(2)).isEqualTo("cairn migrate");
      }
    }
  }

  @Test void anApplicationNameInTheUrlIsKept() throws Exception {
    postgres.reset();
    try (Database db = Database.open(postgres.url() + "?user=postgres&ApplicationName=shop-deploy")) {
      new MigrationExecutor(db.connection(), db.dialect(), load(fixture("twoapps")))
          .migrate(java.util.List.of(), MigrateOptions.DEFAULTS, MigrationListener.SILENT);
      try (var s = db.connection().createStatement();
          var rs = s.executeQuery("SELECT current_setting('application_name')")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("shop-deploy");
      }
    }
  }
}
