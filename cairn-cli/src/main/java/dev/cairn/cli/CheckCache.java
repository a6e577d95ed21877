package dev.cairn.cli;

import dev.cairn.config.AppConfig;
import dev.cairn.config.ProjectConfig;
import dev.cairn.migration.MigrationLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The last answer of migrate's check for unmigrated changes, kept in Cairn's cache folder while
 * its inputs are the same: cairn.yaml, the models files and every migration file (name, size and
 * time of last change, as make and git tell a changed file), and the Cairn build. Looking at them
 * costs a few milliseconds; parsing them and replaying the history, which the check needs, costs
 * 40 ms of CPU on the example project and 400 ms on 1,000 migrations, that a no-op migrate would
 * otherwise pay on every deploy. Any failure to read or write the cache only means the check runs.
 */
final class CheckCache {
  private final Path file;
  private final String inputs;

  private CheckCache(Path file, String inputs) {
    this.file = file;
    this.inputs = inputs;
  }

  /** The cache entry of {@code config}'s project, with the digest of its inputs as they are now. */
  static CheckCache of(ProjectConfig config) throws IOException {
    if (config.file() == null) throw new IOException("a configuration from no file");
    MessageDigest project = sha256();
    project.update(config.file().toAbsolutePath().normalize().toString()
        .getBytes(StandardCharsets.UTF_8));
    Path file = SqliteNativeLibrary.cacheFolder().resolve("unmigrated-changes")
        .resolve(HexFormat.of().formatHex(project.digest(), 0, 12) + ".txt");
    return new CheckCache(file, digest(config));
  }

  /** The apps found last time, when the inputs have not changed since. */
  Optional<Set<String>> apps() {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.size() != 2 || !lines.get(0).equals(inputs)) return Optional.empty();
      Set<String> apps = new TreeSet<>();
      for (String app : lines.get(1).split(",")) if (!app.isEmpty()) apps.add(app);
      return Optional.of(apps);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Keeps {@code apps} as the answer for the inputs; silently nothing when it cannot. */
  void keep(Set<String> apps) {
    try {
      Files.createDirectories(file.getParent());
      // Another migrate may write at the same time: write aside, then rename into place.
      Path part = Files.createTempFile(file.getParent(), "part-", ".tmp");
      try {
        Files.writeString(part, inputs + "\n" + String.join(",", apps) + "\n",
            StandardCharsets.UTF_8);
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(part);
      }
    } catch (IOException | RuntimeException e) {
      // The check runs again next time.
    }
  }

  private static String digest(ProjectConfig config) throws IOException {
    MessageDigest d = sha256();
    update(d, Main.VERSION);
    update(d, build());
    update(d, "config " + stamp(config.file()));
    for (AppConfig app : config.apps().values()) {
      update(d, "app " + app.label());
      if (app.modelsFile() != null) update(d, "models " + stamp(app.modelsFile()));
      for (Path migration : MigrationLoader.files(app.migrations())) {
        update(d, "migration " + stamp(migration));
      }
    }
    return HexFormat.of().formatHex(d.digest());
  }

  /** A file's name, size and last change (in nanoseconds where the file system keeps them). */
  private static String stamp(Path file) throws IOException {
    if (!Files.exists(file)) return file + " missing";
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    return file + " " + a.size() + " " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
  }

  /** The jar (or class folder) this runs from and when it was built: a new build may decide anew. */
  private static String build() throws IOException {
    try {
      Path code = Path.of(CheckCache.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      return code + " " + Files.getLastModifiedTime(code).toMillis();
    } catch (java.net.URISyntaxException | RuntimeException e) {
      throw new IOException("cannot tell which build runs", e); // then nothing is cached
    }
  }

  private static void update(MessageDigest d, String text) {
    d.update((text + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
