package dev.cairn.fuzz;

import dev.cairn.config.ConfigReader;
import dev.cairn.models.ModelsFileSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Broken and hostile models files, in place of catalog's or shop's, run through {@code cairn
 * makemigrations --check}. A models file the source accepts may match the migrations (0), need
 * new ones (1), ask a question (3, under --noinput) or be refused for what it says (2).
 */
final class ModelsFileFuzzTest {
  private static final Map<String, String> SEEDS = Map.of(
      "models/catalog.yaml", FuzzProject.CATALOG_MODELS,
      "models/shop.yaml", FuzzProject.SHOP_MODELS);

  private static FuzzProject project;
  private static Tally tally;

  @BeforeContainer static void createProject() {
    project = FuzzProject.create();
    tally = new Tally("models files");
  }

  @AfterContainer static void report() {
    tally.print();
    project.close();
  }

  @Provide Arbitrary<FuzzCase> cases() {
    Arbitrary<List<String>> commands = Arbitraries.frequencyOf(
        Tuple.of(9, Arbitraries.just(List.of("makemigrations", "--check", "--noinput"))),
        Tuple.of(1, Arbitraries.just(List.of("makemigrations", "--dry-run", "--noinput"))));
    return Arbitraries.of(SEEDS.keySet().stream().sorted().toList()).flatMap(path ->
        Combinators.combine(Hostile.files(List.of(SEEDS.get(path))), commands)
            .as((bytes, command) -> new FuzzCase(path, bytes, command)));
  }

  @Property(seed = "20261123", edgeCases = EdgeCasesMode.NONE)
  void aBrokenModelsFileIsRefusedNamingItAndAnyOtherIsComparedCleanly(@ForAll("cases") FuzzCase c)
      throws SQLException {
    c.check(project, tally, () -> ModelsFileSource.of(
        new ConfigReader().read(project.file("cairn.yaml"))).load(), List.of(0, 1, 2, 3));
  }
}
