package dev.cairn.cli;

import dev.cairn.autodetect.Answers;
import dev.cairn.autodetect.Autodetector;
import dev.cairn.autodetect.Change;
import dev.cairn.autodetect.MigrationMaker;
import dev.cairn.autodetect.NoInputQuestioner;
import dev.cairn.autodetect.Questioner;
import dev.cairn.autodetect.RefusedChange;
import dev.cairn.config.AppConfig;
import dev.cairn.files.MigrationWriter;
import dev.cairn.graph.MigrationGraph;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.models.ProjectModels;
import dev.cairn.operations.Operation;
import dev.cairn.optimize.Optimizer;
import dev.cairn.state.ProjectState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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
    List<Migration> migrations = project.migrations();
    MigrationGraph graph = MigrationGraph.of(migrations).withReplacements(Set.of());
    Set<MigrationKey> existing = new HashSet<>();
    migrations.forEach(m -> existing.add(m.key()));
    Set<String> scope = scope(project);
    String header = header();

    if (merge) return merge(project, graph, scope, header, out, log);
    requireNoConflicts(graph, scope);
    MigrationMaker maker = new MigrationMaker(graph, existing, header, new Optimizer()::optimize);

    if (empty) {
      if (apps.isEmpty()) {
        throw new CliException(ExitCodes.BAD_INPUT, "--empty needs the app(s) to write an empty"
            + " migration for: cairn makemigrations --empty shop");
      }
      List<Migration> written = new ArrayList<>();
      for (String app : apps) written.add(maker.empty(app, name));
      return emit(project, written, out, log);
    }

    ProjectState current = graph.leafState();
    ProjectState target = ProjectModels.load(project.config(), current, scope);
    // Every app is compared, as Django does, so that a named app's migration can bring the
    // new migrations of other apps it needs; the rest are left for their own run.
    Map<String, List<Change>> changes =
        detect(project, current, target, appsWithModels(project, scope), out);
    List<Migration> made = changes.isEmpty() ? List.of()
        : MigrationMaker.onlyFor(maker.make(changes, name), scope);
    if (made.isEmpty()) {
      log.println(scope.size() == 1 ? "No changes detected in app '" + scope.iterator().next() + "'"
          : "No changes detected");
      log.flush();
      return ExitCodes.OK;
    }
    if (check) {
      describe(project, made, log);
      log.flush();
      return ExitCodes.CHECK_FAILED;
    }
    return emit(project, made, out, log);
  }

  /** The changes; a refused one names the models file it is in. */
  private Map<String, List<Change>> detect(Project project, ProjectState current,
      ProjectState target, Set<String> scope, PrintWriter out) {
    try {
      return new Autodetector(current, target, scope, questioner(out)).detect();
    } catch (RefusedChange e) {
      AppConfig app = e.app() == null ? null : project.config().apps().get(e.app());
      if (app == null || app.modelsFile() == null) throw e;
      throw new CliException(ExitCodes.BAD_INPUT, relative(project, app.modelsFile()) + ": "
          + e.getMessage());
    }
  }

  /** The comment at the top of every file Cairn writes. */
  static String header() {
    return "# Generated by Cairn " + Main.VERSION + " on "
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
  }

  private int merge(Project project, MigrationGraph graph, Set<String> scope, String header,
      PrintWriter out, PrintWriter log) throws IOException {
    List<Migration> merges = Merges.find(graph, scope, header, log);
    if (merges.isEmpty()) {
      log.println("No conflicts detected to merge.");
      log.flush();
      return ExitCodes.OK;
    }
    if (check) return ExitCodes.CHECK_FAILED;
    return emit(project, merges, out, log);
  }

  /** Prints, and unless --dry-run writes, each new migration. */
  private int emit(Project project, List<Migration> made, PrintWriter out, PrintWriter log)
      throws IOException {
    MigrationWriter writer = new MigrationWriter();
    describe(project, made, log);
    for (Migration m : made) {
      Path file = project.migrationFile(m);
      String text = writer.write(m);
      if (dryRun) {
        log.println("--- " + relative(project, file));
        log.print(text);
        continue;
      }
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      if (scriptable) out.println(file);
    }
    out.flush();
    log.flush();
    return ExitCodes.OK;
  }

  private void describe(Project project, List<Migration> made, PrintWriter log) {
    Map<String, List<Migration>> byApp = new LinkedHashMap<>();
    made.forEach(m -> byApp.computeIfAbsent(m.app(), a -> new ArrayList<>()).add(m));
    byApp.forEach((app, list) -> {
      log.println("Migrations for '" + app + "':");
      for (Migration m : list) {
        log.println("  " + relative(project, project.migrationFile(m)));
        for (Operation op : m.operations()) log.println("    - " + op.describe());
      }
    });
  }

  private Set<String> scope(Project project) {
    Set<String> scope = new java.util.LinkedHashSet<>();
    Map<String, AppConfig> configured = project.config().apps();
    for (String app : apps) {
      if (!configured.containsKey(app)) {
        throw new CliException(ExitCodes.BAD_INPUT, "no app '" + app + "' in "
            + project.config().file() + "; apps: " + String.join(", ", configured.keySet()));
      }
      scope.add(app);
    }
    if (scope.isEmpty()) {
      configured.forEach((label, app) -> {
        if (app.models() != null) scope.add(label);
      });
    }
    return scope;
  }

  /** The apps whose models the source describes, and those asked for. */
  private static Set<String> appsWithModels(Project project, Set<String> scope) {
    Set<String> all = new java.util.LinkedHashSet<>(scope);
    project.config().apps().forEach((label, app) -> {
      if (app.models() != null) all.add(label);
    });
    return all;
  }

  private static void requireNoConflicts(MigrationGraph graph, Set<String> scope) {
    List<String> conflicts = new ArrayList<>();
    graph.conflicts().forEach((app, leaves) -> {
      if (scope.isEmpty() || scope.contains(app)) conflicts.add(String.join(", ", leaves) + " in " + app);
    });
    if (!conflicts.isEmpty()) {
      throw new CliException(ExitCodes.BAD_INPUT, "conflicting migrations detected; several leaf"
          + " migrations in one app (" + String.join("; ", conflicts) + ").\n"
          + "  To fix them run 'cairn makemigrations --merge'.");
    }
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

  private static String relative(Project project, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }
}
