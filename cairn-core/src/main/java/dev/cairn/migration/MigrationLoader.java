package dev.cairn.migration;

import dev.cairn.files.MigrationFileException;
import dev.cairn.files.MigrationReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads every app's migration folder. A file is a migration when its name ends in {@code .yaml} or
 * {@code .yml} in any case (both are YAML's, and {@code .YAML} is a YAML file too; skipping one
 * silently would leave a migration out) and does not
 * start with {@code _} or {@code .}, as Django skips {@code __init__.py}; a missing folder is an app
 * without migrations yet. One migration in both forms is refused, naming both files. Operations are read when first asked for (see {@link
 * dev.cairn.files.MigrationReader#readOperationsLater}).
 */
public final class MigrationLoader {
  private static final List<String> EXTENSIONS = List.of(".yaml", ".yml");

  private MigrationLoader() {}

  public static List<Migration> load(Map<String, Path> foldersByApp) {
    MigrationReader reader = new MigrationReader();
    List<Migration> migrations = new ArrayList<>();
    foldersByApp.forEach((app, folder) -> {
      for (Path file : files(folder)) migrations.add(reader.readOperationsLater(file, app));
    });
    return migrations;
  }

  public static List<Path> files(Path folder) {
    if (!Files.isDirectory(folder)) return List.of();
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(MigrationLoader::isMigrationFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
    Map<String, Path> byName = new HashMap<>();
    for (Path file : files) {
      Path other = byName.putIfAbsent(name(file), file);
      if (other != null) {
        throw new MigrationFileException(file, 0, "migration " + name(file) + " is written twice,"
            + " as " + other.getFileName() + " and " + file.getFileName(), "delete one of them");
      }
    }
    return files;
  }

  /** The migration's name: the file name without {@code .yaml} or {@code .yml}, in any case. */
  public static String name(Path file) {
    Path fileName = file.getFileName();
    String name = fileName == null ? file.toString() : fileName.toString();
    String lower = name.toLowerCase(Locale.ROOT);
    for (String extension : EXTENSIONS) {
      if (lower.endsWith(extension)) return name.substring(0, name.length() - extension.length());
    }
    return name;
  }

  private static boolean isMigrationFile(Path p) {
    String name = p.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(lower::endsWith) && !name.startsWith("_")
        && !name.startsWith(".") && Files.isRegularFile(p);
  }
}
