package dev.cairn.api;

import dev.cairn.operations.DataMigration;
import java.sql.Connection;
import java.sql.Statement;

/** A RunJava data migration for the facade's tests: adds one product. */
public final class SeedProducts implements DataMigration {
  @Override public void run(Connection connection) throws Exception {
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("INSERT INTO shop_product (name, stock) VALUES ('seed', 1)");
    }
  }
}
