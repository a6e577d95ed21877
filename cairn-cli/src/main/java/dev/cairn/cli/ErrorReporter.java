package dev.cairn.cli;

import dev.cairn.execute.MigrationErrors;
import dev.cairn.files.InputException;
import dev.cairn.graph.GraphException;
import dev.cairn.schema.LockWaitTimeout;
import dev.cairn.schema.UnsupportedSchemaChange;
import dev.cairn.state.StateException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Maps every failure to one message and an exit code. A user's mistake never shows a stack trace;
 * {@code --traceback} shows it for bug reports.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  @Override public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    int code = exitCode(e);
    err.println("cairn: error: " + message(e));
    if (parsed != null && isTraceback(parsed)) {
      e.printStackTrace(err);
    } else if (code == ExitCodes.DATABASE_ERROR && !(e instanceof MigrationErrors.MigrationFailed)
        && !(e instanceof LockWaitTimeout)) {
      err.println("  (run with --traceback for details)");
    }
    err.flush();
    return code;
  }

  static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    if (isUnknownCommand(e, args)) return unknownCommand(cl, args[0]);
    err.println("cairn: error: " + e.getMessage());
    if (e instanceof CommandLine.UnmatchedArgumentException u) {
      List<String> suggestions = u.getSuggestions();
      // picocli lists every loosely similar name, most similar first; one is enough.
      if (!suggestions.isEmpty()) err.println("  Did you mean '" + suggestions.get(0) + "'?");
    }
    err.println("  Run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  /** The first word, where a command goes, is none of the commands. */
  private static boolean isUnknownCommand(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    return e instanceof CommandLine.UnmatchedArgumentException u && cl.getParent() == null
        && !cl.getSubcommands().isEmpty() && args.length > 0 && !args[0].startsWith("-")
        && u.getUnmatched().contains(args[0]);
  }

  private static int unknownCommand(CommandLine cl, String word) {
    PrintWriter err = cl.getErr();
    List<String> commands = cl.getSubcommands().keySet().stream()
        .filter(c -> !c.equals("help")).toList();
    if (UnknownCommand.isPlanned(word)) {
      err.println("cairn: error: '" + word + "' is planned but not built yet (DESIGN.md lists it)");
      err.println("  Commands: " + String.join(", ", commands) + ".");
    } else {
      err.println("cairn: error: unknown command '" + word + "'");
      UnknownCommand.suggestion(word, commands).ifPresentOrElse(
          c -> err.println("  Did you mean '" + c + "'?"),
          () -> err.println("  Commands: " + String.join(", ", commands) + "."));
    }
    err.println("  Run 'cairn --help' for usage.");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  static int exitCode(Throwable e) {
    if (e instanceof CliException c) return c.exitCode();
    if (e instanceof dev.cairn.autodetect.NeedsAnswer) return ExitCodes.NEEDS_INPUT;
    if (e instanceof MigrationErrors.MigrationFailed || e instanceof SQLException
        || e instanceof LockWaitTimeout) {
      return ExitCodes.DATABASE_ERROR;
    }
    if (e instanceof InputException || e instanceof GraphException
        || e instanceof MigrationErrors.UnknownTarget || e instanceof MigrationErrors.Irreversible
        || e instanceof MigrationErrors.ChecksumMismatch
        || e instanceof MigrationErrors.EditedWhilePartlyApplied
        || e instanceof MigrationErrors.MissingFile
        || e instanceof MigrationErrors.InconsistentHistory
        || e instanceof UnsupportedSchemaChange || e instanceof StateException
        || e instanceof dev.cairn.merge.BranchClash || e instanceof IllegalArgumentException
        || e instanceof dev.cairn.autodetect.RefusedChange) {
      return ExitCodes.BAD_INPUT;
    }
    return ExitCodes.DATABASE_ERROR;
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
    if (e instanceof SQLException) return "database error: " + m;
    return m;
  }

  private static boolean isTraceback(ParseResult parsed) {
    ParseResult p = parsed;
    while (p != null) {
      if (p.hasMatchedOption("--traceback")) return true;
      p = p.subcommand();
    }
    return false;
  }
}
