package dev.cairn.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.autodetect.NoInputQuestioner;
import dev.cairn.config.AppConfig;
import dev.cairn.config.ProjectConfig;
import dev.cairn.execute.PlanStep;
import dev.cairn.operations.AddField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade's choices that need no second database: project, files, defaults. */
final class CairnTest {
  @TempDir Path folder;
  Path cairnYaml;

  @BeforeEach void writeProject() {
    cairnYaml = ShopProject.create(folder, "jdbc:sqlite:db.sqlite3");
  }

  @Test void theDatabaseOfCairnYamlIsUsedWhenNoneIsGiven() throws SQLException {
    Cairn cairn = Cairn.configure().project(cairnYaml).build();

    cairn.migrate(MigrateRequest.all());

    assertThat(cairn.databaseUrl()).contains("jdbc:sqlite:" + folder.resolve("db.sqlite3"));
    assertThat(folder.resolve("db.sqlite3")).exists();
  }

  @Test void aRelativeSqliteFileIsRelativeToTheProjectFolderNotTheWorkingOne() {
    Cairn cairn = Cairn.configure().project(cairnYaml).database("jdbc:sqlite:other.db").build();

    assertThat(cairn.databaseUrl()).contains("jdbc:sqlite:" + folder.resolve("other.db"));
  }

  @Test void readingAMissingSqliteFileDoesNotCreateIt() throws SQLException {
    Cairn cairn = Cairn.configure().project(cairnYaml).build();

    Status status = cairn.status();
    Plan plan = cairn.plan(MigrateRequest.all());

    assertThat(cairn.missingDatabaseFile()).contains(folder.resolve("db.sqlite3"));
    assertThat(status.migrations()).noneMatch(MigrationStatus::applied);
    assertThat(plan.steps()).hasSize(2);
    assertThat(folder.resolve("db.sqlite3")).doesNotExist();
  }

  @Test void aVerbThatNeedsADatabaseSaysHowToGiveOne() {
    ShopProject.create(folder, null);
    Cairn cairn = Cairn.configure().project(cairnYaml).build();

    assertThatThrownBy(cairn::status).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("database(<jdbc-url>)").hasMessageContaining("dataSource(");
  }

  @Test void aSqliteFileInAFolderThatDoesNotExistIsNamed() {
    Cairn cairn = Cairn.configure().project(cairnYaml).database("jdbc:sqlite:nowhere/db.sqlite3")
        .build();

    assertThatThrownBy(() -> cairn.migrate(MigrateRequest.all()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the folder " + folder.resolve("nowhere") + " of the SQLite database");
  }

  @Test void aProjectGivenInCodeNeedsNoCairnYaml() throws SQLException {
    ProjectConfig config = new ProjectConfig(null, folder, null, Map.of("shop",
        new AppConfig("shop", null, null, folder.resolve("migrations/shop"))));
    Cairn cairn = Cairn.configure().project(config)
        .database("jdbc:sqlite:" + folder.resolve("code.db")).build();

    assertThat(cairn.migrate(MigrateRequest.all())).hasSize(2);
    assertThat(cairn.status().isUpToDate()).isTrue();
  }

  @Test void aChangedCopyLeavesTheOriginalAsItWas() {
    Cairn cairn = Cairn.configure().project(cairnYaml).build();

    Cairn other = cairn.newBuilder().database("jdbc:sqlite:other.db").build();

    assertThat(cairn.databaseUrl()).contains("jdbc:sqlite:" + folder.resolve("db.sqlite3"));
    assertThat(other.databaseUrl()).contains("jdbc:sqlite:" + folder.resolve("other.db"));
  }

  @Test void makeMigrationsMakesWhatTheModelsAddAndWriteWritesIt() throws Exception {
    Cairn cairn = Cairn.configure().project(cairnYaml).build();

    List<NewMigration> made = cairn.makeMigrations(List.of()).changes(null,
        new NoInputQuestioner());
    assertThat(made).hasSize(1);
    NewMigration price = made.get(0);
    assertThat(price.migration().name()).isEqualTo("0003_product_price");
    assertThat(price.migration().operations()).singleElement().isInstanceOf(AddField.class);
    assertThat(price.file()).isEqualTo(folder.resolve("migrations/shop/0003_product_price.yaml"));
    assertThat(price.file()).doesNotExist();
    assertThat(cairn.appsWithUnmigratedChanges()).containsExactly("shop");

    cairn.write(price);

    assertThat(Files.readString(price.file())).isEqualTo(price.text());
    assertThat(cairn.appsWithUnmigratedChanges()).isEmpty();
    assertThat(cairn.migrate(MigrateRequest.all())).extracting(PlanStep::toString)
        .endsWith("Apply shop.0003_product_price");
  }

  @Test void makeMigrationsForAnAppTheProjectLacksNamesTheKnownOnes() {
    Cairn cairn = Cairn.configure().project(cairnYaml).build();

    assertThatThrownBy(() -> cairn.makeMigrations(List.of("shopp")))
        .isInstanceOf(UnknownApp.class).hasMessageContaining("no app 'shopp'")
        .hasMessageContaining("apps: shop");
  }

  @Test void squashReplacesTheRangeWithOneMigration() throws Exception {
    Cairn cairn = Cairn.configure().project(cairnYaml).build();

    NewMigration squash = cairn.squash(SquashRequest.upTo("shop", "0002").withHeader(false));

    assertThat(squash.migration().name()).isEqualTo("0001_squashed_0002_product_stock");
    assertThat(squash.migration().replaces()).extracting(Object::toString)
        .containsExactly("shop.0001_initial", "shop.0002_product_stock");
    assertThat(squash.migration().operations()).hasSize(1);
    assertThat(squash.text()).doesNotContain("Generated by Cairn");
  }

  @Test void twoLeavesInAnAppGiveAMergeThatDependsOnBoth() {
    ShopProject.write(folder.resolve("migrations/shop/0003_a.yaml"),
        "dependencies:\n  - shop.0002_product_stock\noperations: []\n");
    ShopProject.write(folder.resolve("migrations/shop/0003_b.yaml"),
        "dependencies:\n  - shop.0002_product_stock\noperations: []\n");
    Cairn cairn = Cairn.configure().project(cairnYaml).build();

    List<Merge> merges = cairn.merges();

    assertThat(merges).singleElement().satisfies(m -> {
      assertThat(m.app()).isEqualTo("shop");
      assertThat(m.branches()).hasSize(2);
      assertThat(Set.copyOf(m.merged().migration().dependencies()).stream()
          .map(Object::toString)).containsExactlyInAnyOrder("shop.0003_a", "shop.0003_b");
    });
    assertThatThrownBy(() -> cairn.makeMigrations(List.of()).requireNoConflicts())
        .isInstanceOf(ConflictingMigrations.class).hasMessageContaining("0003_a, 0003_b in shop");
  }
}
