package dev.cairn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs Cairn, Flyway, Liquibase and the server's client on one generated project, interleaved
 * (each round measures every tool before the next round starts, in an order that rotates), first
 * each tool as a whole process under {@code /usr/bin/time}, then the JVM tools in this process
 * through their Java APIs. Each tool gets a fresh database per round ({@code bench_<tool>}),
 * created and dropped outside the timings.
 */
final class Comparison {
  /** What is measured: (a) apply all, (b) no-op, (c) status, (d) roll back the last 10. */
  enum Part {
    APPLY("(a) apply all N to an empty database"),
    NOOP("(b) no-op, all applied"),
    STATUS("(c) status"),
    ROLLBACK("(d) roll back the last 10");

    final String title;

    Part(String title) {
      this.title = title;
    }
  }

  /** The tools that run on a JVM, measured in process too; the server's client runs follow. */
  static final List<String> JVM_TOOLS = List.of("Cairn", "Flyway", "Liquibase");
  /** Another build of Cairn (a checkout's {@code ./cairn}), whole process only, beside this one. */
  static final String BASELINE = "Cairn, baseline build";

  private final Server server;
  private final List<String> tools;
  private final Path root;
  /** The checkout of {@link #BASELINE}, or null when the run has none. */
  private final Path baseline;
  private final Path jar;
  private final Path project;
  private final int migrations;
  private final List<Part> parts;
  private final List<String> jvmFlags;

  /** Whole-process samples: part -> tool -> [wall ms, peak RSS KB] per round. */
  final Map<Part, Map<String, List<long[]>>> whole = new LinkedHashMap<>();
  /** In-process samples: part -> tool -> ms per round. */
  final Map<Part, Map<String, List<Long>>> inProcess = new LinkedHashMap<>();

  Comparison(Server server, Path root, Path jar, Path project, int migrations, List<Part> parts,
      List<String> jvmFlags) {
    this(server, root, null, jar, project, migrations, parts, jvmFlags);
  }

  /** @param baseline a checkout whose {@code ./cairn} runs beside this one's, or null */
  Comparison(Server server, Path root, Path baseline, Path jar, Path project, int migrations,
      List<Part> parts, List<String> jvmFlags) {
    this.server = server;
    List<String> all = new ArrayList<>(JVM_TOOLS);
    if (baseline != null) all.add(1, BASELINE);
    all.addAll(server.clientRuns);
    this.tools = List.copyOf(all);
    this.root = root;
    this.baseline = baseline;
    this.jar = jar;
    this.project = project;
    this.migrations = migrations;
    this.parts = parts;
    this.jvmFlags = jvmFlags;
  }

  /** Every tool in the order of the tables: the JVM tools, then the server's client runs. */
  List<String> tools() {
    return tools;
  }

  static String dbName(String tool) {
    if (tool.equals(Server.PSQL_EACH)) return "bench_psql_each";
    if (tool.equals(BASELINE)) return "bench_cairn_baseline";
    return "bench_" + tool.split(" ")[0].toLowerCase(java.util.Locale.ROOT);
  }

  private String url(String tool) {
    return server.url(dbName(tool));
  }

  private boolean isClient(String tool) {
    return server.clientRuns.contains(tool);
  }

  boolean supports(String tool, Part part) {
    if (isClient(tool)) return part == Part.APPLY;
    return part != Part.ROLLBACK || !tool.equals("Flyway");
  }

  private static List<String> rotated(List<String> tools, int round) {
    List<String> order = new ArrayList<>();
    for (int i = 0; i < tools.size(); i++) order.add(tools.get((i + round) % tools.size()));
    return order;
  }

  // ----- whole processes

  void runWhole(int rounds) throws Exception {
    for (int r = 0; r < rounds; r++) {
      for (String tool : tools) server.recreate(dbName(tool));
      prepare();
      for (Part part : parts) {
        for (String tool : rotated(tools, r)) {
          if (!supports(tool, part)) continue;
          long[] sample = time(command(tool, part),
              isClient(tool) ? server.clientInput(project) : null);
          whole.computeIfAbsent(part, p -> new LinkedHashMap<>())
              .computeIfAbsent(tool, t -> new ArrayList<>()).add(sample);
        }
      }
      System.err.printf("  whole processes: round %d of %d done%n", r + 1, rounds);
    }
    for (String tool : tools) server.drop(dbName(tool));
  }

  private List<String> command(String tool, Part part) {
    String url = url(tool);
    List<String> cmd = new ArrayList<>();
    switch (tool) {
      case "Cairn", BASELINE -> {
        cmd.add((tool.equals(BASELINE) ? baseline : root).resolve("cairn").toString());
        cmd.add(part == Part.STATUS ? "showmigrations" : "migrate");
        if (part == Part.ROLLBACK) {
          cmd.add(CompareProject.APP);
          cmd.add(CompareProject.nameBeforeLast(migrations, 10));
        }
        cmd.addAll(List.of("--config", project.resolve("cairn.yaml").toString(), "--database", url));
      }
      case "Flyway", "Liquibase" -> {
        cmd.add("java");
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-cp", jar.toString(), "dev.cairn.bench." + tool + "Main"));
        cmd.add(switch (part) {
          case APPLY, NOOP -> "migrate";
          case STATUS -> "status";
          case ROLLBACK -> "rollback10";
        });
        cmd.add(project.resolve(tool.equals("Flyway") ? "flyway" : "liquibase/changelog.sql")
            .toString());
        cmd.add(url);
      }
      default -> cmd.addAll(server.clientCommand(tool, dbName(tool), project));
    }
    return cmd;
  }

