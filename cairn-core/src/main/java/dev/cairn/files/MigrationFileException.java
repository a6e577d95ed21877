package dev.cairn.files;

import java.nio.file.Path;

/** A migration file cannot be read: bad YAML, or something Cairn does not understand in it. */
public final class MigrationFileException extends InputException {
  public MigrationFileException(Path path, int line, String problem, String hint, Throwable cause) {
    super(path, line, problem, hint, cause);
  }

  public MigrationFileException(Path path, int line, String problem, String hint) {
    this(path, line, problem, hint, null);
  }
}
