package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.schema.SchemaSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code cairn} command on a real database, from a fresh project like examples/shop: two apps,
 * {@code catalog} (Category) and {@code shop} (Product with a ForeignKey to Category, then a stock
 * field). One subclass per database.
 */
abstract class EndToEndContract {
  @TempDir Path folder;
  ProjectFolder project;

  /** The shop project in {@code folder}, on an empty database. */
  abstract ProjectFolder emptyProject(Path folder) throws Exception;

  @BeforeEach void createProject() throws Exception {
    project = emptyProject(folder);
  }

  @Test void migrateAppliesEveryMigrationAndPrintsEach() throws Exception {
    Cli.Result r = project.cairnOk("migrate");
    assertThat(r.out()).startsWith("Operations to perform:\n"
        + "  Apply all migrations: catalog, shop\n"
        + "Running migrations:\n");
    assertThat(r.out().lines().filter(l -> l.startsWith("  Applying ")))
        .extracting(l -> l.substring(0, l.indexOf(" OK (")))
        .containsExactly("  Applying catalog.0001_initial...", "  Applying shop.0001_initial...",
            "  Applying shop.0002_product_stock...");
    assertThat(project.schema().tables()).containsOnlyKeys("catalog_category", "shop_product");
    assertThat(table("shop_product").columnNames())
        .containsExactly("id", "name", "price", "category_id", "stock");
    assertThat(table("shop_product").foreignKeys())
        .containsExactly(new SchemaSnapshot.ForeignKey("category_id", "catalog_category", "id"));
  }

  @Test void aSecondMigrateHasNothingToApply() {
    project.cairnOk("migrate");
    assertThat(project.cairnOk("migrate").out()).endsWith("  No migrations to apply.\n");
  }

  @Test void showmigrationsMarksAppliedAndPendingMigrations() {
    project.cairnOk("migrate", "shop", "0001");
    assertThat(project.cairnOk("showmigrations").out()).isEqualTo("""
        catalog
         [X] 0001_initial
        shop
         [X] 0001_initial
         [ ] 0002_product_stock
        """);
  }

  @Test void showmigrationsListsOnlyTheAppsAskedFor() {
    project.cairnOk("migrate");
    assertThat(project.cairnOk("showmigrations", "catalog").out()).isEqualTo("""
        catalog
         [X] 0001_initial
        """);
  }

  @Test void showmigrationsPlanListsMigrationsInTheOrderMigrateAppliesThem() {
    project.cairnOk("migrate", "catalog");
    assertThat(project.cairnOk("showmigrations", "--plan").out()).isEqualTo("""
        [X]  catalog.0001_initial
        [ ]  shop.0001_initial
        [ ]  shop.0002_product_stock
        """);
  }

  @Test void showmigrationsAsJsonGivesOneObjectPerMigration() throws Exception {
    project.cairnOk("migrate", "shop", "0001");
    JsonNode rows = new ObjectMapper().readTree(
        project.cairnOk("showmigrations", "--format", "json").out());
    assertThat(rows).hasSize(3);
    assertThat(rows).extracting(n -> n.get("app").asText() + "." + n.get("name").asText() + " "
            + n.get("applied").asBoolean())
        .containsExactly("catalog.0001_initial true", "shop.0001_initial true",
            "shop.0002_product_stock false");
    assertThat(rows.get(0).get("applied_at").isNull()).isFalse();
    assertThat(rows.get(2).get("applied_at").isNull()).isTrue();
  }

