package dev.cairn.api;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.sqlite.SQLiteDataSource;

/** The facade on a SQLite file in the test's folder. */
final class SqliteCairnTest extends CairnContract {
  @Override String url() {
    return "jdbc:sqlite:" + folder.resolve("db.sqlite3");
  }

  @Override DataSource dataSource() throws SQLException {
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl(url());
    return dataSource;
  }
}
