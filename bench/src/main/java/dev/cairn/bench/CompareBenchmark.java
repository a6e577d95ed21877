package dev.cairn.bench;

import dev.cairn.bench.Comparison.Part;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 4, points 1 and 2, and issue 9 on MariaDB: Cairn, Flyway, Liquibase and the server's client
 * ({@code psql -1 -f}, {@code mariadb < all.sql}) on the same generated history, measured in one
 * run, interleaved, as whole processes and in process; prints markdown tables of medians and
 * ratios to Cairn. Usage: {@code CompareBenchmark <repo> <work-folder> [migrations=1000]
 * [rounds=5] [models=100] [parts=abcd] [postgresql|mariadb]} (run it through {@code
 * bench/run-compare}). With {@code -Dbench.baseline=<checkout>}, that checkout's {@code ./cairn}
 * runs in the same rounds as a further tool, to compare two builds of Cairn under the same load.
 */
public final class CompareBenchmark {
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]).toAbsolutePath();
    Path work = Path.of(args[1]).toAbsolutePath();
    int migrations = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    int models = args.length > 4 ? Integer.parseInt(args[4]) : 100;
    List<Part> parts = parts(args.length > 5 ? args[5] : "abcd");
    Server server = Server.named(args.length > 6 ? args[6] : "postgresql");

    Environment env = Environment.read(server);
    CompareProject.write(work, models, migrations, server, server.dialect());
    String baseline = System.getProperty("bench.baseline", "");
    Comparison c = new Comparison(server, root,
        baseline.isEmpty() ? null : Path.of(baseline).toAbsolutePath(), Environment.jar(), work,
        migrations, parts, Environment.JVM_FLAGS);
    System.err.printf("%d models, %d migrations, %d rounds%n", models, migrations, rounds);
    c.runWhole(rounds);
    c.runInProcess(rounds);
    System.out.printf("### Cairn, Flyway, Liquibase and %s: M=%d models, N=%d migrations%n%n",
        server.floor, models, migrations);
    System.out.print(env.markdown(rounds));
    System.out.print(c.markdown());
  }

  static List<Part> parts(String letters) {
    List<Part> parts = new ArrayList<>();
    for (char ch : letters.toCharArray()) parts.add(Part.values()[ch - 'a']);
    return parts;
  }
}
