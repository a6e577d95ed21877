package dev.cairn.migration;

import dev.cairn.files.MigrationReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads every app's migration folder. A file is a migration when its name ends in {@code .yaml}
 * and does not start with {@code _} or {@code .}, as Django skips {@code __init__.py}; a missing
 * folder is an app without migrations yet. Operations are read when first asked for (see {@link
 * dev.cairn.files.MigrationReader#readOperationsLater}).
 */
public final class MigrationLoader {
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
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(MigrationLoader::isMigrationFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  private static boolean isMigrationFile(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".yaml") && !name.startsWith("_") && !name.startsWith(".")
        && Files.isRegularFile(p);
  }
}
