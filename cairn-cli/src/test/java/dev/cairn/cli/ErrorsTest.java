package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way a user can get a project wrong: exit code 2, one message that says where and what to
 * do, no stack trace, and the database as it was. Each test starts with catalog.0001 applied.
 */
final class ErrorsTest {
  @TempDir Path folder;
  private ProjectFolder project;
  private ProjectFolder.DatabaseState before;

  @BeforeEach void applyTheFirstMigration() throws SQLException {
    project = ProjectFolder.sqlite(folder);
    project.cairnOk("migrate", "catalog", "0001");
    before = project.databaseState();
  }

  @Test void badYamlInAMigrationNamesTheFileAndLine() throws SQLException {
    project.write("migrations/shop/0003_bad.yaml", """
        dependencies: [shop.0002_product_stock]
        operations:
          - AddField: {model_name: product, name: sku
        """);
    Cli.Result r = project.cairn("migrate");
    assertRefused(r, "0003_bad.yaml:");
    assertThat(r.err()).containsPattern("0003_bad\\.yaml:\\d+: ");
  }

  @Test void anUnknownOperationSuggestsTheClosestOne() throws SQLException {
    project.write("migrations/shop/0003_sku.yaml", """
        dependencies: [shop.0002_product_stock]
        operations:
          - AddFeild:
              model_name: product
              name: sku
              field: {type: CharField, max_length: 20, null: true}
        """);
    Cli.Result r = project.cairn("migrate");
    assertRefused(r, "0003_sku.yaml:3: unknown operation 'AddFeild'");
    assertThat(r.err()).contains("did you mean 'AddField'?");
  }

  @Test void anUnknownFieldTypeSuggestsTheClosestOne() throws SQLException {
    project.write("migrations/shop/0003_sku.yaml", """
        dependencies: [shop.0002_product_stock]
        operations:
          - AddField:
              model_name: product
              name: price2
              field: {type: DecimalFeild, max_digits: 8, decimal_places: 2, null: true}
        """);
    Cli.Result r = project.cairn("migrate");
    assertRefused(r, "0003_sku.yaml:6: unknown field type 'DecimalFeild'");
    assertThat(r.err()).contains("did you mean 'DecimalField'?");
  }

  @Test void anUnknownFieldOptionIsNamed() throws SQLException {
    project.write("migrations/shop/0003_sku.yaml", """
        dependencies: [shop.0002_product_stock]
        operations:
          - AddField:
              model_name: product
              name: sku
              field: {type: CharField, max_lenght: 20, null: true}
        """);
    Cli.Result r = project.cairn("migrate");
    assertRefused(r, "0003_sku.yaml:6: ");
    assertThat(r.err()).contains("'max_lenght'").contains("did you mean 'max_length'?");
  }

  @Test void aMissingRequiredArgumentIsNamed() throws SQLException {
    project.write("migrations/shop/0003_sku.yaml", """
        dependencies: [shop.0002_product_stock]
        operations:
          - AddField:
              model_name: product
              field: {type: CharField, max_length: 20, null: true}
        """);
    Cli.Result r = project.cairn("migrate");
    assertRefused(r, "0003_sku.yaml:3: missing argument 'name' in AddField");
    assertThat(r.err()).contains("'name'");
  }

  @Test void anOperationOnAnUnknownModelStopsBeforeAnyMigrationRuns() throws SQLException {
    project.write("migrations/shop/0003_sku.yaml", """
        dependencies: [shop.0002_product_stock]
        operations:
          - AddField:
              model_name: prodcut
              name: sku
              field: {type: CharField, max_length: 20, null: true}
        """);
    Cli.Result r = project.cairn("migrate");
    assertRefused(r, "0003_sku.yaml: Add field sku to prodcut: no model shop.prodcut");
    assertThat(r.err()).contains("depends on the one that creates");
    assertRefused(project.cairn("migrate", "--plan"),
        "0003_sku.yaml: Add field sku to prodcut: no model shop.prodcut");
  }

    @Test void aDependencyOnAMissingMigrationNamesBoth() throws SQLException {
    project.write("migrations/shop/0003_sku.yaml", """
        dependencies: [shop.0009_nowhere]
        operations: []
        """);
    Cli.Result r = project.cairn("migrate");
    assertRefused(r, "0003_sku.yaml: shop.0003_sku depends on shop.0009_nowhere, which does not exist");
    assertThat(r.err()).contains("restore the missing migration");
  }

  @Test void aDependencyCycleIsListed() throws SQLException {
    project.write("migrations/shop/0003_a.yaml", """
        dependencies: [shop.0002_product_stock, shop.0004_b]
        operations: []
        """);
    project.write("migrations/shop/0004_b.yaml", """
        dependencies: [shop.0003_a]
        operations: []
        """);
    Cli.Result r = project.cairn("migrate");
    assertRefused(r, "Circular dependency: shop.0003_a -> shop.0004_b -> shop.0003_a");
    assertThat(r.err()).contains("0003_a.yaml").contains("0004_b.yaml");
  }