  @Test void aMigrationThatStoppedPartWayIsShownAndPlannedAsPartlyApplied() throws Exception {
    project.cairnOk("migrate");
    String five = """
        atomic: false
        dependencies: [shop.0002_product_stock]
        operations:
          - AddField: {model_name: product, name: a, field: {type: IntegerField, null: true}}
          - AddField: {model_name: product, name: b, field: {type: IntegerField, null: true}}
          - AddField: {model_name: product, name: c, field: {type: IntegerField, null: true}}
          - RunSQL: {sql: "%s", reverse_sql: []}
          - AddField: {model_name: product, name: e, field: {type: IntegerField, null: true}}
        """;
    project.write("migrations/shop/0003_five.yaml", five.formatted("INSERT INTO nowhere VALUES (1)"));
    Cli.Result failed = project.cairn("migrate");
    assertThat(failed.exitCode()).isEqualTo(4);
    assertThat(failed.err()).contains("operations 1 to 3 of 5 are applied");
    assertThat(project.cairnOk("showmigrations", "shop").out()).isEqualTo("""
        shop
         [X] 0001_initial
         [X] 0002_product_stock
         [~] 0003_five (3 of 5 operations applied)
        """);
    JsonNode rows = new ObjectMapper().readTree(
        project.cairnOk("showmigrations", "shop", "--format", "json").out());
    assertThat(rows.get(2).get("operations_applied").asInt()).isEqualTo(3);
    assertThat(rows.get(2).get("operations").asInt()).isEqualTo(5);
    assertThat(rows.get(1).get("operations_applied").isNull()).isTrue();
    project.write("migrations/shop/0003_five.yaml", five.formatted("UPDATE shop_product SET a = 1"));
    assertThat(project.cairnOk("migrate", "--plan").out()).isEqualTo("""
        Planned operations:
        shop.0003_five (3 of 5 operations applied; resumes at operation 4)
            Add field a to product (applied)
            Add field b to product (applied)
            Add field c to product (applied)
            Raw SQL operation
            Add field e to product
        """);
    project.cairnOk("migrate");
    assertThat(project.cairnOk("showmigrations", "shop").out()).contains(" [X] 0003_five\n");
    assertThat(table("shop_product").columnNames()).endsWith("a", "b", "c", "e");
  }

  @Test void sqlmigratePrintsTheSqlOfAMigration() throws Exception {
    String sql = project.cairnOk("sqlmigrate", "shop", "0002").out();
    assertThat(sql).isEqualTo(expectedAddStockSql());
  }

  @Test void sqlmigratePrintsAHeaderForEveryOperation() throws Exception {
    project.write("migrations/shop/0003_changes.yaml", """
        dependencies:
          - shop.0002_product_stock
        operations:
          - AlterField:
              model_name: product
              name: name
              field: {type: CharField, max_length: 100, null: true}
          - RunSQL:
              sql: UPDATE shop_product SET stock = 1
              reverse_sql: []
          - AddField:
              model_name: product
              name: categories
              field: {type: ManyToManyField, to: catalog.Category}
          - AlterField:
              model_name: product
              name: stock
              field: {type: IntegerField, default: 5}
        """);
    String sql = project.cairnOk("sqlmigrate", "shop", "0003").out();
    List<String> headers = new ArrayList<>(List.of(
        "-- Alter field name on product" + remakeNote(),
        "-- Raw SQL operation",
        "-- Add field categories to product"));
    headers.addAll(joinTableNotes());
    headers.addAll(List.of("-- Alter field stock on product", "-- (no-op)"));
    assertThat(sql.lines().filter(l -> l.startsWith("-- "))).containsExactlyElementsOf(headers);
    assertThat(sql).contains("--\n-- Raw SQL operation\n--\nUPDATE shop_product SET stock = 1;\n");
  }

  @Test void sqlmigratePrintsEachStatementOfARunSqlStringWithOneSemicolon() throws Exception {
    project.write("migrations/shop/0003_seed.yaml", """
        dependencies:
          - shop.0002_product_stock
        operations:
          - RunSQL:
              sql: |
                UPDATE shop_product SET stock = 1; -- all of them
                DELETE FROM shop_product WHERE stock = 2;;
              reverse_sql: []
        """);
    String sql = project.cairnOk("sqlmigrate", "shop", "0003").out();
    assertThat(sql).contains("--\n-- Raw SQL operation\n--\nUPDATE shop_product SET stock = 1;\n"
        + "-- all of them\nDELETE FROM shop_product WHERE stock = 2;\n").doesNotContain(";;");
  }

  /** What follows a header where the operation remakes shop_product on this database. */
  String remakeNote() {
    return "";
  }

