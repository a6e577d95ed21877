package dev.cairn.schema;

import java.sql.SQLException;

/** Where a schema editor's statements go: run on a connection, or only collected. */
@FunctionalInterface
public interface StatementSink {
  void accept(SqlStatement statement) throws SQLException;

  /** The connection statements run on, or empty when they are only collected. */
  default java.util.Optional<java.sql.Connection> connection() {
    return java.util.Optional.empty();
  }
}