  /**
   * Runs a command under {@code /usr/bin/time -f "%e %M"}, with {@code input} (if not null) as its
   * standard input: wall time (ms) and peak RSS (KB).
   */
  private static long[] time(List<String> cmd, Path input) throws IOException, InterruptedException {
    Path times = Files.createTempFile("bench-time", ".txt");
    Path err = Files.createTempFile("bench-err", ".txt");
    try {
      List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o",
          times.toString()));
      full.addAll(cmd);
      ProcessBuilder builder = new ProcessBuilder(full)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
      if (input != null) builder.redirectInput(input.toFile());
      Process p = builder.start();
      int exit = p.waitFor();
      if (exit != 0) {
        throw new IllegalStateException("exit " + exit + " from " + String.join(" ", cmd) + "\n"
            + Files.readString(err));
      }
      String[] parts = Files.readString(times).trim().split("\\s+");
      return new long[] {Math.round(Double.parseDouble(parts[parts.length - 2]) * 1000),
          Long.parseLong(parts[parts.length - 1])};
    } finally {
      Files.deleteIfExists(times);
      Files.deleteIfExists(err);
    }
  }

  // ----- in process

  void runInProcess(int rounds) throws Exception {
    runInProcess(rounds, true);
  }

  /** @param warmUp run one round first that is not recorded (needed once per JVM) */
  void runInProcess(int rounds, boolean warmUp) throws Exception {
    List<Tool> tools = jvmTools();
    // Round 0 warms the JIT and loads every class; it is not recorded.
    for (int r = warmUp ? 0 : 1; r <= rounds; r++) {
      for (Tool tool : tools) server.recreate(dbName(tool.name()));
      prepare();
      for (Part part : parts) {
        for (int i = 0; i < tools.size(); i++) {
          Tool tool = tools.get((i + r) % tools.size());
          if (!supports(tool.name(), part)) continue;
          String url = url(tool.name());
          long t0 = System.nanoTime();
          switch (part) {
            case APPLY, NOOP -> tool.migrate(url);
            case STATUS -> tool.status(url);
            case ROLLBACK -> tool.rollback(url, 10);
          }
          long ms = (System.nanoTime() - t0) / 1_000_000;
          if (r > 0) {
            inProcess.computeIfAbsent(part, p -> new LinkedHashMap<>())
                .computeIfAbsent(tool.name(), t -> new ArrayList<>()).add(ms);
          }
        }
      }
      System.err.printf("  in process: round %d of %d done%s%n", r, rounds, r == 0 ? " (warm-up)" : "");
    }
    for (Tool tool : tools) server.drop(dbName(tool.name()));
  }

  /**
   * Without (a) in the run, (b) to (d) need every migration applied first: each JVM tool applies
   * them itself, in process and untimed.
   */
  private void prepare() throws Exception {
    if (parts.contains(Part.APPLY)) return;
    for (Tool tool : jvmTools()) tool.migrate(url(tool.name()));
    if (baseline != null) time(command(BASELINE, Part.APPLY), null);
  }

  private List<Tool> jvmTools() {
    return List.of(new CairnTool(project, migrations), new FlywayTool(project.resolve("flyway")),
        new LiquibaseTool(project.resolve("liquibase/changelog.sql")));
  }

  // ----- results

  static long median(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  Long wallMedian(Part part, String tool) {
    List<long[]> s = whole.getOrDefault(part, Map.of()).get(tool);
    return s == null ? null : median(s.stream().map(x -> x[0]).toList());
  }

  Long rssMedian(Part part, String tool) {
    List<long[]> s = whole.getOrDefault(part, Map.of()).get(tool);
    return s == null ? null : median(s.stream().map(x -> x[1]).toList());
  }

  Long inProcessMedian(Part part, String tool) {
    List<Long> s = inProcess.getOrDefault(part, Map.of()).get(tool);
    return s == null ? null : median(s);
  }

  /** One markdown table per part: medians and ratios to Cairn. */
  String markdown() {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      out.append("\n**").append(part.title).append("**\n\n");
      out.append("| tool | whole process: wall (ms) | x Cairn | peak RSS (MB) | in process (ms) | x Cairn |\n");
      out.append("|---|---:|---:|---:|---:|---:|\n");
      Long cairnWall = wallMedian(part, "Cairn");
      Long cairnIn = inProcessMedian(part, "Cairn");
      for (String tool : tools) {
        if (!supports(tool, part)) continue;
        Long wall = wallMedian(part, tool);
        Long rss = rssMedian(part, tool);
        Long in = inProcessMedian(part, tool);
        out.append("| ").append(tool).append(" | ").append(fmt(wall)).append(" | ")
            .append(ratio(wall, cairnWall)).append(" | ")
            .append(rss == null ? "" : String.valueOf(Math.round(rss / 1024.0))).append(" | ")
            .append(in == null ? "n/a" : fmt(in)).append(" | ")
            .append(ratio(in, cairnIn)).append(" |\n");
      }
    }
    return out.toString();
  }

  static String fmt(Long v) {
    return v == null ? "" : String.format("%,d", v);
  }

  static String ratio(Long v, Long cairn) {
    if (v == null || cairn == null || cairn == 0) return "";
    return String.format("%.2f", (double) v / cairn);
  }
}
