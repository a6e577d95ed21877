package dev.cairn.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code cairn} command: Django's migration workflow for the JVM. */
@Command(name = "cairn", mixinStandardHelpOptions = true, version = "Cairn " + Main.VERSION,
    description = "Detect model changes, write migrations, and apply them safely.",
    subcommands = {
        DemoCommand.class,
        MakeMigrationsCommand.class,
        MigrateCommand.class,
        ShowMigrationsCommand.class,
        SqlMigrateCommand.class,
        SquashMigrationsCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Run 'cairn <command> --help' for a command's options.",
        "Project settings live in cairn.yaml; see README.md."})
public final class Main implements Callable<Integer> {
  static final String VERSION = "0.1.0";

  @Spec CommandSpec spec;

  @Override public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code, without exiting (for tests). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(new ErrorReporter());
    cl.setParameterExceptionHandler(ErrorReporter::usageError);
    return cl;
  }
}
