package dev.cairn.cli;

import dev.cairn.testing.MariaDbTestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

final class MariaDbEndToEndTest extends EndToEndContract {
  @RegisterExtension static final MariaDbTestDatabase mariaDb = new MariaDbTestDatabase();

  @Override ProjectFolder emptyProject(Path folder) throws Exception {
    mariaDb.reset();
    return ProjectFolder.on(folder, databaseUrl());
  }

  @Override boolean refusesValuesThatDoNotFit() {
    return true; // strict mode, which the migrate session sets
  }

  @Override String databaseUrl() {
    return mariaDb.url();
  }

  /** Django's MySQL DDL: no index of its own for a key, whose InnoDB makes one named after it. */
  @Override String[] djangoInitialDdl() {
    return new String[] {
        "CREATE TABLE `catalog_category` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY,"
            + " `name` varchar(50) NOT NULL UNIQUE)",
        "CREATE TABLE `shop_product` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY,"
            + " `name` varchar(100) NOT NULL, `price` numeric(8, 2) NOT NULL,"
            + " `category_id` bigint NULL)",
        "ALTER TABLE `shop_product` ADD CONSTRAINT `shop_product_category_fk_legacy`"
            + " FOREIGN KEY (`category_id`) REFERENCES `catalog_category` (`id`)"};
  }

  /** Its two foreign keys, which only a copy of the (new, empty) join table can check. */
  @Override List<String> joinTableNotes() {
    String copies = "-- this change copies the table: MySQL checks a new foreign key against the"
        + " rows only while copying them; writes to it wait until it is done";
    return List.of(copies, copies);
  }

  @Override String expectedAddStockSql() {
    return """
        --
        -- Add field stock to product
        --
        ALTER TABLE `shop_product` ADD COLUMN `stock` integer NOT NULL DEFAULT 0, ALGORITHM=INSTANT;
        ALTER TABLE `shop_product` ALTER COLUMN `stock` DROP DEFAULT, ALGORITHM=INSTANT;
        """;
  }

  @Override String expectedRemoveStockSql() {
    return """
        --
        -- Add field stock to product
        --
        ALTER TABLE `shop_product` DROP COLUMN `stock`, ALGORITHM=INPLACE, LOCK=NONE;
        """;
  }
}
