package dev.cairn.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {
  @Option(names = "--database", paramLabel = "<jdbc-url>",
      description = "Connect to this database. Default: $CAIRN_DATABASE_URL, else 'database' in"
          + " cairn.yaml.")
  String database;

  @Option(names = "--config", paramLabel = "<file>",
      description = "Read the project from this file. Default: cairn.yaml in the current folder.")
  Path config;

  @Option(names = "--traceback", description = "Show the stack trace of an error.")
  boolean traceback;

  @Option(names = "--classpath", paramLabel = "<path>", split = ":", hideParamSyntax = true,
      description = "Load RunJava classes from these jars and folders, separated by ':'.")
  List<Path> classpath = List.of();

  // Subcommands get no -V: the version belongs to 'cairn --version'.
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;
}
