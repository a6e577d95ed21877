package dev.cairn.api;

import dev.cairn.testing.PostgresTestDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/** The facade on a PostgreSQL database, emptied before each test. */
final class PostgresCairnTest extends CairnContract {
  @RegisterExtension static final PostgresTestDatabase db = new PostgresTestDatabase();

  @BeforeEach void emptyTheDatabase() throws SQLException {
    db.reset();
  }

  @Override String url() {
    return db.url() + "?user=postgres";
  }

  @Override DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(db.url());
    dataSource.setUser("postgres");
    return dataSource;
  }
}
