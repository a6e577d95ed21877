package dev.cairn.bench;

import dev.cairn.graph.MigrationGraph;
import dev.cairn.migration.Migration;
import dev.cairn.state.ProjectState;
import java.util.Arrays;
import java.util.List;

/**
 * How long building the graph and replaying a whole history into a {@link ProjectState} takes in
 * process: the cost every makemigrations, sqlmigrate and migrate pays before it touches a
 * database. Usage: {@code ReplayBenchmark [models] [migrations] [runs]}.
 */
public final class ReplayBenchmark {
  public static void main(String[] args) {
    int models = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int migrations = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    List<Migration> history = HistoryGenerator.generate("shop", models, migrations);

    long sink = 0;
    for (int i = 0; i < 20; i++) sink += replay(history).models().size(); // warm-up
    long[] graphNanos = new long[runs];
    long[] replayNanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      MigrationGraph graph = MigrationGraph.of(history);
      long t1 = System.nanoTime();
      ProjectState state = graph.leafState();
      long t2 = System.nanoTime();
      graphNanos[i] = t1 - t0;
      replayNanos[i] = t2 - t1;
      sink += state.models().size();
    }
    System.out.printf("history: %d models, %d migrations, %d runs (checksum %d)%n", models,
        migrations, runs, sink);
    System.out.printf("build graph: median %.2f ms%n", median(graphNanos) / 1e6);
    System.out.printf("replay into ProjectState: median %.2f ms (%.1f us per migration)%n",
        median(replayNanos) / 1e6, median(replayNanos) / 1e3 / migrations);
  }

  private static ProjectState replay(List<Migration> history) {
    return MigrationGraph.of(history).leafState();
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
