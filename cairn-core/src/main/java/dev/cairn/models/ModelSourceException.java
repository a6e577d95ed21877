package dev.cairn.models;

import dev.cairn.files.InputException;
import java.nio.file.Path;

/** An app's model source in cairn.yaml cannot give its models: a JPA package, or no source. */
public final class ModelSourceException extends InputException {
  public ModelSourceException(Path path, int line, String problem, String hint) {
    super(path, line, problem, hint, null);
  }
}
