package dev.cairn.testing;

import dev.cairn.operations.DataMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A RunJava data migration for the tests: lower-cases every tag name. Names are not quoted, as
 * most hand-written SQL does, so each database folds them as it made them (H2 in upper case).
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
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("UPDATE shop_tag SET name = " + function + "(name)");
    }
  }
}
