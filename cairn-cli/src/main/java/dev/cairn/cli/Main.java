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
  static final String VERSION = dev.cairn.api.Cairn.VERSION;

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
    return commandLine(args).execute(args);
  }

  /**
   * Runs a command line writing to {@code out} and {@code err} instead of the console, without
   * exiting (for tests and embedding).
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine(args);
    cl.setOut(out);
    cl.setErr(err);
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * The command line to run {@code args} with. When the first argument names a command, a
   * {@code cairn} holding that command alone: picocli reflects over each command it is given, and
   * the six others cost 10-15 ms of every start. The command's usage, errors and exit codes are
   * the same as in the whole tree; help, --version, bare {@code cairn} and a mistyped command
   * (whose hint lists the commands) get the whole tree.
   */
  static CommandLine commandLine(String... args) {
    Object command = args.length == 0 ? null : command(args[0]);
    if (command == null) return commandLine();
    CommandLine cl = new CommandLine(CommandSpec.create().name("cairn"));
    cl.addSubcommand(command);
    return withErrorHandlers(cl);
  }

  /** The whole command tree. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.getSubcommands().get("help").getCommandSpec().usageMessage()
        .header("Show the help of a command.");
    return withErrorHandlers(cl);
  }

  /**
   * A new instance of the command {@code name} names, as listed in {@code subcommands} above
   * (MainTest keeps the two lists alike); null for help and for anything else.
   */
  static Object command(String name) {
    return switch (name) {
      case "demo" -> new DemoCommand();
      case "makemigrations" -> new MakeMigrationsCommand();
      case "migrate" -> new MigrateCommand();
      case "showmigrations" -> new ShowMigrationsCommand();
      case "sqlmigrate" -> new SqlMigrateCommand();
      case "squashmigrations" -> new SquashMigrationsCommand();
      default -> null;
    };
  }

  /** Set once the commands are in: picocli hands a root's handlers to the commands it holds. */
  private static CommandLine withErrorHandlers(CommandLine cl) {
    cl.setExecutionExceptionHandler(new ErrorReporter());
    cl.setParameterExceptionHandler(ErrorReporter::usageError);
    return cl;
  }
}
