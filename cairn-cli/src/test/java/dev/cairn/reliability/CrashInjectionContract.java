package dev.cairn.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.connect.Database;
import dev.cairn.history.MigrationProgress;
import dev.cairn.schema.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash injection: {@code migrate} over a project that takes a while, killed with SIGKILL at a
 * random moment, again and again. Odd runs start on an empty database, which migrate applies in
 * one transaction, and are killed at any moment of the process's life: nothing or everything is
 * recorded. Even runs start with the first migration applied, so that each later one commits on
 * its own, and are killed at any moment once they have started migrating: at most the migration
 * they were in is recorded. After each kill the database sits exactly at a migration boundary, no
 * lock is left, and the next {@code migrate} finishes. One subclass per database and count.
 */
abstract class CrashInjectionContract {
  @TempDir Path folder;

  abstract ReliabilityDatabase database();

  /** Killed runs; each starts from an empty database. */
  abstract int runs();

  int migrations() {
    return 80;
  }

  /** Rows per bulk insert: the work each insert and each later table copy does. */
  int rowsPerInsert() {
    return database().flavour() == LoadProject.Flavour.SQLITE ? 200 : 1000;
  }

  @Test void everyKilledMigrateLeavesTheDatabaseAtAMigrationBoundary() throws Exception {
    ReliabilityDatabase db = database();
    // Without transactional DDL a kill lands between statements of a migration: the test below.
    try (Database d = Database.open(db.emptyDatabase(folder.resolve("features")))) {
      assumeTrue(d.dialect().features().has(Feature.TRANSACTIONAL_DDL),
          () -> d.dialect().name() + " commits each DDL statement: no migration boundary to keep");
    }
    LoadProject project = LoadProject.write(folder.resolve("project"), db.flavour(), migrations(),
        rowsPerInsert());
    Boundary boundary = new Boundary(folder.resolve("project"));
    Path work = folder.resolve("work");

    // Whole runs first: they must pass, and the length of the shorter (warm caches) spreads the
    // kills over a run.
    long wholeMillis = Long.MAX_VALUE;
    String url;
    for (int i = 1; i <= 2; i++) {
      url = db.emptyDatabase(work);
      long start = System.nanoTime();
      ChildMigrate whole = ChildMigrate.start(project.config(), url, work, "whole" + i);
      assertThat(whole.exitCode()).as("%s", whole).isZero();
      wholeMillis = Math.min(wholeMillis, (System.nanoTime() - start) / 1_000_000);
      assertThat(boundary.check(url)).isEqualTo(boundary.total());
    }

    long seed = Report.seed();
    Random random = new Random(seed);
    int beforeFirst = 0, inside = 0, committedBeforeTheEnd = 0, between = 0, endedFirst = 0;
    List<String> failures = new ArrayList<>();
    for (int run = 1; run <= runs(); run++) {
      url = db.emptyDatabase(work);
      boolean oneTransaction = run % 2 == 1;
      int seeded = 0;
      if (!oneTransaction) {
        ChildMigrate first = ChildMigrate.start(project.config(), url, work, "first" + run, "load",
            "0001");
        assertThat(first.exitCode()).as("%s", first).isZero();
        seeded = 1;
      }
      long started = System.nanoTime();
      ChildMigrate child = ChildMigrate.start(project.config(), url, work, "run" + run);
      if (oneTransaction) {
        Thread.sleep(random.nextLong(wholeMillis + 1)); // any moment of the process's life
      } else {
        // Any moment once it migrates: JVM start-up takes a good part of a run, and a kill
        // before the lock proves little.
        while (child.isAlive() && !child.out().contains("Running migrations:")) Thread.sleep(5);
        long startup = (System.nanoTime() - started) / 1_000_000;
        Thread.sleep(random.nextLong(Math.max(1, wholeMillis - startup)));
      }
      boolean ended = !child.isAlive();
      child.kill();
      try {
        db.assertNoLockLeft(url);
        int applied = boundary.check(url);
        String unfinished = child.unfinishedMigration();
        if (ended) {
          endedFirst++;
        } else if (unfinished != null) {
          inside++;
        } else if (child.finishedCount() == 0) {
          beforeFirst++;
        } else {
          between++;
        }
        if (!ended && oneTransaction) {
          // Killed after the one commit but before the process ended: all recorded.
          if (applied > 0) committedBeforeTheEnd++;
          assertThat(applied).as("recorded after a kill of a run in one transaction")
              .isIn(0, boundary.total());
        } else if (!ended && unfinished != null) {
          // Killed after the commit but before " OK" was printed: recorded, and that is fine.
          if (applied > seeded + child.finishedCount()) committedBeforeTheEnd++;
          assertThat(applied).as("recorded after a kill inside %s", unfinished)
              .isBetween(seeded + (int) child.finishedCount(),
                  seeded + (int) child.finishedCount() + 1);
        }
        nextMigrateFinishes(db, project, boundary, url, work, run);
      } catch (AssertionError e) {
        failures.add("run " + run + ": " + e.getMessage() + "\nkilled child:\n" + child);
      }
    }
    String suite = "crash-" + db.flavour().name().toLowerCase() + "-" + runs();
    Report.write(suite, String.format("crash injection on %s (seed %d): %d runs of a %d-migration"
        + " project (a whole run took %d ms); kills before the first migration %d, inside a"
        + " migration %d, between migrations %d, after the run ended %d; kills that came after a"
        + " commit and before the process could say so %d (odd runs apply all in one transaction,"
        + " even runs one transaction a migration); failures %d",
        db.flavour().name().toLowerCase(), seed, runs(), boundary.total(), wholeMillis,
        beforeFirst, inside, between, endedFirst, committedBeforeTheEnd,
        failures.size()));
    assertThat(failures).as("runs that broke an invariant").isEmpty();
    assertThat(ChildMigrate.leakedNativeLibraries(work)).as("native libraries left by killed runs")
        .isEmpty();
  }

