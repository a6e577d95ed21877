package dev.cairn.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code cairn} command: Django's migration workflow for the JVM. */
@Command(name = "cairn", mixinStandardHelpOptions = true, version = "Cairn " + Main.VERSION,
    description = "Write migrations from model changes and apply them to a database, safely.",
    subcommands = {
        DemoCommand.class,
        MakeMigrationsCommand.class,
        MigrateCommand.class,
        ShowMigrationsCommand.class,
        SqlMigrateCommand.class,
        SquashMigrationsCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Run 'cairn <command> --help' for a command's options.",
        "Project settings live in cairn.yaml; see README.md.", "",
        "Exit codes: 0 done, 1 --check found work to do, 2 bad input or usage,",
        "3 a question needs an answer (--noinput), 4 a database error."})
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

  /**
   * Runs a command line writing to {@code out} and {@code err} instead of the console, without
   * exiting (for tests and embedding).
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.getSubcommands().get("help").getCommandSpec().usageMessage()
        .header("Show the help of a command.");
    cl.setExecutionExceptionHandler(new ErrorReporter());
    cl.setParameterExceptionHandler(ErrorReporter::usageError);
    return cl;
  }
}
