package dev.cairn.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One example for each bug the fuzz suites found, so that it stays fixed. */
final class FuzzFindingsTest {
  private FuzzProject project;

  @BeforeEach void createProject() {
    project = FuzzProject.create();
  }

  @AfterEach void deleteProject() {
    project.close();
  }

  @Test void anOperationThatDoesNotFitItsStateIsRefusedBeforeEarlierMigrationsRun() {
    project.write("migrations/shop/0004_again.yaml", """
        dependencies: [shop.0003_tags]
        operations:
          - AddField: {model_name: product, name: stock, field: {type: IntegerField, default: 0}}
        """);
    FuzzProject.Result r = project.cairn("migrate");
    r.assertRefusedNaming("0004_again.yaml");
    assertThat(r.err()).contains("already has a field 'stock'");
    assertThat(r.out()).isEmpty();
    assertThat(project.databaseIsAsSetUp()).isTrue();
  }

  @Test void aCairnYamlThatIsNotUtf8IsRefusedInWords() {
    project.write("cairn.yaml", "apps:\n  caf\u00e9:\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    FuzzProject.Result r = project.cairn("migrate");
    r.assertRefusedNaming("cairn.yaml");
    assertThat(r.err()).contains("cairn.yaml: the file is not UTF-8").contains("save it as UTF-8");
  }

  @Test void aMissingModelsFileIsRefusedInWords() {
    project.write("cairn.yaml", FuzzProject.CONFIG.replace("models/shop.yaml", "models/shopp.yaml"));
    FuzzProject.Result r = project.cairn("makemigrations", "--check", "--noinput");
    r.assertRefusedNaming("shopp.yaml");
    assertThat(r.err()).contains("shopp.yaml: no such file")
        .contains("check the path given as 'models' for app 'shop' in cairn.yaml");
  }

  @Test void anIndexOnAFieldTheModelLacksIsRefusedBeforeEarlierMigrationsRun() {
    project.write("migrations/shop/0004_idx.yaml", """
        dependencies: [shop.0003_tags]
        operations:
          - AddIndex: {model_name: product, index: {name: shop_product_nope_idx, fields: [nope]}}
        """);
    FuzzProject.Result r = project.cairn("migrate");
    r.assertRefusedNaming("0004_idx.yaml");
    assertThat(r.err()).contains("model shop.Product has no field 'nope'");
    assertThat(r.out()).isEmpty();
    assertThat(project.databaseIsAsSetUp()).isTrue();
  }

  @Test void aHugeValueIsQuotedShortInTheMessage() {
    project.write("migrations/shop/0004_huge.yaml", "dependencies: " + "x".repeat(70_000)
        + "\noperations: []\n");
    FuzzProject.Result r = project.cairn("migrate");
    r.assertRefusedNaming("0004_huge.yaml");
    assertThat(r.err()).contains("(70000 characters)").hasSizeLessThan(500);
  }

  @Test void aPathTheFileSystemCannotNameIsRefusedAtItsLine() {
    project.write("cairn.yaml", FuzzProject.CONFIG.replace("models/shop.yaml", "\"models/sh\\0op.yaml\""));
    FuzzProject.Result r = project.cairn("migrate");
    r.assertRefusedNaming("cairn.yaml:7: 'models' of app 'shop' is not a path this system can open");
  }
}
