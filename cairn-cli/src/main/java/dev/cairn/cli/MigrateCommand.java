package dev.cairn.cli;

import dev.cairn.api.MigrateRequest;
import dev.cairn.api.Plan;
import dev.cairn.execute.MigrationListener;
import dev.cairn.execute.PlanStep;
import dev.cairn.execute.Target;
import dev.cairn.history.Progress;
import dev.cairn.migration.MigrationKey;
import dev.cairn.operations.Operation;
import dev.cairn.schema.LockWait;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "migrate",
    description = "Apply or unapply migrations, up to a target or all the way.")
final class MigrateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "<app>",
      description = "App label from cairn.yaml. Default: every app.")
  String app;

  @Parameters(index = "1", arity = "0..1", paramLabel = "<migration>",
      description = "Migration to stop at: its name, a unique prefix (0002), or zero to"
          + " unapply the app.")
  String migration;

  @Option(names = "--fake", description = "Record the migrations as applied (or unapplied) without running them.")
  boolean fake;

  @Option(names = "--fake-initial",
      description = "Record initial migrations as applied when their tables already exist.")
  boolean fakeInitial;

  @Option(names = "--plan", description = "Print what would run, and change nothing.")
  boolean plan;

  @Option(names = "--check", description = "Exit with 1 when migrations are unapplied; change nothing.")
  boolean check;

  @Option(names = "--ignore-checksums",
      description = "Go on even when applied migrations were edited after they ran.")
  boolean ignoreChecksums;

  @Option(names = "--merge",
      description = "Merge conflicting branches first (as makemigrations --merge), then migrate.")
  boolean merge;

  @Option(names = "--noinput", description = "Never ask a question (migrate asks none yet).")
  boolean noinput;

  @Option(names = "--lock-wait", paramLabel = "<duration>", defaultValue = "10m",
      converter = LockWaitConverter.class,
      description = "Wait this long for the migration lock while another migrate holds it, then"
          + " exit with 4 (30s, 10m, 1h; 0: do not wait). Default: ${DEFAULT-VALUE}.")
  LockWait lockWait;

  /** Reads {@code --lock-wait}; a bad value is a usage error naming the option. */
  static final class LockWaitConverter implements CommandLine.ITypeConverter<LockWait> {
    @Override public LockWait convert(String value) {
      try {
        return LockWait.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  @Override public Integer call() throws Exception {
    Project project = Project.load(common);
    PrintWriter out = spec.commandLine().getOut();
    // None, or one that cannot be meant: stop before --merge writes a file.
    project.checkDatabaseUrl(!(plan || check));
    if (merge) {
      for (var file : Merges.write(project.cairn(), Merges.find(project.cairn().merges(), out))) {
        out.println("  Wrote " + file);
      }
    }
    // Started first, to run while the database opens and the migrations apply.
    UnmigratedChanges unmigrated = plan || check ? null : UnmigratedChanges.start(project);
    List<Target> targets = app == null ? List.of() : List.of(new Target(app, migration));
    MigrateRequest request = new MigrateRequest(targets, fake, fakeInitial, ignoreChecksums);
    if (plan || check) {
      Plan planned = project.connecting().plan(request);
      warnMissing(spec.commandLine().getErr(), project, planned.missingFiles());
      if (plan) printPlan(out, planned.steps());
      out.flush();
      return check && !planned.isEmpty() ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }
    // The header is printed once every check has passed, holding the lock (Printer.planned).
    Printer printer = new Printer(out, spec.commandLine().getErr(), project,
        describeTargets(project));
    List<PlanStep> done;
    try {
      done = project.connecting(true, printer, lockWait).migrate(request);
    } catch (Exception e) {
      printer.failed();
      throw e;
    }
    if (done.isEmpty()) out.println("  No migrations to apply.");
    out.flush();
    unmigrated.warn(spec.commandLine().getErr());
    return ExitCodes.OK;
  }

  private String describeTargets(Project project) {
    if (app == null) {
      return "Apply all migrations: " + String.join(", ", project.config().apps().keySet());
    }
    if (migration == null) return "Apply all migrations: " + app;
    if (Target.ZERO.equals(migration)) return "Unapply all migrations: " + app;
    return "Target specific migration: " + migration + ", from " + app;
  }

  /** One warning per applied migration whose file is gone; migrate goes on without it. */
  static void warnMissing(PrintWriter err, Project project, List<MigrationKey> missing) {
    for (MigrationKey key : missing) {
      err.println("warning: applied migration " + key + " has no file ("
          + ShowMigrationsCommand.expectedFile(project, key) + "); migrate goes on without it,"
          + " but cannot unapply it.");
    }
    err.flush();
  }

  static void printPlan(PrintWriter out, List<PlanStep> steps) {
    out.println("Planned operations:");
    if (steps.isEmpty()) {
      out.println("  No planned migration operations.");
      return;
    }
    for (PlanStep step : steps) {
      List<Operation> ops = step.migration().operations();
      Progress p = step.progress();
      out.println((step.backwards() ? "Undo " : "") + step.migration().key() + (p == null ? ""
          : " (" + p.operations() + " of " + ops.size() + " operations applied; "
              + (step.backwards() ? "unapplies those)" : "resumes at operation "
              + (p.operations() + 1) + ")")));
      for (int i = 0; i < ops.size(); i++) {
        Operation op = ops.get(i);
        String skipped = p == null ? "" : step.backwards() && i >= p.operations()
            ? " (not applied)" : !step.backwards() && i < p.operations() ? " (applied)" : "";
        out.println("    " + op.describe() + (op.isReversible() ? "" : " -> IRREVERSIBLE")
            + skipped);
      }
    }
  }

  /** Prints progress as Django does: {@code Applying shop.0002_product_stock... OK (12 ms)}. */
  private static final class Printer implements MigrationListener {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Project project;
    private final String targets;
    private boolean midLine;

    Printer(PrintWriter out, PrintWriter err, Project project, String targets) {
      this.out = out;
      this.err = err;
      this.project = project;
      this.targets = targets;
    }

    @Override public void waitingForLock(String lock, LockWait upTo) {
      out.println("Waiting for " + lock + "; giving up after " + upTo + " (--lock-wait).");
      out.flush();
    }

    @Override public void missingFiles(List<MigrationKey> keys) {
      warnMissing(err, project, keys);
    }

    @Override public void planned(List<PlanStep> plan) {
      out.println("Operations to perform:");
      out.println("  " + targets);
      out.println("Running migrations:");
      out.flush();
    }

    /** Ends the line of a migration that did not finish, before the error goes to stderr. */
    void failed() {
      if (midLine) out.println(" FAILED");
      midLine = false;
      out.flush();
    }

    @Override public void started(PlanStep step) {
      out.print("  " + (step.backwards() ? "Unapplying " : "Applying ") + step.migration().key()
          + "...");
      midLine = true;
      out.flush();
    }

    @Override public void finished(PlanStep step, long millis, boolean faked) {
      out.println(faked ? " FAKED" : " OK (" + millis + " ms)");
      midLine = false;
      out.flush();
    }

    @Override public void recordedReplacement(MigrationKey key) {
      out.println("  Recorded squashed migration " + key + " as applied.");
      out.flush();
    }
  }
}
