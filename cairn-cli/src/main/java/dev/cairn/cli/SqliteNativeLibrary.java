package dev.cairn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Unpacks SQLite's native library once per driver version into Cairn's cache folder and points
 * the driver at it. Left to itself, sqlite-jdbc unpacks a copy (about 1 MB) under a random name
 * into the temporary folder on every start and deletes it only on a clean exit: each killed
 * {@code migrate} (a crashed deploy, a container stopped with SIGKILL) leaked one, for good, since
 * its clean-up skips copies whose lock file is still there.
 */
final class SqliteNativeLibrary {
  private SqliteNativeLibrary() {}

  /**
   * Call before a process's first SQLite connection: the driver loads its library once, at the
   * first connection. Does nothing when the user chose a library, or the cache cannot be written.
   */
  static void useCachedCopy() {
    if (System.getProperty("org.sqlite.lib.path") != null) return;
    try {
      String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/"
          + LibraryLoaderUtil.getNativeLibName();
      Path folder = cacheFolder().resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion())
          .resolve(LibraryLoaderUtil.getNativeLibResourcePath().replaceFirst("^/org/sqlite/native/", ""));
      Path library = folder.resolve(LibraryLoaderUtil.getNativeLibName());
      if (!Files.isRegularFile(library)) {
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
          if (in == null) return; // no library for this platform in the jar: the driver decides
          Files.createDirectories(folder);
          // Another process may unpack at the same time: write aside, then rename into place.
          Path part = Files.createTempFile(folder, "part-", ".tmp");
          try {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, library, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
          } finally {
            Files.deleteIfExists(part);
          }
        }
      }
      System.setProperty("org.sqlite.lib.path", folder.toString());
      System.setProperty("org.sqlite.lib.name", library.getFileName().toString());
    } catch (IOException | RuntimeException | LinkageError e) {
      // The driver unpacks its own copy, as before.
    }
  }

  /** $XDG_CACHE_HOME/cairn, else ~/.cache/cairn. */
  static Path cacheFolder() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("cairn");
  }
}
