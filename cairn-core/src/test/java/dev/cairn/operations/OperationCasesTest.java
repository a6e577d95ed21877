package dev.cairn.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The table of cases names every operation type Cairn has, so that a new one cannot go without a
 * forwards-and-backwards check on every dialect.
 */
final class OperationCasesTest {
  /** Their SQL needs the dialect's types and quotes, so RawOperationsContract tests them apart. */
  private static final Set<Class<?>> TESTED_APART = Set.of(RunSQL.class, RunJava.class);

  @Test void everyOperationTypeHasACase() throws Exception {
    Set<Class<?>> covered = new HashSet<>(TESTED_APART);
    for (OperationCase c : OperationCases.all()) collect(c.operation(), covered);
    assertThat(operationTypes()).hasSizeGreaterThan(15).allSatisfy(type ->
        assertThat(covered).as("a case in OperationCases for %s", type.getSimpleName())
            .contains(type));
  }

  private static void collect(Operation op, Set<Class<?>> covered) {
    covered.add(op.getClass());
    if (op instanceof SeparateDatabaseAndState s) {
      s.databaseOperations().forEach(inner -> collect(inner, covered));
    }
  }

  /** The concrete operations in the package of {@link Operation}, read from its class folder. */
  private static List<Class<?>> operationTypes() throws IOException, ClassNotFoundException {
    Path folder = Path.of(Operation.class.getProtectionDomain().getCodeSource().getLocation()
        .getPath()).resolve("dev/cairn/operations");
    List<Class<?>> types = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = file.getFileName().toString().replace(".class", "");
        if (name.contains("$")) continue;
        Class<?> type = Class.forName(Operation.class.getPackageName() + "." + name);
        if (Operation.class.isAssignableFrom(type) && !type.isInterface()) types.add(type);
      }
    }
    return types;
  }
}
