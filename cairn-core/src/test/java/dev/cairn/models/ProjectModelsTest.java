package dev.cairn.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.config.ConfigReader;
import dev.cairn.config.ProjectConfig;
import dev.cairn.state.ModelState;
import dev.cairn.state.ProjectState;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class ProjectModelsTest {
  private static final Path CAIRN_YAML = Path.of("project/cairn.yaml");
  private static final ProjectState MIGRATED = ProjectState.empty()
      .withModel(ModelState.of("shop", "Product", Map.of()));

  @Test void aJpaSourceIsRefusedAtItsLineUntilJpaSourcesExist() {
    ProjectConfig config = config("apps:\n  shop:\n    models: jpa:com.example.shop\n");
    ModelSourceException e = catchThrowableOfType(
        () -> ProjectModels.load(config, MIGRATED, Set.of("shop")), ModelSourceException.class);
    assertThat(e.path()).isEqualTo(CAIRN_YAML);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.problem()).contains("app 'shop'", "'jpa:com.example.shop'", "later release");
    assertThat(e.hint()).contains("models: models/shop.yaml");
  }

  @Test void anAppWithMigratedModelsAndNoSourceIsRefused() {
    ProjectConfig config = config("apps:\n  shop:\n");
    ModelSourceException e = catchThrowableOfType(
        () -> ProjectModels.load(config, MIGRATED, Set.of("shop")), ModelSourceException.class);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.problem()).startsWith("app 'shop' has no 'models' in cairn.yaml");
  }

  @Test void anAppWithoutSourceOutsideTheAppsAskedForIsNoError() {
    ProjectConfig config = config("apps:\n  shop:\n");
    assertThat(ProjectModels.load(config, MIGRATED, Set.of()).models()).isEmpty();
  }

  private static ProjectConfig config(String text) {
    return new ConfigReader().read(text, CAIRN_YAML);
  }
}
