package dev.cairn.cli;

import dev.cairn.api.MakeMigrations;
import dev.cairn.api.NewMigration;
import dev.cairn.autodetect.Answers;
import dev.cairn.autodetect.NoInputQuestioner;
import dev.cairn.autodetect.Questioner;
import dev.cairn.autodetect.RefusedChange;
import dev.cairn.config.AppConfig;
import dev.cairn.operations.Operation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "makemigrations",
    description = "Write new migrations for the changes in the models.")
final class MakeMigrationsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "<app>", arity = "0..*",
      description = "Apps to make migrations for. Default: every app with models.")
  List<String> apps = new ArrayList<>();

  @Option(names = {"-n", "--name"}, paramLabel = "<name>",
      description = "Name the new migration instead of letting Cairn suggest one.")
  String name;

  @Option(names = "--empty", description = "Write an empty migration, to fill in by hand.")
  boolean empty;

  @Option(names = "--dry-run", description = "Print the migrations that would be written; write nothing.")
  boolean dryRun;

  @Option(names = "--check", description = "Exit with 1 when model changes lack migrations; write nothing.")
  boolean check;

  @Option(names = "--merge", description = "Write a migration that merges conflicting branches.")
  boolean merge;

  @Option(names = {"--noinput", "--no-input"},
      description = "Never ask: stop with exit code 3 when a question needs an answer.")
  boolean noInput;

  @Option(names = "--scriptable",
      description = "Print only the paths of written files on stdout; everything else on stderr.")
  boolean scriptable;

  @Option(names = "--rename", paramLabel = "<old>=<new>",
      description = "Answer a rename question up front: product.title=product.name, or shop.Product=shop.Item.")
  List<String> renames = new ArrayList<>();

  @Option(names = "--no-rename", paramLabel = "<old>=<new>",
      description = "Say a rename candidate is a removal and an addition instead.")
  List<String> notRenames = new ArrayList<>();

  @Option(names = "--default", paramLabel = "<model.field>=<value>",
      description = "A one-off value for the rows of a field that is new, or becomes, NOT NULL:"
          + " product.sku=\"''\".")
  List<String> defaults = new ArrayList<>();

  @Override public Integer call() throws IOException {
    Project project = Project.load(common);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter log = scriptable ? spec.commandLine().getErr() : out;
    MakeMigrations make = project.cairn().makeMigrations(apps);

    if (merge) return merge(project, make, out, log);
    make.requireNoConflicts();

    if (empty) {
      if (apps.isEmpty()) {
        throw new CliException(ExitCodes.BAD_INPUT, "--empty needs the app(s) to write an empty"
            + " migration for: cairn makemigrations --empty shop");
      }
      return emit(project, make.empty(apps, name), out, log);
    }

    List<NewMigration> made = changes(project, make, out);
    if (made.isEmpty()) {
      Set<String> scope = make.scope();
      log.println(scope.size() == 1 ? "No changes detected in app '" + scope.iterator().next() + "'"
          : "No changes detected");
      log.flush();
      return ExitCodes.OK;
    }
    if (check) {
      describe(made, log);
      log.flush();
      return ExitCodes.CHECK_FAILED;
    }
    return emit(project, made, out, log);
  }

  /** The new migrations; a refused change names the models file it is in. */
  private List<NewMigration> changes(Project project, MakeMigrations make, PrintWriter out) {
    try {
      return make.changes(name, () -> questioner(out));
    } catch (RefusedChange e) {
      AppConfig app = e.app() == null ? null : project.config().apps().get(e.app());
      if (app == null || app.modelsFile() == null) throw e;
      throw new CliException(ExitCodes.BAD_INPUT, relative(app.modelsFile()) + ": "
          + e.getMessage());
    }
  }

  private int merge(Project project, MakeMigrations make, PrintWriter out, PrintWriter log)
      throws IOException {
    List<NewMigration> merges = Merges.find(make.merges(), log);
    if (merges.isEmpty()) {
      log.println("No conflicts detected to merge.");
      log.flush();
      return ExitCodes.OK;
    }
    if (check) return ExitCodes.CHECK_FAILED;
    return emit(project, merges, out, log);
  }

  /** Prints, and unless --dry-run writes, each new migration. */
  private int emit(Project project, List<NewMigration> made, PrintWriter out, PrintWriter log)
      throws IOException {
    describe(made, log);
    for (NewMigration m : made) {
      if (dryRun) {
        log.println("--- " + relative(m.file()));
        log.print(m.text());
        continue;
      }
      Path file = project.cairn().write(m);
      if (scriptable) out.println(file);
    }
    out.flush();
    log.flush();
    return ExitCodes.OK;
  }

  private void describe(List<NewMigration> made, PrintWriter log) {
    Map<String, List<NewMigration>> byApp = new LinkedHashMap<>();
    made.forEach(m -> byApp.computeIfAbsent(m.migration().app(), a -> new ArrayList<>()).add(m));
    byApp.forEach((app, list) -> {
      log.println("Migrations for '" + app + "':");
      for (NewMigration m : list) {
        log.println("  " + relative(m.file()));
        for (Operation op : m.migration().operations()) log.println("    - " + op.describe());
      }
    });
  }

  private Questioner questioner(PrintWriter out) {
    Questioner fallback = noInput ? new NoInputQuestioner()
        : new InteractiveQuestioner(new BufferedReader(new InputStreamReader(System.in,
            StandardCharsets.UTF_8)), scriptable ? spec.commandLine().getErr() : out);
    return new Answers(pairs(renames, "--rename"), notRenamed(), defaultValues(), fallback);
  }

  private static Map<String, String> pairs(List<String> values, String option) {
    Map<String, String> pairs = new HashMap<>();
    for (String v : values) {
      int eq = v.indexOf('=');
      if (eq <= 0 || !isRenamePair(v.substring(0, eq).trim(), v.substring(eq + 1).trim())) {
        throw new CliException(ExitCodes.BAD_INPUT, option + " '" + v + "' is not of the form"
            + " model.field=model.field or app.Model=app.Model, e.g. " + option
            + " product.title=product.name or " + option + " shop.Product=shop.Item");
      }
      String old = v.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String now = v.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
      String before = pairs.put(old, now);
      if (before != null && !before.equals(now)) {
        throw new CliException(ExitCodes.BAD_INPUT, option + " " + old + " is given twice, as "
            + old + "=" + before + " and " + old + "=" + now + "; give it once.");
      }
    }
    return pairs;
  }

  /**
   * {@code model.field} or {@code app.model.field}, or {@code app.Model}, on the left; the same
   * or a shorter tail (just the new name) on the right. A bare name cannot say what it renames.
   */
  private static boolean isRenamePair(String old, String now) {
    String[] left = old.split("\\.", -1);
    String[] right = now.split("\\.", -1);
    if (left.length < 2 || left.length > 3 || right.length > left.length) return false;
    for (String part : left) if (!part.matches("[^\\s.=]+")) return false;
    for (String part : right) if (!part.matches("[^\\s.=]+")) return false;
    return true;
  }

  private Set<String> notRenamed() {
    Set<String> set = new HashSet<>();
    pairs(notRenames, "--no-rename").forEach((a, b) -> set.add(a + "=" + b));
    return set;
  }

  private Map<String, Object> defaultValues() {
    Map<String, Object> values = new HashMap<>();
    for (String d : defaults) {
      int eq = d.indexOf('=');
      if (eq <= 0) {
        throw new CliException(ExitCodes.BAD_INPUT, "--default '" + d + "' is not of the form"
            + " model.field=value, e.g. --default product.sku=\"''\"");
      }
      try {
        values.put(d.substring(0, eq).trim().toLowerCase(Locale.ROOT),
            InteractiveQuestioner.parseValue(d.substring(eq + 1)));
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCodes.BAD_INPUT, "--default " + d + ": " + e.getMessage());
      }
    }
    return values;
  }

  private static String relative(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }
}
