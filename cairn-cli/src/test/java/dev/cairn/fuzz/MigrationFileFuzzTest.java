package dev.cairn.fuzz;

import dev.cairn.files.MigrationReader;
import java.nio.file.Path;
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
 * Broken and hostile migration files, each put in place of one migration (the applied
 * catalog.0001, shop's pending ones) or beside them, then run through a real command. A file the
 * reader accepts may be migrated (0), refused for what it says (2: an operation that does not fit
 * the state, an edited applied migration, a graph error) or fail in the database (4, rolled back).
 */
final class MigrationFileFuzzTest {
  private static final Map<String, String> SEEDS = Map.of(
      FuzzProject.CATALOG_0001_FILE, FuzzProject.CATALOG_0001,
      FuzzProject.SHOP_0001_FILE, FuzzProject.SHOP_0001,
      FuzzProject.SHOP_0002_FILE, FuzzProject.SHOP_0002,
      FuzzProject.SHOP_0003_FILE, FuzzProject.SHOP_0003,
      "migrations/shop/0004_fuzz.yaml", FuzzProject.SHOP_0004);

  private static FuzzProject project;
  private static Tally tally;

  @BeforeContainer static void createProject() {
    project = FuzzProject.create();
    tally = new Tally("migration files");
  }

  @AfterContainer static void report() {
    tally.print();
    project.close();
  }

  @Provide Arbitrary<FuzzCase> cases() {
    Arbitrary<List<String>> commands = Arbitraries.frequencyOf(
        Tuple.of(14, Arbitraries.just(List.of("migrate"))),
        Tuple.of(2, Arbitraries.just(List.of("showmigrations"))),
        Tuple.of(2, Arbitraries.just(List.of("makemigrations", "--check", "--noinput"))),
        Tuple.of(1, Arbitraries.just(List.of("migrate", "shop", "0002", "--plan"))),
        Tuple.of(1, Arbitraries.just(List.of("sqlmigrate", "shop", "0003_tags"))));
    return Arbitraries.of(SEEDS.keySet().stream().sorted().toList()).flatMap(path ->
        Combinators.combine(Hostile.files(List.of(SEEDS.get(path))), commands)
            .as((bytes, command) -> new FuzzCase(path, bytes, command)));
  }

  @Property(seed = "20261123", edgeCases = EdgeCasesMode.NONE)
  void aBrokenMigrationIsRefusedNamingItAndAnyOtherRunsOrFailsCleanly(@ForAll("cases") FuzzCase c)
      throws SQLException {
    Path file = project.file(c.path());
    String app = file.getParent().getFileName().toString();
    String command = c.command().get(0);
    List<Integer> validExits = command.equals("makemigrations") ? List.of(0, 1, 2, 3)
        : command.equals("migrate") && c.command().size() == 1 ? List.of(0, 2, 4)
        : List.of(0, 2);
    c.check(project, tally, () -> new MigrationReader().read(file, app), validExits);
  }
}