  /**
   * The same project with every migration {@code atomic: false}, as every migration runs on a
   * database without transactional DDL: each run starts with the first migration applied and is
   * killed at any moment once it migrates. The migration it was in is left part-way with its
   * progress recorded (never a RunSQL run without it), and the next {@code migrate} goes on
   * from there and finishes, each RunSQL run once.
   */
  @Test void everyKilledMigrateOutsideTransactionsIsResumedByTheNext() throws Exception {
    ReliabilityDatabase db = database();
    Path root = folder.resolve("outside");
    LoadProject project = LoadProject.write(root, db.flavour(), migrations() / 4,
        rowsPerInsert());
    try (var files = Files.list(root.resolve("migrations/" + LoadProject.APP))) {
      for (Path file : files.toList()) {
        Files.writeString(file, "atomic: false\n" + Files.readString(file));
      }
    }
    Boundary boundary = new Boundary(root, db::isEngineLeftover);
    Path work = folder.resolve("work-outside");
    String url = db.emptyDatabase(work);
    long start = System.nanoTime();
    ChildMigrate whole = ChildMigrate.start(project.config(), url, work, "whole");
    assertThat(whole.exitCode()).as("%s", whole).isZero();
    long wholeMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(boundary.check(url)).isEqualTo(boundary.total());

    long seed = Report.seed();
    Random random = new Random(seed);
    int partial = 0, insideAnOperation = 0;
    List<String> failures = new ArrayList<>();
    for (int run = 1; run <= runs(); run++) {
      url = db.emptyDatabase(work);
      ChildMigrate first = ChildMigrate.start(project.config(), url, work, "first" + run, "load",
          "0001");
      assertThat(first.exitCode()).as("%s", first).isZero();
      long started = System.nanoTime();
      ChildMigrate child = ChildMigrate.start(project.config(), url, work, "run" + run);
      while (child.isAlive() && !child.out().contains("Running migrations:")) Thread.sleep(5);
      long startup = (System.nanoTime() - started) / 1_000_000;
      Thread.sleep(random.nextLong(Math.max(1, wholeMillis - startup)));
      child.kill();
      try {
        db.assertNoLockLeft(url);
        boundary.checkPartial(url);
        try (Database d = Database.open(url)) {
          var left = new MigrationProgress(d.connection(), d.dialect()).read().values();
          if (!left.isEmpty()) partial++;
          if (left.stream().anyMatch(p -> p.isInsideAnOperation())) insideAnOperation++;
        }
        nextMigrateFinishes(db, project, boundary, url, work, run);
      } catch (AssertionError e) {
        failures.add("run " + run + ": " + e.getMessage() + "\nkilled child:\n" + child);
      }
    }
    Report.write("crash-outside-" + db.flavour().name().toLowerCase() + "-" + runs(),
        String.format("crash injection outside transactions on %s (seed %d): %d runs of a"
            + " %d-migration project of atomic: false migrations (a whole run took %d ms); kills"
            + " that left a migration part-way %d, inside an operation %d; failures %d%s",
            db.flavour().name().toLowerCase(), seed, runs(), boundary.total(), wholeMillis,
            partial, insideAnOperation, failures.size(), boundary.leftoversSeen().isEmpty() ? ""
                : "; runs after which the engine left its own table behind (not compared): "
                    + boundary.leftoversSeen().size()));
    assertThat(failures).as("runs that broke an invariant").isEmpty();
  }

  /** The {@code migrate} after a kill exits 0 with every migration applied, once. */
  private static void nextMigrateFinishes(ReliabilityDatabase db, LoadProject project,
      Boundary boundary, String url, Path work, int run) throws Exception {
    ChildMigrate next = ChildMigrate.start(project.config(), url, work, "next" + run);
    assertThat(next.exitCode()).as("the migrate after the kill\n%s", next).isZero();
    db.assertNoLockLeft(url);
    assertThat(boundary.check(url)).isEqualTo(boundary.total());
  }
}
