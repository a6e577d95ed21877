package dev.cairn.cli;

import static dev.cairn.cli.Cli.cairn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Pins each command's {@code --help} text. When a golden file differs, the actual text is written
 * under {@code target/help-actual/} to compare or copy over.
 */
final class HelpTest {
  @Test void cairnHelpMatchesTheGoldenText() throws IOException {
    assertHelp("cairn", "--help");
  }

  @Test void migrateHelpMatchesTheGoldenText() throws IOException {
    assertHelp("migrate", "migrate", "--help");
  }

  @Test void showmigrationsHelpMatchesTheGoldenText() throws IOException {
    assertHelp("showmigrations", "showmigrations", "--help");
  }

  @Test void sqlmigrateHelpMatchesTheGoldenText() throws IOException {
    assertHelp("sqlmigrate", "sqlmigrate", "--help");
  }

  @Test void makemigrationsHelpMatchesTheGoldenText() throws IOException {
    assertHelp("makemigrations", "makemigrations", "--help");
  }

  @Test void squashmigrationsHelpMatchesTheGoldenText() throws IOException {
    assertHelp("squashmigrations", "squashmigrations", "--help");
  }

  @Test void demoHelpMatchesTheGoldenText() throws IOException {
    assertHelp("demo", "demo", "--help");
  }

  @Test void bareCairnPrintsTheUsageAndSucceeds() throws IOException {
    Cli.Result r = cairn();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(golden("cairn"));
  }

  @Test void helpCommandPrintsACommandsHelp() throws IOException {
    Cli.Result r = cairn("help", "migrate");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(golden("migrate"));
  }

  @Test void versionPrintsTheVersion() {
    Cli.Result r = cairn("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("Cairn " + Main.VERSION + "\n");
  }

  @Test void anUnknownOptionIsAUsageErrorWithAHint() {
    Cli.Result r = cairn("migrate", "--fkae");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("cairn: error: Unknown option: '--fkae'\n"
        + "  Run 'cairn migrate --help' for usage.\n");
  }

  @Test void anUnknownCommandIsAUsageErrorWithAHint() {
    Cli.Result r = cairn("migrat");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("cairn: error: unknown command 'migrat'\n"
        + "  Did you mean 'migrate'?\n"
        + "  Run 'cairn --help' for usage.\n");
  }

  @Test void anUnknownCommandSuggestsTheCommandItMeans() throws IOException {
    assertThat(cairn("status").err()).contains("Did you mean 'showmigrations'?");
    assertThat(cairn("squash").err()).contains("Did you mean 'squashmigrations'?");
    assertThat(cairn("mirgate").err()).contains("Did you mean 'migrate'?");
    assertThat(cairn("makemigration").err()).contains("Did you mean 'makemigrations'?");
  }

  @Test void anUnknownCommandLikeNoneListsTheCommands() {
    Cli.Result r = cairn("frobnicate");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("cairn: error: unknown command 'frobnicate'\n"
        + "  Commands: demo, makemigrations, migrate, showmigrations, sqlmigrate,"
        + " squashmigrations.\n"
        + "  Run 'cairn --help' for usage.\n");
  }

  @Test void aPlannedCommandSaysItIsNotBuiltYet() throws IOException {
    for (String planned : new String[] {"lint", "inspectdb", "graph"}) {
      Cli.Result r = cairn(planned);
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).startsWith("cairn: error: '" + planned + "' is planned but not built"
          + " yet (DESIGN.md lists it)\n").doesNotContain("Did you mean");
      assertThat(golden("cairn")).doesNotContain("  " + planned + " ");
    }
  }

  @Test void aMissingParameterIsAUsageErrorWithAHint() {
    Cli.Result r = cairn("sqlmigrate", "shop");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("cairn: error: Missing required parameter: '<migration>'\n"
        + "  Run 'cairn sqlmigrate --help' for usage.\n");
  }

  private static void assertHelp(String golden, String... args) throws IOException {
    Cli.Result r = cairn(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    String expected = golden(golden);
    if (!r.out().equals(expected)) {
      Path actual = Path.of("target", "help-actual", golden + ".txt");
      Files.createDirectories(actual.getParent());
      Files.writeString(actual, r.out());
    }
    assertThat(r.out()).isEqualTo(expected);
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = HelpTest.class.getResourceAsStream("/help/" + name + ".txt")) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
