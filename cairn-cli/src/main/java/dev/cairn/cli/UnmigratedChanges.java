package dev.cairn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's warning at the end of {@code migrate}: the apps whose models have changes that no
 * migration holds yet, found as {@code makemigrations --check} finds them. Only a warning, so a
 * model source that cannot be read is skipped (logged at debug level), never a failed migrate.
 *
 * <p>It runs on a thread of its own while migrate connects and applies: it reads the migration
 * files a second time, in full, which a no-op migrate otherwise avoids (see DESIGN.md, "Files are
 * read in two steps"). Its answer is kept ({@link CheckCache}) until a file it read changes, so
 * that a deploy whose files are as they were last time does not pay for it again.
 */
final class UnmigratedChanges {
  private static final Logger log = LoggerFactory.getLogger(UnmigratedChanges.class);

  private final FutureTask<Set<String>> task;

  private UnmigratedChanges(FutureTask<Set<String>> task) {
    this.task = task;
  }

  /** Starts looking for changes in the apps of {@code project} that have a model source. */
  static UnmigratedChanges start(Project project) {
    FutureTask<Set<String>> task = new FutureTask<>(() -> find(project));
    // A thread of its own, not the common pool: on two cores that pool has one thread, which
    // the migration reader of Project.openReadingMigrations must not wait behind.
    Thread thread = new Thread(task, "cairn-unmigrated-changes");
    thread.setDaemon(true);
    thread.start();
    return new UnmigratedChanges(task);
  }

  /** Prints Django's warning on {@code err} when some app has changes; else nothing. */
  void warn(PrintWriter err) {
    Set<String> apps;
    try {
      apps = task.get();
    } catch (Exception e) { // a bug in the check must not fail a migrate that succeeded
      log.debug("not checking the models for changes", e);
      return;
    }
    if (apps.isEmpty()) return;
    err.println("  Your models in app(s): " + apps.stream().map(a -> "'" + a + "'")
        .collect(Collectors.joining(", ")) + " have changes that are not yet reflected in a"
        + " migration, and so won't be applied.");
    err.println("  Run 'cairn makemigrations' to make new migrations, and then re-run 'cairn"
        + " migrate' to apply them.");
    err.flush();
  }

  /** The apps with changes, sorted; none when the models or migrations cannot be read. */
  static Set<String> find(Project project) {
    boolean anyModelsFile = project.config().apps().values().stream()
        .anyMatch(app -> app.models() != null && !app.hasJpaModels());
    if (!anyModelsFile) return Set.of();
    CheckCache cache = null;
    try {
      cache = CheckCache.of(project.config());
      Optional<Set<String>> known = cache.apps();
      if (known.isPresent()) return known.get();
    } catch (IOException | RuntimeException e) {
      log.debug("no cache for the check for unmigrated changes", e);
    }
    try {
      Set<String> apps = project.cairn().appsWithUnmigratedChanges();
      if (cache != null) cache.keep(apps);
      return apps;
    } catch (RuntimeException e) {
      log.debug("cannot read the models or migrations; no check for unmigrated changes", e);
      return Set.of();
    }
  }
}
