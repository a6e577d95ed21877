package dev.cairn.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code cairn migrate} in its own JVM, on the test's class path, so that it can be killed with
 * SIGKILL ({@link Process#destroyForcibly()} on Linux) as a crashed deploy would be. Its output
 * goes to files, read once it has ended.
 */
final class ChildMigrate {
  /** A child that has not ended after this long is stuck (a lock never released, say). */
  private static final long STUCK_MINUTES = 5;

  private final Process process;
  private final Path out;
  private final Path err;

  private ChildMigrate(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /**
   * Starts {@code migrate --config <config> --database <url> [app migration]}; {@code work} holds its output,
   * Cairn's cache and the temporary folder of the SQLite driver, where a leaked native library
   * would show.
   */
  static ChildMigrate start(Path config, String url, Path work, String tag, String... target) {
    try {
      Files.createDirectories(work);
      Path out = work.resolve(tag + ".out");
      Path err = work.resolve(tag + ".err");
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
          "-Dorg.sqlite.tmpdir=" + work, "-cp", System.getProperty("java.class.path"),
          "dev.cairn.cli.Main", "migrate", "--config", config.toString(), "--database", url));
      command.addAll(List.of(target));
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
          .redirectError(err.toFile());
      builder.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
      Process p = builder.start();
      return new ChildMigrate(p, out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends SIGKILL and waits until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(STUCK_MINUTES, TimeUnit.MINUTES)) {
      throw new AssertionError("a killed migrate did not end");
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the end and returns the exit code; a run that never ends fails the test. */
  int exitCode() throws InterruptedException {
    if (!process.waitFor(STUCK_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("migrate did not end within " + STUCK_MINUTES + " minutes (a lock"
          + " left behind?)\n" + this);
    }
    return process.exitValue();
  }

  String out() {
    return read(out);
  }

  String err() {
    return read(err);
  }

  /**
   * The migration whose "Applying x..." line was printed without its " OK": the one the process
   * was in when it died, or null when it died before, between or after migrations.
   */
  String unfinishedMigration() {
    List<String> lines = out().lines().toList();
    if (lines.isEmpty()) return null;
    String last = lines.get(lines.size() - 1);
    if (!last.startsWith("  Applying ") || last.contains(" OK") || last.contains(" FAKED")) {
      return null;
    }
    return last.substring("  Applying ".length(), last.indexOf("..."));
  }

  /** How many migrations this run printed as applied. */
  long finishedCount() {
    return out().lines().filter(l -> l.startsWith("  Applying ") && l.contains(" OK")).count();
  }

  /** Copies of SQLite's native library under {@code work} but outside Cairn's cache. */
  static List<Path> leakedNativeLibraries(Path work) throws IOException {
    try (var files = Files.walk(work)) {
      return files.filter(f -> f.getFileName().toString().contains("libsqlitejdbc"))
          .filter(f -> !f.startsWith(work.resolve("cache"))).toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override public String toString() {
    return "--- out ---\n" + out() + "--- err ---\n" + err();
  }
}
