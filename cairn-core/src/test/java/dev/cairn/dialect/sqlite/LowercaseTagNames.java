package dev.cairn.dialect.sqlite;

import dev.cairn.operations.DataMigration;
import java.sql.Connection;
import java.sql.Statement;

/** A RunJava data migration for the tests: lower-cases every tag name. */
public final class LowercaseTagNames implements DataMigration {
  @Override public void run(Connection connection) throws Exception {
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("UPDATE shop_tag SET name = lower(name)");
    }
  }

  /** The reverse: upper-cases them. */
  public static final class Reverse implements DataMigration {
    @Override public void run(Connection connection) throws Exception {
      try (Statement s = connection.createStatement()) {
        s.executeUpdate("UPDATE shop_tag SET name = upper(name)");
      }
    }
  }
}
