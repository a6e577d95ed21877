package dev.cairn.models;

import dev.cairn.config.AppConfig;
import dev.cairn.config.ProjectConfig;
import dev.cairn.state.ProjectState;
import java.util.Set;

/**
 * The models of a project, from the sources its cairn.yaml names, for the apps makemigrations
 * writes migrations for. A source that cannot give an app's models is an error, never "no models":
 * the autodetector would read that as "delete every table", so a lost or mistyped source must stop
 * the command instead of writing DeleteModel for each model its migrations hold.
 */
public final class ProjectModels {
  private ProjectModels() {}

  /**
   * @param migrated the state the migrations build, whose models an app's source must not drop by
   *     accident
   * @param apps the apps to make migrations for
   * @throws ModelSourceException for a JPA source (not built yet), or an app of {@code apps} with
   *     models in {@code migrated} and no source
   * @throws ModelsFileException for a models file that lists no models where {@code migrated} has
   *     some, unless it says {@code models: {}}
   */
  public static ProjectState load(ProjectConfig config, ProjectState migrated, Set<String> apps) {
    for (AppConfig app : config.apps().values()) {
      if (app.hasJpaModels()) {
        throw new ModelSourceException(config.file(), app.modelsLine(), "app '" + app.label()
            + "' takes its models from '" + app.models() + "', but reading JPA entities is not"
            + " built yet: it comes with a later release of Cairn",
            "describe the app's models in a models file for now: 'models: models/" + app.label()
            + ".yaml' (see DESIGN.md for its format)");
      }
      if (app.models() == null && apps.contains(app.label())
          && migrated.models().stream().anyMatch(m -> m.app().equals(app.label()))) {
        throw new ModelSourceException(config.file(), app.modelsLine(), "app '" + app.label()
            + "' has no 'models' in cairn.yaml, so there are no models to compare its migrations"
            + " with", "give it a models file: 'models: models/" + app.label() + ".yaml' under '"
            + app.label() + ":'");
      }
    }
    return ModelsFileSource.of(config).load(migrated, apps);
  }
}
