package dev.cairn.cli;

import dev.cairn.testing.PostgresTestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

final class PostgresEndToEndTest extends EndToEndContract {
  @RegisterExtension static final PostgresTestDatabase postgres = new PostgresTestDatabase();

  @Override ProjectFolder emptyProject(Path folder) throws Exception {
    postgres.reset();
    return ProjectFolder.on(folder, postgres.url() + "?user=postgres");
  }

  @Override String expectedAddStockSql() {
    return """
        BEGIN;
        --
        -- Add field stock to product
        --
        ALTER TABLE "shop_product" ADD COLUMN "stock" integer DEFAULT 0 NOT NULL;
        ALTER TABLE "shop_product" ALTER COLUMN "stock" DROP DEFAULT;
        COMMIT;
        """;
  }

  @Override String expectedRemoveStockSql() {
    return """
        BEGIN;
        --
        -- Add field stock to product
        --
        ALTER TABLE "shop_product" DROP COLUMN "stock" CASCADE;
        COMMIT;
        """;
  }
}
