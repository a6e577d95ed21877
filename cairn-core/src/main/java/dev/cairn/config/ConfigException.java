package dev.cairn.config;

import dev.cairn.files.InputException;
import java.nio.file.Path;

/** {@code cairn.yaml} cannot be read: bad YAML, or a key or value Cairn does not understand. */
public final class ConfigException extends InputException {
  public ConfigException(Path path, int line, String problem, String hint, Throwable cause) {
    super(path, line, problem, hint, cause);
  }

  public ConfigException(Path path, int line, String problem, String hint) {
    this(path, line, problem, hint, null);
  }
}
