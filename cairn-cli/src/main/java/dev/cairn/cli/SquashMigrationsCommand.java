package dev.cairn.cli;

import dev.cairn.files.MigrationWriter;
import dev.cairn.graph.MigrationGraph;
import dev.cairn.migration.Migration;
import dev.cairn.optimize.Squasher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "squashmigrations",
    description = "Write one migration that replaces a range of an app's migrations.")
final class SquashMigrationsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<app>", description = "App label from cairn.yaml.")
  String app;

  @Parameters(index = "1", paramLabel = "<migration>", arity = "1..2",
      description = "Squash up to this migration; with two, from the first to the second.")
  java.util.List<String> range;

  @Option(names = "--squashed-name", paramLabel = "<name>",
      description = "Name the squashed migration instead of <first>_squashed_<last>.")
  String squashedName;

  @Option(names = "--no-optimize", description = "Keep every operation instead of optimizing them.")
  boolean noOptimize;

  @Override public Integer call() throws IOException {
    Project project = Project.load(common);
    if (!project.config().apps().containsKey(app)) {
      throw new CliException(ExitCodes.BAD_INPUT, "no app '" + app + "' in cairn.yaml");
    }
    String from = range.size() == 2 ? range.get(0) : null;
    String to = range.get(range.size() - 1);
    Squasher squasher = Squasher.of(MigrationGraph.of(project.migrations())).optimize(!noOptimize);
    if (squashedName != null) squasher = squasher.squashedName(squashedName);
    Migration squashed = squasher.squash(app, from, to);
    squashed = new Migration(squashed.key(), squashed.dependencies(), squashed.operations(),
        squashed.replaces(), squashed.runBefore(), squashed.initial(), squashed.atomic(),
        MakeMigrationsCommand.header(), null, null);
    Path file = project.migrationFile(squashed);
    Files.writeString(file, new MigrationWriter().write(squashed), StandardCharsets.UTF_8);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Squashed " + squashed.replaces().size() + " migrations into " + squashed.operations().size()
        + " operations: " + file);
    out.println("  It replaces " + String.join(", ",
        squashed.replaces().stream().map(Object::toString).toList()) + ".");
    out.println("  Databases that have applied them record it as applied; new databases run it"
        + " alone. Once every database has it, delete the old files and remove 'replaces'.");
    out.flush();
    return ExitCodes.OK;
  }
}
