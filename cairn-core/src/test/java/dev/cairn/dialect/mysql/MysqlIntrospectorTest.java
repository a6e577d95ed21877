package dev.cairn.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.schema.SchemaSnapshot;
import dev.cairn.schema.SchemaSnapshot.Column;
import dev.cairn.schema.SchemaSnapshot.ForeignKey;
import dev.cairn.schema.SchemaSnapshot.IndexDef;
import dev.cairn.schema.TableObject;
import dev.cairn.testing.MariaDbTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class MysqlIntrospectorTest {
  @RegisterExtension static final MariaDbTestDatabase db = new MariaDbTestDatabase();

  @BeforeEach void schema() throws SQLException {
    db.reset();
    run("CREATE TABLE shop_category (id integer AUTO_INCREMENT PRIMARY KEY, name varchar(50) NOT NULL,"
        + " CONSTRAINT shop_category_name_uniq UNIQUE (name))",
        "CREATE TABLE shop_product (id bigint AUTO_INCREMENT PRIMARY KEY,"
        + " stock smallint UNSIGNED NOT NULL, price numeric(10, 2) NULL, data json NULL,"
        + " active bool NOT NULL, category_id integer NOT NULL, maker_id integer NULL,"
        + " CONSTRAINT shop_product_stock_check CHECK (`stock` >= 0))",
        "CREATE INDEX shop_product_category_id_idx ON shop_product (category_id)",
        "ALTER TABLE shop_product ADD CONSTRAINT shop_product_category_fk FOREIGN KEY (category_id)"
            + " REFERENCES shop_category (id) ON DELETE CASCADE",
        // a key without an index of its own: InnoDB makes one, named after the key
        "ALTER TABLE shop_product ADD CONSTRAINT shop_product_maker_fk FOREIGN KEY (maker_id)"
            + " REFERENCES shop_category (id)",
        "CREATE INDEX shop_product_pair ON shop_product (stock, active)",
        "CREATE TABLE cairn_migrations (id integer PRIMARY KEY)");
  }

  @Test void readsTablesColumnsKeysIndexesAndChecks() throws SQLException {
    SchemaSnapshot s = snapshot();
    assertThat(s.tables()).containsOnlyKeys("shop_category", "shop_product");
    SchemaSnapshot.Table product = s.tables().get("shop_product");
    assertThat(product.columns()).containsExactly(
        new Column("id", "bigint", false), new Column("stock", "smallint unsigned", false),
        new Column("price", "decimal(10,2)", true), new Column("data", "longtext", true),
        new Column("active", "tinyint(1)", false), new Column("category_id", "int", false),
        new Column("maker_id", "int", true));
    assertThat(product.primaryKey()).containsExactly("id");
    assertThat(product.foreignKeys()).containsExactlyInAnyOrder(
        new ForeignKey("category_id", "shop_category", "id"),
        new ForeignKey("maker_id", "shop_category", "id"));
    assertThat(product.indexes()).containsExactlyInAnyOrder(
        new IndexDef("shop_product_category_id_idx", List.of("category_id"), false),
        new IndexDef("shop_product_pair", List.of("stock", "active"), false));
    assertThat(product.checks()).as("the json column's own json_valid is part of its type")
        .containsExactly("shop_product_stock_check");
    assertThat(s.tables().get("shop_category").indexes())
        .containsExactly(new IndexDef("shop_category_name_uniq", List.of("name"), true));
  }

  @Test void tableObjectsAreNamedAsTheServerNamesThem() throws SQLException {
    List<TableObject> objects;
    try (Connection c = db.connect()) {
      objects = db.dialect().tableObjects(c, "shop_product").orElseThrow();
    }
    assertThat(objects).contains(
        new TableObject("PRIMARY", TableObject.Kind.PRIMARY_KEY, List.of("id"), true, false),
        new TableObject("shop_product_category_fk", TableObject.Kind.FOREIGN_KEY,
            List.of("category_id"), true, false),
        new TableObject("shop_product_category_id_idx", TableObject.Kind.INDEX,
            List.of("category_id"), false, false),
        new TableObject("shop_product_stock_check", TableObject.Kind.CHECK, List.of("stock"), true,
            false));
    assertThat(objects).extracting(TableObject::name)
        .as("the index InnoDB made for a key goes with the key").containsOnlyOnce("shop_product_maker_fk")
        .doesNotContain("data");
  }

  @Test void aUniqueConstraintIsAnIndex() throws SQLException {
    try (Connection c = db.connect()) {
      assertThat(db.dialect().tableObjects(c, "shop_category").orElseThrow()).contains(
          new TableObject("shop_category_name_uniq", TableObject.Kind.UNIQUE, List.of("name"),
              false, false));
    }
  }

  private static SchemaSnapshot snapshot() throws SQLException {
    try (Connection c = db.connect()) {
      return db.dialect().introspect(c);
    }
  }

  private static void run(String... sql) throws SQLException {
    try (Connection c = db.connect(); var s = c.createStatement()) {
      for (String statement : sql) s.execute(statement);
    }
  }
}
