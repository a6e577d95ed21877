package dev.cairn.bench;

import dev.cairn.bench.Comparison.Part;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 4, point 3: (a) apply all and (b) no-op for several history lengths (default 100, 1,000
 * and 5,000 migrations over 100 models), each length measured as {@link CompareBenchmark} does;
 * prints how each tool's cost grows. Usage: {@code ScaleBenchmark <repo> <work-folder>
 * [lengths=100,1000,5000] [rounds=1] [models=100]} (run it through {@code bench/run-scale}).
 */
public final class ScaleBenchmark {
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]).toAbsolutePath();
    Path work = Path.of(args[1]).toAbsolutePath();
    List<Integer> lengths = new ArrayList<>();
    for (String n : (args.length > 2 ? args[2] : "100,1000,5000").split(",")) {
      lengths.add(Integer.parseInt(n.trim()));
    }
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    int models = args.length > 4 ? Integer.parseInt(args[4]) : 100;
    List<Part> parts = List.of(Part.APPLY, Part.NOOP);

    Server server = Server.POSTGRESQL;
    Environment env = Environment.read(server);
    List<Comparison> runs = new ArrayList<>();
    for (int i = 0; i < lengths.size(); i++) {
      int n = lengths.get(i);
      Path project = work.resolve("n" + n);
      CompareProject.write(project, models, n, server, server.dialect());
      Comparison c = new Comparison(server, root, Environment.jar(), project, n, parts,
          Environment.JVM_FLAGS);
      System.err.printf("N=%d%n", n);
      c.runWhole(rounds);
      c.runInProcess(rounds, i == 0); // one warm-up per JVM is enough
      runs.add(c);
    }
    System.out.printf("### Scale: M=%d models, N = %s migrations%n%n", models, lengths);
    System.out.print(env.markdown(rounds));
    for (Part part : parts) {
      System.out.print(table(part, lengths, runs));
    }
  }

  private static String table(Part part, List<Integer> lengths, List<Comparison> runs) {
    StringBuilder out = new StringBuilder("\n**").append(part.title).append("**, wall ms (whole"
        + " process / in process); last column: ms per extra migration, whole process, between"
        + " the two longest histories\n\n| tool |");
    StringBuilder rule = new StringBuilder("|---|");
    for (int n : lengths) {
      out.append(String.format(" N=%,d |", n));
      rule.append("---:|");
    }
    out.append(" x Cairn at N=").append(String.format("%,d", lengths.get(lengths.size() - 1)))
        .append(" | ms / migration |\n").append(rule).append("---:|---:|\n");
    for (String tool : runs.get(0).tools()) {
      if (!runs.get(0).supports(tool, part)) continue;
      out.append("| ").append(tool).append(" |");
      for (Comparison c : runs) {
        Long in = c.inProcessMedian(part, tool);
        out.append(' ').append(Comparison.fmt(c.wallMedian(part, tool)))
            .append(in == null ? "" : " / " + Comparison.fmt(in)).append(" |");
      }
      Comparison last = runs.get(runs.size() - 1);
      out.append(' ').append(Comparison.ratio(last.wallMedian(part, tool),
          last.wallMedian(part, "Cairn"))).append(" |");
      if (runs.size() > 1) {
        Comparison prev = runs.get(runs.size() - 2);
        int dn = lengths.get(lengths.size() - 1) - lengths.get(lengths.size() - 2);
        double slope = (last.wallMedian(part, tool) - prev.wallMedian(part, tool)) / (double) dn;
        out.append(String.format(" %.2f |", slope));
      } else {
        out.append(" |");
      }
      out.append('\n');
    }
    return out.toString();
  }
}
