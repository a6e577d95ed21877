package dev.cairn.models;

import dev.cairn.files.InputException;
import java.nio.file.Path;

/** A models file cannot be read: bad YAML, an unknown option, or a reference to no model. */
public final class ModelsFileException extends InputException {
  public ModelsFileException(Path path, int line, String problem, String hint, Throwable cause) {
    super(path, line, problem, hint, cause);
  }

  public ModelsFileException(Path path, int line, String problem, String hint) {
    this(path, line, problem, hint, null);
  }
}
