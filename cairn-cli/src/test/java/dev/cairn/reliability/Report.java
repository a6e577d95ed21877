package dev.cairn.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Figures of a reliability run: printed, and kept in cairn-cli/target/reliability/. */
final class Report {
  private Report() {}

  static void write(String suite, String text) {
    System.out.println(text);
    try {
      Path dir = Path.of("target", "reliability");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(suite + ".txt"), text + "\n", StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The seed of a random run: {@code -Dcairn.reliability.seed=N} repeats one. */
  static long seed() {
    String given = System.getProperty("cairn.reliability.seed");
    return given != null && !given.isBlank() ? Long.parseLong(given) : System.nanoTime();
  }
}
