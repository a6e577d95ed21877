package dev.cairn.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {
  @Option(names = "--database", paramLabel = "<jdbc-url>",
      description = "Database to use. Default: $CAIRN_DATABASE_URL, else 'database' in cairn.yaml.")
  String database;

  @Option(names = "--config", paramLabel = "<file>",
      description = "Project file. Default: cairn.yaml in the current folder.")
  Path config;

  @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
      description = "Output format where the output is data: text or json. Default: ${DEFAULT-VALUE}.")
  OutputFormat format;

  @Option(names = "--traceback", description = "Show the stack trace of an error.")
  boolean traceback;

  @Option(names = "--classpath", paramLabel = "<path>", split = ":",
      description = "Jars and folders holding RunJava classes.")
  java.util.List<Path> classpath = java.util.List.of();

  enum OutputFormat { text, json }
}