  @Test void twoLeavesInOneAppAskForAMerge() throws SQLException {
    project.write("migrations/shop/0003_a.yaml", """
        dependencies: [shop.0002_product_stock]
        operations: []
        """);
    project.write("migrations/shop/0003_b.yaml", """
        dependencies: [shop.0002_product_stock]
        operations: []
        """);
    Cli.Result r = project.cairn("migrate");
    assertRefused(r, "Conflicting migrations in app shop: 0003_a, 0003_b");
    assertThat(r.err()).contains("cairn makemigrations --merge");
  }

  @Test void anUnknownAppIsNamedWithTheKnownOnes() throws SQLException {
    Cli.Result r = project.cairn("migrate", "shopp", "0002");
    assertRefused(r, "app 'shopp'");
    assertThat(r.err()).contains("catalog, shop");
  }

  @Test void showmigrationsOfAnUnknownAppNamesTheKnownOnes() throws SQLException {
    Cli.Result r = project.cairn("showmigrations", "shopp");
    assertRefused(r, "no app 'shopp' in cairn.yaml; apps: catalog, shop");
  }

  @Test void sqlmigrateOfAnUnknownMigrationSaysHowToListThem() throws SQLException {
    Cli.Result r = project.cairn("sqlmigrate", "shop", "0009");
    assertRefused(r, "app 'shop' has no migration '0009'");
  }

    @Test void anUnknownMigrationSaysHowToListThem() throws SQLException {
    Cli.Result r = project.cairn("migrate", "shop", "0009");
    assertRefused(r, "app 'shop' has no migration '0009'");
    assertThat(r.err()).contains("cairn showmigrations shop");
  }

  @Test void anAmbiguousPrefixListsTheMigrationsItFits() throws SQLException {
    Cli.Result r = project.cairn("migrate", "shop", "000");
    assertRefused(r, "'000' fits more than one migration in app 'shop':"
        + " shop.0001_initial, shop.0002_product_stock");
  }

  @Test void aMissingProjectFileSaysWhereCairnLooked() throws SQLException {
    Cli.Result r = Cli.cairn("migrate", "--config", folder.resolve("nowhere/cairn.yaml").toString());
    assertRefused(r, "no project file " + folder.resolve("nowhere/cairn.yaml"));
    assertThat(r.err()).contains("--config <file>");
  }

  @Test void anUnknownKeyInCairnYamlIsNamed() throws SQLException {
    project.write("cairn.yaml", """
        databse: jdbc:sqlite:db.sqlite3
        apps:
          catalog:
          shop:
        """);
    Cli.Result r = project.cairn("migrate");
    assertRefused(r, "cairn.yaml:1: ");
    assertThat(r.err()).contains("'databse'").contains("did you mean 'database'?");
  }

  @Test void badYamlInCairnYamlNamesTheLine() throws SQLException {
    project.write("cairn.yaml", """
        apps:
          catalog: {migrations: migrations/catalog
          shop:
        """);
    Cli.Result r = project.cairn("migrate");
    assertRefused(r, "cairn.yaml:");
    assertThat(r.err()).containsPattern("cairn\\.yaml:\\d+: ");
  }

    @Test void anUnsupportedDatabaseUrlNamesTheSupportedOnes() throws SQLException {
    Cli.Result r = project.cairn("migrate", "--database", "jdbc:oracle:thin:@localhost:1521:x");
    assertRefused(r, "no Cairn dialect for 'jdbc:oracle:thin:@localhost:1521:x'");
    assertThat(r.err()).contains("jdbc:postgresql:", "jdbc:sqlite:");
  }

  @Test void goingBackPastAnIrreversibleRunSqlNamesTheMigrationAndOperation() throws SQLException {
    project.write("migrations/shop/0003_fill.yaml", """
        dependencies: [shop.0002_product_stock]
        operations:
          - RunSQL:
              sql: UPDATE shop_product SET stock = 1
        """);
    project.cairnOk("migrate");
    before = project.databaseState();
    Cli.Result r = project.cairn("migrate", "shop", "0001");
    assertRefused(r, "migration shop.0003_fill cannot be unapplied: operation 1 (Raw SQL operation)"
        + " is irreversible");
    assertThat(r.err()).contains("reverse_sql").contains("0003_fill.yaml");
  }

  @Test void anEditedAppliedMigrationStopsMigrate() throws SQLException {
    editAppliedMigration();
    Cli.Result r = project.cairn("migrate");
    assertRefused(r, "applied migration catalog.0001_initial has changed since it was applied");
    assertThat(r.err()).contains("--ignore-checksums");
  }

