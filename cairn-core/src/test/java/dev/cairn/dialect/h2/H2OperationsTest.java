package dev.cairn.dialect.h2;

import dev.cairn.operations.OperationsContract;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

/**
 * {@link OperationsContract} on an H2 database in memory, in H2's default mode (unquoted names
 * read in upper case, as Cairn then writes them).
 */
final class H2OperationsTest extends OperationsContract {
  @Override protected Connection openEmptyDatabase() throws Exception {
    return DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }
}