  @Test void sqlmigrateBackwardsPrintsTheSqlThatUnappliesIt() throws Exception {
    String sql = project.cairnOk("sqlmigrate", "shop", "0002", "--backwards").out();
    assertThat(sql).isEqualTo(expectedRemoveStockSql());
  }

  @Test void sqlmigrateChangesNothingInTheDatabase() throws Exception {
    project.cairnOk("sqlmigrate", "shop", "0001");
    assertThat(project.schema().tables()).isEmpty();
    assertThat(project.history()).isEmpty();
  }

  @Test void migratingBackToAnEarlierMigrationRemovesWhatFollows() throws Exception {
    project.cairnOk("migrate");
    Cli.Result r = project.cairnOk("migrate", "shop", "0001");
    assertThat(r.out()).contains("  Target specific migration: 0001, from shop\n")
        .contains("  Unapplying shop.0002_product_stock... OK (");
    assertThat(table("shop_product").columnNames()).doesNotContain("stock");
    assertThat(appliedNames()).containsExactly("catalog.0001_initial", "shop.0001_initial");
  }

  @Test void migratingAnAppToZeroDropsItsTablesOnly() throws Exception {
    project.cairnOk("migrate");
    project.cairnOk("migrate", "shop", "0001");
    Cli.Result r = project.cairnOk("migrate", "shop", "zero");
    assertThat(r.out()).contains("  Unapply all migrations: shop\n")
        .contains("  Unapplying shop.0001_initial... OK (");
    assertThat(project.schema().tables()).containsOnlyKeys("catalog_category");
    assertThat(appliedNames()).containsExactly("catalog.0001_initial");
  }

  @Test void migrationsUnappliedToZeroApplyAgain() throws Exception {
    project.cairnOk("migrate");
    SchemaSnapshot migrated = project.schema();
    project.cairnOk("migrate", "shop", "zero");
    project.cairnOk("migrate");
    assertThat(project.schema()).isEqualTo(migrated);
    assertThat(appliedNames()).containsExactly("catalog.0001_initial", "shop.0001_initial",
        "shop.0002_product_stock");
  }

  @Test void migratePlanPrintsThePlanAndChangesNothing() throws Exception {
    project.cairnOk("migrate", "catalog");
    ProjectFolder.DatabaseState before = project.databaseState();
    Cli.Result r = project.cairnOk("migrate", "--plan");
    assertThat(r.out()).isEqualTo("""
        Planned operations:
        shop.0001_initial
            Create model Product
        shop.0002_product_stock
            Add field stock to product
        """);
    assertThat(project.databaseState()).isEqualTo(before);
  }

  @Test void migratePlanBackwardsSaysUndo() throws Exception {
    project.cairnOk("migrate");
    assertThat(project.cairnOk("migrate", "shop", "0001", "--plan").out()).isEqualTo("""
        Planned operations:
        Undo shop.0002_product_stock
            Add field stock to product
        """);
  }

  @Test void migrateCheckExitsWithOneWhileMigrationsAreUnapplied() throws Exception {
    Cli.Result r = project.cairn("migrate", "--check");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(project.schema().tables()).isEmpty();
  }

  @Test void migrateCheckExitsWithZeroOnceEverythingIsApplied() {
    project.cairnOk("migrate");
    assertThat(project.cairn("migrate", "--check").exitCode()).isZero();
  }

  @Test void migrateFakeRecordsMigrationsWithoutRunningThem() throws Exception {
    Cli.Result r = project.cairnOk("migrate", "--fake");
    assertThat(r.out()).contains("  Applying shop.0002_product_stock... FAKED\n");
    assertThat(project.schema().tables()).isEmpty();
    assertThat(appliedNames()).hasSize(3);
  }

