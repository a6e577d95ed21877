package dev.cairn.testing;

import java.sql.Connection;

/** Work on a connection that may throw, for {@link OperationHarness#inTransaction}. */
@FunctionalInterface
public interface SqlWork {
  void run(Connection connection) throws Exception;
}
