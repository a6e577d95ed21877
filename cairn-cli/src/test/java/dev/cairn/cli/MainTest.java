package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * A command named first runs in a command line holding it alone (Main.commandLine(args)); it must
 * print and exit exactly as in the whole tree.
 */
final class MainTest {
  private static final String NOWHERE = "/nonexistent-cairn-project/cairn.yaml";

  @Test void everyCommandOfTheTreeIsBuiltAloneUnderItsOwnName() {
    List<String> names = new ArrayList<>(Main.commandLine().getSubcommands().keySet());
    names.remove("help");
    assertThat(names).isNotEmpty();
    for (String name : names) {
      Object command = Main.command(name);
      assertThat(command).as(name).isNotNull();
      assertThat(new CommandLine(command).getCommandName()).isEqualTo(name);
    }
    assertThat(Main.command("help")).isNull();
    assertThat(Main.command("migrat")).isNull();
  }

  @Test void aCommandNamedFirstGetsATreeOfOne() {
    assertThat(Main.commandLine("migrate", "--plan").getSubcommands()).containsOnlyKeys("migrate");
    assertThat(Main.commandLine("help", "migrate").getSubcommands()).containsKey("help");
    assertThat(Main.commandLine("--version").getSubcommands()).containsKey("migrate");
    assertThat(Main.commandLine().getSubcommands()).hasSize(7);
  }

  @ParameterizedTest @MethodSource("argumentLists")
  void aCommandAloneRunsAsInTheWholeTree(List<String> args) {
    String[] a = args.toArray(String[]::new);
    assertThat(run(Main.commandLine(a), a)).isEqualTo(run(Main.commandLine(), a));
  }

  static Stream<List<String>> argumentLists() {
    List<List<String>> lists = new ArrayList<>();
    for (String name : List.of("demo", "makemigrations", "migrate", "showmigrations",
        "sqlmigrate", "squashmigrations")) {
      lists.add(List.of(name, "--help"));
      lists.add(List.of(name, "-h"));
      lists.add(List.of(name, "--fkae"));
      lists.add(List.of(name, "--version"));
      lists.add(List.of(name, "-V"));
      lists.add(List.of(name, "a", "b", "c", "d"));
      lists.add(List.of(name, "migrate"));
      lists.add(List.of(name, "help"));
      lists.add(List.of(name, "--config"));
      lists.add(List.of(name, "--config", NOWHERE));
      lists.add(List.of(name, "--config=" + NOWHERE, "--database", "jdbc:sqlite::memory:"));
    }
    lists.add(List.of("migrate", "shop", "0001", "--plan", "--config", NOWHERE));
    lists.add(List.of("migrate", "--check", "--fake", "--config", NOWHERE));
    lists.add(List.of("sqlmigrate", "shop"));
    lists.add(List.of("sqlmigrate", "shop", "0001", "--backwards", "--config", NOWHERE));
    lists.add(List.of("demo", "--dir"));
    return lists.stream();
  }

  private static Cli.Result run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter o = new PrintWriter(out);
    PrintWriter e = new PrintWriter(err);
    cl.setOut(o);
    cl.setErr(e);
    int code = cl.execute(args);
    o.flush();
    e.flush();
    return new Cli.Result(code, out.toString(), err.toString());
  }
}
