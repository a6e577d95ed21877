package dev.cairn.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs each statement on one connection as it comes. */
public final class ConnectionSink implements StatementSink {
  private final Connection connection;

  public ConnectionSink(Connection connection) {
    this.connection = connection;
  }

  @Override public java.util.Optional<Connection> connection() {
    return java.util.Optional.of(connection);
  }

  @Override public void accept(SqlStatement statement) throws SQLException {
    if (statement.params().isEmpty()) {
      try (Statement s = connection.createStatement()) {
        s.execute(statement.sql());
      }
      return;
    }
    try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
      for (int i = 0; i < statement.params().size(); i++) ps.setObject(i + 1, statement.params().get(i));
      ps.execute();
    }
  }
}