  @Test void showmigrationsMarksAnEditedAppliedMigration() throws SQLException {
    editAppliedMigration();
    Cli.Result r = project.cairnOk("showmigrations");
    assertThat(r.out()).contains(" [X] 0001_initial (changed since applied!)");
    assertThat(r.err()).contains("migrate will refuse to run");
  }

  @Test void ignoreChecksumsMigratesDespiteAnEditedAppliedMigration() throws SQLException {
    editAppliedMigration();
    Cli.Result r = project.cairn("migrate", "--ignore-checksums");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Applying shop.0002_product_stock... OK (");
  }

  @Test void tracebackPrintsTheStackTrace() {
    Cli.Result r = project.cairn("migrate", "shop", "0009", "--traceback");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("cairn: error: app 'shop' has no migration '0009'")
        .contains("UnknownTarget").contains("\tat ");
  }

  @Test void aDatabaseErrorNamesTheOperationAndRollsTheMigrationBack() throws SQLException {
    project.write("migrations/shop/0003_broken.yaml", """
        dependencies: [shop.0002_product_stock]
        operations:
          - CreateModel:
              name: Tag
              fields:
                id: {type: BigAutoField, primary_key: true}
          - RunSQL:
              sql: UPDATE no_such_table SET x = 1
              reverse_sql: []
        """);
    project.cairnOk("migrate", "shop", "0002");
    before = project.databaseState();
    Cli.Result r = project.cairn("migrate");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.out()).endsWith("  Applying shop.0003_broken... FAILED\n");
    assertThat(r.err()).contains("applying shop.0003_broken, operation 2 (Raw SQL operation)")
        .contains("no_such_table").contains("rolled back")
        .doesNotContain("\tat ", "Exception");
    assertThat(project.databaseState()).isEqualTo(before);
  }

  @Test void aRefusedMigrateLeavesAFreshDatabaseWithoutAHistoryTable() throws SQLException {
    ProjectFolder fresh = ProjectFolder.sqlite(folder.resolve("fresh"));
    Cli.Result r = fresh.cairn("migrate", "shop", "0009");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(fresh.databaseState().schema().tables()).isEmpty();
    assertThat(fresh.history()).isEmpty();
  }

