package dev.cairn.fuzz;

import dev.cairn.config.ConfigReader;
import java.sql.SQLException;
import java.util.List;
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
 * Broken and hostile {@code cairn.yaml} files run through migrate, makemigrations --check and
 * showmigrations. The database comes from {@code --database}, so a valid file cannot send a run
 * elsewhere; one the reader accepts may still name apps or folders that lead to a refusal (2).
 */
final class ConfigFileFuzzTest {
  private static final String DESIGN_EXAMPLE = """
      database: jdbc:sqlite:db.sqlite3        # overridden by --database or CAIRN_DATABASE_URL
      apps:
        shop:
          models: models/shop.yaml            # or  jpa:com.example.shop  (entities on --classpath)
          migrations: migrations/shop         # default: migrations/<app>
      """;

  private static FuzzProject project;
  private static Tally tally;

  @BeforeContainer static void createProject() {
    project = FuzzProject.create();
    tally = new Tally("cairn.yaml files");
  }

  @AfterContainer static void report() {
    tally.print();
    project.close();
  }

  @Provide Arbitrary<FuzzCase> cases() {
    Arbitrary<List<String>> commands = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(List.of("migrate"))),
        Tuple.of(1, Arbitraries.just(List.of("makemigrations", "--check", "--noinput"))),
        Tuple.of(1, Arbitraries.just(List.of("showmigrations"))));
    return Combinators.combine(
            Hostile.files(List.of(FuzzProject.CONFIG, DESIGN_EXAMPLE)), commands)
        .as((bytes, command) -> new FuzzCase("cairn.yaml", bytes, command));
  }

  @Property(seed = "20261123", edgeCases = EdgeCasesMode.NONE)
  void aBrokenConfigIsRefusedNamingItAndAnyOtherRunsCleanly(@ForAll("cases") FuzzCase c)
      throws SQLException {
    String command = c.command().get(0);
    List<Integer> validExits = command.equals("makemigrations") ? List.of(0, 1, 2, 3)
        : command.equals("migrate") ? List.of(0, 2, 4) : List.of(0, 2);
    c.check(project, tally, () -> new ConfigReader().read(project.file("cairn.yaml")), validExits);
  }
}
