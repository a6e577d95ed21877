package dev.cairn.api;

import dev.cairn.autodetect.Autodetector;
import dev.cairn.autodetect.Change;
import dev.cairn.autodetect.MigrationMaker;
import dev.cairn.autodetect.Questioner;
import dev.cairn.config.AppConfig;
import dev.cairn.config.ProjectConfig;
import dev.cairn.graph.MigrationGraph;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.models.ProjectModels;
import dev.cairn.optimize.Optimizer;
import dev.cairn.state.ProjectState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code makemigrations} for some apps ({@link Cairn#makeMigrations}): the project's migrations
 * read, the apps checked. Nothing is written; {@link Cairn#write} writes what it makes.
 */
public final class MakeMigrations {
  private final ProjectConfig config;
  private final MigrationGraph graph;
  private final Set<MigrationKey> existing;
  private final Set<String> scope;
  private final String header;
  private final Function<Migration, Path> files;

  MakeMigrations(ProjectConfig config, List<Migration> migrations, Collection<String> apps,
      String header, Function<Migration, Path> files) {
    this.config = config;
    this.graph = MigrationGraph.of(migrations).withReplacements(Set.of());
    this.existing = new HashSet<>();
    migrations.forEach(m -> existing.add(m.key()));
    this.scope = scope(config, apps);
    this.header = header;
    this.files = files;
  }

  /** The apps named, else every app with a model source. */
  public Set<String> scope() {
    return scope;
  }

  /** A merge for each app of the scope with more than one leaf migration. */
  public List<Merge> merges() {
    return Merge.all(graph, scope, header, files);
  }

  /** @throws ConflictingMigrations if an app of the scope has several leaves */
  public void requireNoConflicts() {
    List<String> conflicts = new ArrayList<>();
    graph.conflicts().forEach((app, leaves) -> {
      if (scope.isEmpty() || scope.contains(app)) conflicts.add(String.join(", ", leaves) + " in " + app);
    });
    if (!conflicts.isEmpty()) {
      throw new ConflictingMigrations("conflicting migrations detected; several leaf"
          + " migrations in one app (" + String.join("; ", conflicts) + ").\n"
          + "  To fix them run 'cairn makemigrations --merge'.");
    }
  }

  /** An empty migration for each app of {@code apps}, to fill in by hand. */
  public List<NewMigration> empty(Collection<String> apps, String name) {
    requireNoConflicts();
    MigrationMaker maker = maker();
    List<NewMigration> made = new ArrayList<>();
    for (String app : apps) made.add(newMigration(maker.empty(app, name)));
    return made;
  }

  /**
   * The migrations for the changes between the migrations and the models of the scope; none when
   * nothing changed. Every app is compared, as Django does, so that a named app's migration can
   * bring the new migrations of other apps it needs; the rest are left for their own run.
   *
   * @param name the name asked for, or {@code null} to let Cairn suggest one
   * @param questioner answers renames and one-off defaults
   * @throws dev.cairn.autodetect.NeedsAnswer if a question has no answer
   * @throws dev.cairn.autodetect.RefusedChange if the models ask for what no migration can do
   */
  public List<NewMigration> changes(String name, Questioner questioner) {
    return changes(name, () -> questioner);
  }

  /**
   * As {@link #changes(String, Questioner)}, the questioner made once the models are read, so
   * that a broken models file is reported before a bad answer given up front, as the command
   * line always did.
   */
  public List<NewMigration> changes(String name, Supplier<? extends Questioner> questioner) {
    requireNoConflicts();
    ProjectState current = graph.leafState();
    ProjectState target = ProjectModels.load(config, current, scope);
    Map<String, List<Change>> changes =
        new Autodetector(current, target, appsWithModels(), questioner.get()).detect();
    if (changes.isEmpty()) return List.of();
    return MigrationMaker.onlyFor(maker().make(changes, name), scope).stream()
        .map(this::newMigration).toList();
  }

  private MigrationMaker maker() {
    return new MigrationMaker(graph, existing, header, new Optimizer()::optimize);
  }

  private NewMigration newMigration(Migration m) {
    return new NewMigration(m, files.apply(m));
  }

  private static Set<String> scope(ProjectConfig config, Collection<String> apps) {
    Set<String> scope = new LinkedHashSet<>();
    Map<String, AppConfig> configured = config.apps();
    for (String app : apps) {
      if (!configured.containsKey(app)) {
        throw new UnknownApp("no app '" + app + "' in "
            + (config.file() == null ? "the project" : config.file()) + "; apps: "
            + String.join(", ", configured.keySet()));
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
  private Set<String> appsWithModels() {
    Set<String> all = new LinkedHashSet<>(scope);
    config.apps().forEach((label, app) -> {
      if (app.models() != null) all.add(label);
    });
    return all;
  }
}
