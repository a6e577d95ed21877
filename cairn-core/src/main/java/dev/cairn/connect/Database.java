package dev.cairn.connect;

import dev.cairn.dialect.Dialects;
import dev.cairn.schema.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** An open connection together with the dialect that speaks to it. Closing closes the connection. */
public record Database(String url, Connection connection, Dialect dialect) implements AutoCloseable {

  /**
   * Opens {@code url} with the dialect for its server's version; an unsupported URL is an
   * {@link IllegalArgumentException} naming it.
   */
  public static Database open(String url) throws SQLException {
    Dialect dialect = Dialects.forUrl(url);
    Connection connection = DriverManager.getConnection(dialect.driverUrl(url),
        dialect.connectionProperties());
    try {
      return new Database(url, connection, dialect.connectedTo(connection));
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override public void close() throws SQLException {
    connection.close();
  }
}
