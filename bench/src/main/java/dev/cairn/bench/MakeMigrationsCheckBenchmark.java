package dev.cairn.bench;

import dev.cairn.autodetect.Autodetector;
import dev.cairn.autodetect.NoInputQuestioner;
import dev.cairn.files.MigrationWriter;
import dev.cairn.files.ModelsFileWriter;
import dev.cairn.graph.MigrationGraph;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationLoader;
import dev.cairn.models.ModelsFileSource;
import dev.cairn.state.ProjectState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code makemigrations --check} on a project of {@code models} models whose history has {@code
 * migrations} migrations, in process: read every migration file, build the graph, replay it, read
 * the models file and compare. Writes the project to a folder so that the whole command can be
 * timed too ({@code bench/run-makemigrations-check}). Usage: {@code MakeMigrationsCheckBenchmark
 * <folder> [models] [migrations] [runs]}.
 */
public final class MakeMigrationsCheckBenchmark {
  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args[0]);
    int models = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int migrations = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    writeProject(folder, models, migrations);

    Map<String, Path> folders = Map.of("shop", folder.resolve("migrations/shop"));
    Map<String, Path> modelFiles = Map.of("shop", folder.resolve("models/shop.yaml"));
    for (int i = 0; i < 5; i++) check(folders, modelFiles); // warm-up
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      int changes = check(folders, modelFiles);
      nanos[i] = System.nanoTime() - t0;
      if (changes != 0) throw new IllegalStateException("the generated project is not clean");
    }
    Arrays.sort(nanos);
    System.out.printf("makemigrations --check in process, %d models, %d migrations: median %.1f ms"
        + " over %d runs (read files + graph + replay + models file + compare)%n", models,
        migrations, nanos[runs / 2] / 1e6, runs);
  }

  private static int check(Map<String, Path> folders, Map<String, Path> modelFiles) {
    List<Migration> all = MigrationLoader.load(folders);
    ProjectState current = MigrationGraph.of(all).withReplacements(java.util.Set.of()).leafState();
    ProjectState target = new ModelsFileSource(modelFiles).load();
    return new Autodetector(current, target, List.of("shop"), new NoInputQuestioner()).detect().size();
  }

  static void writeProject(Path folder, int models, int migrations) throws IOException {
    Path migrationsDir = Files.createDirectories(folder.resolve("migrations/shop"));
    Files.createDirectories(folder.resolve("models"));
    List<Migration> history = HistoryGenerator.generate("shop", models, migrations);
    MigrationWriter writer = new MigrationWriter();
    for (Migration m : history) {
      Files.writeString(migrationsDir.resolve(m.name() + ".yaml"), writer.write(m));
    }
    ProjectState end = MigrationGraph.of(history).leafState();
    Files.writeString(folder.resolve("models/shop.yaml"),
        new ModelsFileWriter().write("shop", end.models()));
    Files.writeString(folder.resolve("cairn.yaml"), "database: \"jdbc:sqlite::memory:\"\napps:\n"
        + "  shop:\n    models: models/shop.yaml\n    migrations: migrations/shop\n");
  }
}
