package dev.cairn.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Applied migrations changed or deleted behind Cairn's back. An edit, even of one byte of a
 * comment, stops migrate and shows in showmigrations. A deleted file is reported by both; migrate
 * goes on without it, unless it would have to unapply it or something applied before it, which it
 * refuses, naming it.
 */
final class TamperingTest {
  private FuzzProject project;

  @BeforeEach void createProject() {
    project = FuzzProject.create(); // catalog.0001 applied
  }

  @AfterEach void deleteProject() {
    project.close();
  }

  @Test void everyOneByteEditOfAnAppliedMigrationStopsMigrateAndShowsInShowmigrations()
      throws SQLException {
    byte[] original = FuzzProject.CATALOG_0001.getBytes(StandardCharsets.UTF_8);
    FuzzProject.DatabaseState before = project.databaseState();
    int marked = 0;
    int unreadable = 0;
    java.util.Random random = new java.util.Random(20261123);
    for (int at = 0; at < original.length; at++) {
      byte[] edited = original.clone();
      byte b;
      do {
        String chars = " abz09:#-\n\t\"'{}";
        b = (byte) chars.charAt(random.nextInt(chars.length()));
      } while (b == edited[at]);
      edited[at] = b;
      project.write(FuzzProject.CATALOG_0001_FILE, edited);

      FuzzProject.Result migrate = project.cairn("migrate");
      migrate.assertNoStackTrace();
      assertThat(migrate.exitCode()).as("byte %d: %s", at, migrate).isEqualTo(2);
      assertThat(migrate.err()).as("byte %d: %s", at, migrate)
          .containsAnyOf("catalog.0001_initial has changed since it was applied", "0001_initial.yaml");
      assertThat(project.databaseIsAsSetUp()).as("byte %d: %s", at, migrate).isTrue();

      FuzzProject.Result show = project.cairn("showmigrations");
      show.assertNoStackTrace();
      if (show.exitCode() == 0) {
        assertThat(show.out()).as("byte %d: %s", at, show)
            .contains(" [X] 0001_initial (changed since applied!)");
        assertThat(migrate.err()).contains("catalog.0001_initial has changed since it was applied")
            .contains("--ignore-checksums");
        marked++;
      } else { // the edit broke the file: both commands say where
        show.assertRefusedNaming("0001_initial.yaml");
        assertThat(migrate.err()).contains("0001_initial.yaml");
        unreadable++;
      }
    }
    project.restore(FuzzProject.CATALOG_0001_FILE);
    assertThat(project.databaseState()).isEqualTo(before);
    System.out.printf("tampering: %d one-byte edits, %d marked by showmigrations, %d unreadable%n",
        original.length, marked, unreadable);
    assertThat(marked).isPositive();
  }

  @Test void anEditedCommentOrTrailingNewlineStillCounts() {
    project.write(FuzzProject.CATALOG_0001_FILE, FuzzProject.CATALOG_0001 + "\n");
    FuzzProject.Result r = project.cairn("migrate");
    r.assertRefusedNaming("catalog.0001_initial");
    assertThat(r.out()).isEmpty();
  }

  @Test void aDeletedAppliedMigrationIsListedAsMissing() throws IOException {
    applyAllThenDeleteTheLatest();
    FuzzProject.Result r = project.cairn("showmigrations");
    assertThat(r.exitCode()).as("%s", r).isZero();
    assertThat(r.out()).isEqualTo("""
        catalog
         [X] 0001_initial
        shop
         [X] 0001_initial
         [X] 0002_product_stock
         [X] 0003_tags (file missing!)
        """);
    assertThat(r.err()).contains("warning: applied migration shop.0003_tags has no file ("
        + project.file(FuzzProject.SHOP_0003_FILE) + ")");
  }

  @Test void showmigrationsAsJsonFlagsTheMissingFile() throws IOException {
    applyAllThenDeleteTheLatest();
    FuzzProject.Result r = project.cairn("showmigrations", "--format", "json");
    assertThat(r.exitCode()).as("%s", r).isZero();
    assertThat(r.out()).contains("\"name\" : \"0003_tags\"").contains("\"file_missing\" : true");
  }

  @Test void migrateWarnsAboutADeletedAppliedMigrationAndGoesOn() throws IOException {
    applyAllThenDeleteTheLatest();
    project.write("migrations/catalog/0002_note.yaml", """
        dependencies: [catalog.0001_initial]
        operations:
          - AddField: {model_name: category, name: note, field: {type: TextField, null: true}}
        """);
    FuzzProject.Result r = project.cairn("migrate");
    assertThat(r.exitCode()).as("%s", r).isZero();
    assertThat(r.err()).contains("warning: applied migration shop.0003_tags has no file")
        .contains("migrate goes on without it");
    assertThat(r.out()).contains("Applying catalog.0002_note... OK");
  }

  @Test void goingBackPastADeletedAppliedMigrationIsRefusedNamingIt() throws Exception {
    applyAllThenDeleteTheLatest();
    FuzzProject.DatabaseState before = project.databaseState();
    for (List<String> args : List.of(List.of("migrate", "shop", "0002"),
        List.of("migrate", "shop", "zero"), List.of("migrate", "shop", "0001"),
        List.of("migrate", "catalog", "zero"), List.of("migrate", "shop", "zero", "--plan"))) {
      FuzzProject.Result r = project.cairn(args.toArray(String[]::new));
      r.assertRefusedNaming("applied migration shop.0003_tags has no file");
      assertThat(r.err()).as("%s", r).contains(project.file(FuzzProject.SHOP_0003_FILE).toString())
          .contains("Nothing was changed");
      assertThat(project.databaseState()).as("%s", r).isEqualTo(before);
    }
  }

  @Test void goingBackOnlyPastMigrationsAppliedAfterTheMissingOneIsAllowed() throws IOException {
    applyAllThenDeleteTheLatest();
    project.write("migrations/catalog/0002_note.yaml", """
        dependencies: [catalog.0001_initial]
        operations:
          - AddField: {model_name: category, name: note, field: {type: TextField, null: true}}
        """);
    assertThat(project.cairn("migrate").exitCode()).isZero();
    FuzzProject.Result r = project.cairn("migrate", "catalog", "0001");
    assertThat(r.exitCode()).as("%s", r).isZero();
    assertThat(r.out()).contains("Unapplying catalog.0002_note... OK");
  }

  private void applyAllThenDeleteTheLatest() throws IOException {
    FuzzProject.Result r = project.cairn("migrate");
    assertThat(r.exitCode()).as("%s", r).isZero();
    Files.delete(project.file(FuzzProject.SHOP_0003_FILE));
  }
}
