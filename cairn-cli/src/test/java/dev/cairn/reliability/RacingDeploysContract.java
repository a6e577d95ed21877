package dev.cairn.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Racing deploys: several {@code migrate} processes start at once on one database, as application
 * instances do. The lock and the history read under it make each migration run exactly once, and
 * a run killed while holding the lock leaves nothing behind. One subclass per database and count.
 */
abstract class RacingDeploysContract {
  @TempDir Path folder;

  abstract ReliabilityDatabase database();

  abstract int processes();

  abstract int rounds();

  @Test void racingMigratesApplyEveryMigrationExactlyOnce() throws Exception {
    ReliabilityDatabase db = database();
    LoadProject project = LoadProject.write(folder.resolve("project"), db.flavour(), 30, 100);
    Boundary boundary = new Boundary(folder.resolve("project"));
    Path work = folder.resolve("work");
    long seed = Report.seed();
    Random random = new Random(seed);
    int applyingRuns = 0;
    for (int round = 1; round <= rounds(); round++) {
      String url = db.emptyDatabase(work);
      List<ChildMigrate> children = new ArrayList<>();
      for (int p = 0; p < processes(); p++) {
        // Every other round staggers the starts, so that some arrive in the middle of a run.
        if (round % 2 == 0) Thread.sleep(random.nextInt(300));
        children.add(ChildMigrate.start(project.config(), url, work, "r" + round + "p" + p));
      }
      long printedApplied = 0;
      for (ChildMigrate child : children) {
        assertThat(child.exitCode()).as("round %d\n%s", round, child).isZero();
        printedApplied += child.finishedCount();
        if (child.finishedCount() > 0) applyingRuns++;
      }
      assertThat(printedApplied).as("round %d: migrations applied, over all processes", round)
          .isEqualTo(boundary.total());
      assertThat(boundary.check(url)).isEqualTo(boundary.total());
      db.assertNoLockLeft(url);
    }
    Report.write("race-" + db.flavour().name().toLowerCase() + "-" + processes() + "x" + rounds(),
        String.format("racing deploys on %s (seed %d): %d rounds of %d processes on a"
            + " %d-migration project; all exited 0, every migration applied once; processes that"
            + " applied anything: %d of %d", db.flavour().name().toLowerCase(), seed, rounds(),
            processes(), boundary.total(), applyingRuns, rounds() * processes()));
  }

  @Test void aMigrateKilledWhileHoldingTheLockLeavesNoneBehind() throws Exception {
    ReliabilityDatabase db = database();
    // Long enough that the others are queued on the lock before the holder is done.
    LoadProject project = LoadProject.write(folder.resolve("project"), db.flavour(), 100,
        db.flavour() == LoadProject.Flavour.SQLITE ? 200 : 1000, db.gateOperation());
    Boundary boundary = new Boundary(folder.resolve("project"));
    Path work = folder.resolve("work");
    int killedWhileOthersWaited = 0;
    for (int round = 1; round <= rounds(); round++) {
      String url = db.emptyDatabase(work);
      List<ChildMigrate> waiters = new ArrayList<>();
      try (AutoCloseable gate = db.holdGate(url)) {
        ChildMigrate holder = ChildMigrate.start(project.config(), url, work, "holder" + round);
        while (holder.isAlive() && !holder.out().contains("  Applying ")) Thread.sleep(10);
        for (int p = 1; p < processes(); p++) {
          waiters.add(ChildMigrate.start(project.config(), url, work, "r" + round + "w" + p));
        }
        if (db.awaitWaiters(url, waiters.size(), holder)) killedWhileOthersWaited++;
        holder.kill();
      }
      for (ChildMigrate waiter : waiters) {
        assertThat(waiter.exitCode()).as("round %d, after the holder was killed\n%s", round, waiter)
            .isZero();
      }
      assertThat(boundary.check(url)).isEqualTo(boundary.total());
      db.assertNoLockLeft(url);
    }
    Report.write("race-kill-" + db.flavour().name().toLowerCase() + "-" + processes() + "x"
        + rounds(), String.format("lock holder killed on %s: %d rounds, %d processes each; the"
        + " holder was killed while all %d others waited for its lock in %d rounds; every waiter"
        + " exited 0 and every migration was applied once", db.flavour().name().toLowerCase(),
        rounds(), processes(), processes() - 1, killedWhileOthersWaited));
    assertThat(killedWhileOthersWaited).as("rounds where the others really waited").isPositive();
  }
}
