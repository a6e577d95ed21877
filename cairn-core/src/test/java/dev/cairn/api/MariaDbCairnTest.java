package dev.cairn.api;

import dev.cairn.testing.MariaDbTestDatabase;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mariadb.jdbc.MariaDbDataSource;

/** The facade on a MariaDB database, emptied before each test. */
final class MariaDbCairnTest extends CairnContract {
  @RegisterExtension static final MariaDbTestDatabase db = new MariaDbTestDatabase();

  @BeforeEach void emptyTheDatabase() throws SQLException {
    db.reset();
  }

  @Override String url() {
    return db.url();
  }

  @Override DataSource dataSource() {
    try {
      return new MariaDbDataSource(db.url());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
