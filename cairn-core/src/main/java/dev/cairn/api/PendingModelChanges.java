package dev.cairn.api;

import dev.cairn.autodetect.Autodetector;
import dev.cairn.autodetect.NeedsAnswer;
import dev.cairn.autodetect.NoInputQuestioner;
import dev.cairn.autodetect.RefusedChange;
import dev.cairn.config.AppConfig;
import dev.cairn.config.ProjectConfig;
import dev.cairn.graph.MigrationGraph;
import dev.cairn.migration.Migration;
import dev.cairn.models.ProjectModels;
import dev.cairn.state.ProjectState;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The apps whose models have changes that no migration holds, found as {@code makemigrations
 * --check} finds them; a question it would ask (a rename, a default) or a change it would refuse
 * counts as a change.
 */
final class PendingModelChanges {
  private PendingModelChanges() {}

  static Set<String> of(ProjectConfig config, List<Migration> migrations) {
    Set<String> scope = new LinkedHashSet<>();
    for (AppConfig app : config.apps().values()) {
      if (app.models() != null && !app.hasJpaModels()) scope.add(app.label());
    }
    if (scope.isEmpty()) return Set.of();
    ProjectState current = MigrationGraph.of(migrations).withReplacements(Set.of()).leafState();
    ProjectState target = ProjectModels.load(config, current, scope);
    try {
      return new TreeSet<>(detect(current, target, scope));
    } catch (NeedsAnswer | RefusedChange e) {
      Set<String> changed = new TreeSet<>();
      for (String app : scope) {
        try {
          if (!detect(current, target, Set.of(app)).isEmpty()) changed.add(app);
        } catch (NeedsAnswer | RefusedChange question) {
          changed.add(app);
        }
      }
      return changed;
    }
  }

  private static Set<String> detect(ProjectState current, ProjectState target, Set<String> apps) {
    return new Autodetector(current, target, apps, new NoInputQuestioner()).detect().keySet();
  }
}
