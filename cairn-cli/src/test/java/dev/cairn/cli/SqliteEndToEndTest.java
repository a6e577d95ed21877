package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class SqliteEndToEndTest extends EndToEndContract {
  private static final String PRODUCT_COLUMNS = "\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL,"
      + " \"name\" varchar(100) NOT NULL, \"price\" decimal NOT NULL, \"category_id\" bigint NULL"
      + " REFERENCES \"catalog_category\" (\"id\") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED";

  @Override ProjectFolder emptyProject(Path folder) {
    return ProjectFolder.sqlite(folder);
  }

  @Test void aRelativeSqliteFileInCairnYamlIsNextToCairnYaml() {
    project.cairnOk("migrate");
    assertThat(folder.resolve("db.sqlite3")).isRegularFile();
    assertThat(Path.of("db.sqlite3").toAbsolutePath()).doesNotExist();
  }

  @Test void databaseOptionWinsOverCairnYaml() throws Exception {
    Path other = folder.resolve("other.sqlite3");
    project.cairnOk("migrate", "--database", "jdbc:sqlite:" + other);
    assertThat(other).isRegularFile();
    assertThat(folder.resolve("db.sqlite3")).doesNotExist();
    assertThat(project.cairnOk("showmigrations", "--database", "jdbc:sqlite:" + other).out())
        .doesNotContain("[ ]");
  }

  @Test void showmigrationsOfASqliteFileThatDoesNotExistListsNothingAppliedAndCreatesNoFile() {
    Path missing = folder.resolve("new.sqlite3");
    Cli.Result r = project.cairnOk("showmigrations", "--database", "jdbc:sqlite:" + missing);
    assertThat(r.out()).contains(" [ ] 0001_initial", " [ ] 0002_product_stock")
        .doesNotContain("[X]");
    assertThat(r.err()).contains("no database file " + missing + " yet");
    assertThat(missing).doesNotExist();
  }

  @Test void migratePlanAndCheckOfASqliteFileThatDoesNotExistCreateNoFile() {
    Path missing = folder.resolve("new.sqlite3");
    Cli.Result plan = project.cairnOk("migrate", "--plan", "--database", "jdbc:sqlite:" + missing);
    assertThat(plan.out()).contains("catalog.0001_initial", "shop.0002_product_stock");
    Cli.Result check = project.cairn("migrate", "--check", "--database", "jdbc:sqlite:" + missing);
    assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
    assertThat(missing).doesNotExist();
  }

  @Test void sqlmigrateWithoutADatabaseUrlSaysHowToGiveOne() {
    project.write("cairn.yaml", project.read("cairn.yaml").replace("database: jdbc:sqlite:db.sqlite3\n", ""));
    Cli.Result r = project.cairn("sqlmigrate", "shop", "0002");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("no database URL given", "--database <jdbc-url>");
  }

  @Override boolean refusesValuesThatDoNotFit() {
    return false;
  }

  @Override String databaseUrl() {
    return "jdbc:sqlite:" + folder.resolve("db.sqlite3");
  }

  @Override String[] djangoInitialDdl() {
    return new String[] {
        "CREATE TABLE \"catalog_category\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT,"
            + " \"name\" varchar(50) NOT NULL UNIQUE)",
        "CREATE TABLE \"shop_product\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT,"
            + " \"name\" varchar(100) NOT NULL, \"price\" decimal NOT NULL, \"category_id\" bigint"
            + " NULL REFERENCES \"catalog_category\" (\"id\") DEFERRABLE INITIALLY DEFERRED)",
        "CREATE INDEX \"shop_product_category_idx_legacy\" ON \"shop_product\" (\"category_id\")"};
  }

  @Override String remakeNote() {
    return " (remake table shop_product)";
  }

  @Override String expectedAddStockSql() {
    return """
        BEGIN;
        --
        -- Add field stock to product (remake table shop_product)
        --
        CREATE TABLE "new__shop_product" (%s, "stock" integer NOT NULL);
        INSERT INTO "new__shop_product" ("id", "name", "price", "category_id", "stock") \
        SELECT "id", "name", "price", "category_id", 0 FROM "shop_product";
        DELETE FROM sqlite_sequence WHERE name = 'new__shop_product';
        INSERT INTO sqlite_sequence (name, seq) SELECT 'new__shop_product', seq FROM sqlite_sequence WHERE name = 'shop_product';
        DROP TABLE "shop_product";
        ALTER TABLE "new__shop_product" RENAME TO "shop_product";
        CREATE INDEX "shop_product_category_id_14d7eea8" ON "shop_product" ("category_id");
        COMMIT;
        """.formatted(PRODUCT_COLUMNS);
  }

  @Override String expectedRemoveStockSql() {
    return """
        BEGIN;
        --
        -- Add field stock to product (remake table shop_product)
        --
        CREATE TABLE "new__shop_product" (%s);
        INSERT INTO "new__shop_product" ("id", "name", "price", "category_id") \
        SELECT "id", "name", "price", "category_id" FROM "shop_product";
        DELETE FROM sqlite_sequence WHERE name = 'new__shop_product';
        INSERT INTO sqlite_sequence (name, seq) SELECT 'new__shop_product', seq FROM sqlite_sequence WHERE name = 'shop_product';
        DROP TABLE "shop_product";
        ALTER TABLE "new__shop_product" RENAME TO "shop_product";
        CREATE INDEX "shop_product_category_id_14d7eea8" ON "shop_product" ("category_id");
        COMMIT;
        """.formatted(PRODUCT_COLUMNS);
  }
}