  @Test void anUnreachableDatabaseIsADatabaseErrorWithoutAStackTrace() {
    Cli.Result r = project.cairn("migrate", "--database",
        "jdbc:postgresql://127.0.0.1:1/cairn?user=postgres&connectTimeout=2");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.err()).startsWith("cairn: error: database error: ").contains("127.0.0.1:1")
        .contains("--traceback").doesNotContain("\tat ");
  }

  @Test void jpaModelsAreRefusedUntilJpaSourcesExist() throws SQLException {
    withModels("catalog", "jpa:com.example.catalog");
    Cli.Result r = project.cairn("makemigrations");
    assertRefused(r, "cairn.yaml:5: app 'catalog' takes its models from 'jpa:com.example.catalog'");
    assertThat(r.err()).contains("later release").contains("models file");
    assertThat(folder.resolve("migrations/catalog")).isDirectoryNotContaining("glob:**/0002_*");
  }

  @Test void aModelsFileThatListsNoModelsForAnAppWithMigrationsIsRefused() throws SQLException {
    withModels("catalog", "models/catalog.yaml");
    project.write("models/catalog.yaml", "app: catalog\nmodels:\n#  Category:\n");
    Cli.Result r = project.cairn("makemigrations");
    assertRefused(r, "catalog.yaml:2: ");
    assertThat(r.err()).contains("catalog.Category").contains("models: {}");
    assertThat(folder.resolve("migrations/catalog")).isDirectoryNotContaining("glob:**/0002_*");
  }

  @Test void anExplicitlyEmptyModelsFileDeletesTheModels() {
    withModels("catalog", "models/catalog.yaml");
    project.write("models/catalog.yaml", "app: catalog\nmodels: {}\n");
    Cli.Result r = project.cairn("makemigrations", "catalog", "--dry-run");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Delete model Category");
  }

  @Test void makemigrationsForAnAppWithoutAModelSourceIsRefused() throws SQLException {
    Cli.Result r = project.cairn("makemigrations", "shop");
    assertRefused(r, "cairn.yaml:5: app 'shop' has no 'models' in cairn.yaml");
    assertThat(r.err()).contains("models: models/shop.yaml");
    assertThat(folder.resolve("migrations/shop")).isDirectoryNotContaining("glob:**/0003_*");
  }

  @Test void aMissingClasspathEntryIsNamed() throws SQLException {
    Path missing = folder.resolve("build/nowhere.jar");
    Cli.Result r = project.cairn("migrate", "--classpath", missing.toString());
    assertRefused(r, "--classpath entry " + missing + " does not exist");
  }

  @Test void anEmptyDatabaseOptionIsRefused() throws SQLException {
    Cli.Result r = project.cairn("migrate", "--database", "");
    assertRefused(r, "--database is empty");
    assertThat(folder.resolve("db.sqlite3")).exists();
    assertThat(r.out()).isEmpty();
  }

  @Test void aSqliteUrlThatLostItsPathIsRefused() throws SQLException {
    Cli.Result r = project.cairn("migrate", "--database", "jdbc:sqlite:");
    assertRefused(r, "the database URL 'jdbc:sqlite:' names no database file");
    assertThat(r.out()).isEmpty();
  }

  @Test void aPostgresqlUrlWithoutADatabaseNameIsRefusedNotTheUsersDatabase() throws SQLException {
    Cli.Result r = project.cairn("migrate", "--database", "jdbc:postgresql://127.0.0.1:5432/?user=postgres");
    assertRefused(r, "names no database");
  }

  @Test void migrateIntoAnInMemoryDatabaseIsRefused() throws SQLException {
    Cli.Result r = project.cairn("migrate", "--database", "jdbc:sqlite::memory:");
    assertRefused(r, "is in memory");
  }

  @Test void anEmptyDatabaseKeyInCairnYamlSaysWhatToDo() throws SQLException {
    for (String empty : new String[] {"database:\n", "database: ''\n"}) {
      project.write("cairn.yaml", project.read("cairn.yaml")
          .replace("database: jdbc:sqlite:db.sqlite3\n", empty));
      Cli.Result r = project.cairn("migrate");
      assertRefused(r, "'database' in cairn.yaml is empty");
      assertThat(r.err()).as(empty).contains("database: jdbc:sqlite:db.sqlite3");
      project.write("cairn.yaml", project.read("cairn.yaml")
          .replace(empty, "database: jdbc:sqlite:db.sqlite3\n"));
    }
  }

  @Test void aSqliteFileInAFolderThatDoesNotExistNamesTheFolder() throws SQLException {
    Path missing = folder.resolve("no-such-folder").resolve("db.sqlite3");
    Cli.Result r = project.cairn("migrate", "--database", "jdbc:sqlite:" + missing);
    assertRefused(r, "the folder " + missing.getParent() + " of the SQLite database " + missing
        + " does not exist");
    assertThat(missing.getParent()).doesNotExist();
  }

  @Test void aProjectWithoutADatabaseUrlSaysHowToGiveOne() throws SQLException {
    project.write("cairn.yaml", project.read("cairn.yaml").replace("database: jdbc:sqlite:db.sqlite3\n", ""));
    Cli.Result r = project.cairn("migrate");
    assertRefused(r, "no database URL given");
    assertThat(r.err()).contains("'database:' in cairn.yaml", "--database <jdbc-url>",
        "CAIRN_DATABASE_URL");
    assertThat(r.out()).isEmpty();
  }

  @Test void makemigrationsNeedsNoDatabaseUrl() {
    project.write("cairn.yaml", project.read("cairn.yaml").replace("database: jdbc:sqlite:db.sqlite3\n", ""));
    Cli.Result r = project.cairn("makemigrations", "--check");
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @Test void migrationsPointingAtAFileIsRefusedAtItsLine() throws SQLException {
    project.write("migrations/shop.txt", "not a folder");
    project.write("cairn.yaml", project.read("cairn.yaml")
        .replace("migrations: migrations/shop\n", "migrations: migrations/shop.txt\n"));
    Cli.Result r = project.cairn("migrate");
    assertRefused(r, "cairn.yaml:6: 'migrations' of app 'shop' is a file, not a folder");
    assertThat(r.out()).isEmpty();
  }

  private void editAppliedMigration() {
    String file = "migrations/catalog/0001_initial.yaml";
    project.write(file, project.read(file).replace("max_length: 50", "max_length: 51"));
  }

  /** Gives app {@code app} the model source {@code source} in cairn.yaml (line 5 for catalog). */
  private void withModels(String app, String source) {
    project.write("cairn.yaml", project.read("cairn.yaml").replace("    migrations: migrations/"
        + app + "\n", "    migrations: migrations/" + app + "\n    models: " + source + "\n"));
  }

  /** Exit 2, a message holding {@code expected} without a stack trace, and nothing changed. */
  private void assertRefused(Cli.Result r, String expected) throws SQLException {
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).as(r.toString()).startsWith("cairn: error: ").contains(expected)
        .doesNotContain("\tat ", "Exception");
    assertThat(project.databaseState()).isEqualTo(before);
  }
}