  @Test void migrateFakeInitialFakesInitialMigrationsWhoseTablesExist() throws Exception {
    project.cairnOk("migrate", "shop", "0001");
    project.cairnOk("migrate", "catalog", "zero", "--fake");
    assertThat(appliedNames()).isEmpty();
    Cli.Result r = project.cairnOk("migrate", "--fake-initial");
    assertThat(r.out()).contains("  Applying catalog.0001_initial... FAKED\n")
        .contains("  Applying shop.0001_initial... FAKED\n")
        .contains("  Applying shop.0002_product_stock... OK (");
    assertThat(table("shop_product").columnNames()).contains("stock");
    assertThat(appliedNames()).hasSize(3);
  }

  @Test void aDatabaseMadeByDjangoIsAdoptedAndEvolvesWithNoEdit() throws Exception {
    project.execute(djangoInitialDdl());
    project.write("migrations/catalog/0002_name_not_unique.yaml", """
        dependencies:
          - catalog.0001_initial
        operations:
          - AlterField:
              model_name: category
              name: name
              field: {type: CharField, max_length: 50}
        """);
    project.write("migrations/shop/0003_group.yaml", """
        dependencies:
          - shop.0002_product_stock
        operations:
          - RenameField:
              model_name: product
              old_name: category
              new_name: group
          - AlterField:
              model_name: product
              name: group
              field: {type: ForeignKey, to: catalog.Category, on_delete: PROTECT, null: true}
        """);
    Cli.Result r = project.cairnOk("migrate", "--fake-initial");
    assertThat(r.out()).contains("  Applying catalog.0001_initial... FAKED\n")
        .contains("  Applying catalog.0002_name_not_unique... OK (")
        .contains("  Applying shop.0003_group... OK (");
    assertThat(table("catalog_category").indexes()).isEmpty();
    assertThat(table("shop_product").foreignKeys())
        .containsExactly(new SchemaSnapshot.ForeignKey("group_id", "catalog_category", "id"));
    project.cairnOk("migrate", "catalog", "0001");
    project.cairnOk("migrate", "shop", "0002");
    assertThat(table("catalog_category").indexes()).extracting(i -> i.name() + " " + i.unique())
        .containsExactly("catalog_category_name_fdc3466c_uniq true");
    assertThat(table("shop_product").columnNames()).contains("category_id");
  }

  @Test void narrowingACharFieldNeverCutsAValue() throws Exception {
    project.cairnOk("migrate");
    project.execute("INSERT INTO catalog_category (name) VALUES ('stationery')");
    project.write("migrations/catalog/0002_short_name.yaml", """
        dependencies:
          - catalog.0001_initial
        operations:
          - AlterField:
              model_name: category
              name: name
              field: {type: CharField, max_length: 4, unique: true}
        """);
    Cli.Result r = project.cairn("migrate");
    if (refusesValuesThatDoNotFit()) {
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
      assertThat(r.err()).contains("catalog.0002_short_name").contains("too long");
      assertThat(appliedNames()).doesNotContain("catalog.0002_short_name");
    } else {
      assertThat(r.exitCode()).as(r.toString()).isZero();
    }
    try (var db = dev.cairn.connect.Database.open(databaseUrl());
        var s = db.connection().createStatement();
        var rs = s.executeQuery("SELECT name FROM catalog_category")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("stationery");
    }
  }

  /** The notes {@code sqlmigrate} prints on the statements that make a join table. */
  List<String> joinTableNotes() {
    return List.of();
  }

  /** Whether a value too long for the new type fails the migration (else it is kept as it is). */
  abstract boolean refusesValuesThatDoNotFit();

  abstract String databaseUrl();

  /** Django's CREATE statements for catalog.0001 and shop.0001 on this database. */
  abstract String[] djangoInitialDdl();

  /** The SQL {@code sqlmigrate shop 0002} prints on this database. */
  abstract String expectedAddStockSql();

  /** The SQL {@code sqlmigrate shop 0002 --backwards} prints on this database. */
  abstract String expectedRemoveStockSql();

  SchemaSnapshot.Table table(String name) throws Exception {
    SchemaSnapshot.Table table = project.schema().tables().get(name);
    assertThat(table).as("table " + name).isNotNull();
    return table;
  }

  List<String> appliedNames() throws Exception {
    return project.history().stream().map(row -> row.substring(0, row.indexOf(' '))).toList();
  }
}
