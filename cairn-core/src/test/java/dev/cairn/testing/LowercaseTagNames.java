package dev.cairn.testing;

import dev.cairn.operations.DataMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A RunJava data migration for the tests: lower-cases every tag name. Quotes names as the driver
 * says its database does, so that it runs on every dialect.
 */
public final class LowercaseTagNames implements DataMigration {
  @Override public void run(Connection connection) throws Exception {
    setName(connection, "lower");
  }

  /** The reverse: upper-cases them. */
  public static final class Reverse implements DataMigration {
    @Override public void run(Connection connection) throws Exception {
      setName(connection, "upper");
    }
  }

  private static void setName(Connection connection, String function) throws SQLException {
    String q = connection.getMetaData().getIdentifierQuoteString();
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("UPDATE " + q + "shop_tag" + q + " SET " + q + "name" + q + " = " + function
          + "(" + q + "name" + q + ")");
    }
  }
}
