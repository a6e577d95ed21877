package dev.cairn.dialect.postgres;

import dev.cairn.operations.DataMigration;
import java.sql.Connection;
import java.sql.Statement;

/** A RunJava data migration for the tests: upper-cases every product name. */
public final class UppercaseProductNames implements DataMigration {
  @Override public void run(Connection connection) throws Exception {
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("UPDATE shop_product SET name = upper(name)");
    }
  }

  /** The reverse: lower-cases them again. */
  public static final class Reverse implements DataMigration {
    @Override public void run(Connection connection) throws Exception {
      try (Statement s = connection.createStatement()) {
        s.executeUpdate("UPDATE shop_product SET name = lower(name)");
      }
    }
  }
}
