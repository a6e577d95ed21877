package dev.cairn.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.files.MigrationFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class MigrationLoaderTest {
  private static final String EMPTY = "dependencies: []\noperations: []\n";

  @TempDir Path folder;

  @Test void ymlFilesAreMigrationsAsYamlFilesAre() throws IOException {
    write("0001_initial.yaml", EMPTY);
    write("0002_more.yml", "dependencies: [shop.0001_initial]\noperations: []\n");
    assertThat(MigrationLoader.load(Map.of("shop", folder)))
        .extracting(m -> m.key().toString())
        .containsExactly("shop.0001_initial", "shop.0002_more");
  }

  @Test void aMigrationWrittenBothAsYamlAndYmlIsRefusedNamingBoth() throws IOException {
    write("0001_initial.yaml", EMPTY);
    write("0001_initial.yml", EMPTY);
    assertThatThrownBy(() -> MigrationLoader.load(Map.of("shop", folder)))
        .isInstanceOf(MigrationFileException.class)
        .hasMessageContaining("0001_initial.yaml").hasMessageContaining("0001_initial.yml")
        .hasMessageContaining("delete one");
  }

  @Test void anUpperCaseExtensionIsReadNotSkipped() throws IOException {
    write("0001_initial.yaml", EMPTY);
    write("0002_more.YAML", "dependencies: [shop.0001_initial]\noperations: []\n");
    write("0003_last.Yml", "dependencies: [shop.0002_more]\noperations: []\n");
    assertThat(MigrationLoader.load(Map.of("shop", folder)))
        .extracting(m -> m.key().toString())
        .containsExactly("shop.0001_initial", "shop.0002_more", "shop.0003_last");
  }

  @Test void aMigrationWrittenInTwoCasesIsRefusedNamingBoth() throws IOException {
    write("0001_initial.yaml", EMPTY);
    write("0001_initial.YAML", EMPTY);
    assertThatThrownBy(() -> MigrationLoader.load(Map.of("shop", folder)))
        .hasMessageContaining("0001_initial.yaml").hasMessageContaining("0001_initial.YAML");
  }

  @Test void otherFilesAreNotMigrations() throws IOException {
    write("0001_initial.yaml", EMPTY);
    write("README.md", "notes");
    write("_draft.yaml", EMPTY);
    assertThat(MigrationLoader.load(Map.of("shop", folder))).hasSize(1);
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(folder.resolve(name), text);
  }
}
