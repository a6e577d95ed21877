package dev.cairn.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.files.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigReaderTest {
  private static final Path FILE = Path.of("project/cairn.yaml");

  private final ConfigReader reader = new ConfigReader();

  @TempDir Path dir;

  @Test void theDesignExampleReads() {
    ProjectConfig c = read("""
        database: jdbc:sqlite:db.sqlite3        # overridden by --database or CAIRN_DATABASE_URL
        apps:
          shop:
            models: models/shop.yaml            # or  jpa:com.example.shop
            migrations: migrations/shop         # default: migrations/<app>
        """);
    assertThat(c.database()).isEqualTo("jdbc:sqlite:db.sqlite3");
    AppConfig shop = c.app("shop").orElseThrow();
    assertThat(shop.models()).isEqualTo("models/shop.yaml");
    assertThat(shop.modelsFile()).isEqualTo(Path.of("project/models/shop.yaml"));
    assertThat(shop.migrations()).isEqualTo(Path.of("project/migrations/shop"));
    assertThat(c.root()).isEqualTo(Path.of("project"));
  }

  @Test void appsKeepTheirOrderAndMigrationsDefaultToMigrationsSlashLabel() {
    ProjectConfig c = read("apps:\n  shop:\n  billing:\n    models: jpa:com.example.billing\n  auth: {}\n");
    assertThat(c.apps().keySet()).containsExactly("shop", "billing", "auth");
    assertThat(c.app("shop").orElseThrow().migrations()).isEqualTo(Path.of("project/migrations/shop"));
    AppConfig billing = c.app("billing").orElseThrow();
    assertThat(billing.hasJpaModels()).isTrue();
    assertThat(billing.jpaPackage()).isEqualTo("com.example.billing");
    assertThat(billing.modelsFile()).isNull();
    assertThat(c.database()).isNull();
  }

  @Test void pathsAreRelativeToTheFolderHoldingTheFile() throws Exception {
    Path file = dir.resolve("cairn.yaml");
    Files.writeString(file, "apps:\n  shop:\n    migrations: ../elsewhere/shop\n");
    ProjectConfig c = reader.read(file);
    assertThat(c.app("shop").orElseThrow().migrations()).isEqualTo(dir.getParent().resolve("elsewhere/shop"));
    assertThat(c.file()).isEqualTo(file);
  }

  @Test void aFileInTheCurrentFolderGivesRelativePaths() {
    ProjectConfig c = reader.read("apps:\n  shop:\n", Path.of("cairn.yaml"));
    assertThat(c.app("shop").orElseThrow().migrations()).isEqualTo(Path.of("migrations/shop"));
  }

  @Test void unknownTopLevelKeySuggestsTheKnownOne() {
    assertError("databse: jdbc:h2:mem:x\napps: {}\n", 1, "unknown key 'databse'",
        "did you mean 'database'?");
  }

  @Test void unknownAppKeySuggestsTheKnownOne() {
    assertError("apps:\n  shop:\n    migration: db/shop\n", 3, "unknown key 'migration' in app 'shop'",
        "did you mean 'migrations'?");
  }

  @Test void appLabelsMustBeIdentifiers() {
    assertError("apps:\n  shop:\n  Shop-Two: {}\n", 3, "app label 'Shop-Two' is not an identifier",
        "use lower-case letters, digits and _, not starting with a digit");
  }

  @Test void twoAppsMayNotShareAMigrationsFolder() {
    assertError("apps:\n  shop:\n  store:\n    migrations: migrations/shop\n", 3,
        "apps 'shop' and 'store' share the migrations folder project/migrations/shop",
        "give each app its own folder");
  }

  @Test void missingAppsIsAnError() {
    assertError("database: jdbc:h2:mem:x\n", 1, "missing 'apps'",
        "list the apps, e.g. 'apps:' then '  shop:' then '    models: models/shop.yaml'");
  }

  @Test void wrongValueTypesSayWhatWasExpected() {
    assertError("apps:\n  shop:\n    models: [a, b]\n", 3,
        "'models' of app 'shop' must be a string, not a list", null);
    assertError("apps: [shop]\n", 1, "'apps' must be a mapping, not a list",
        "write 'key: value' pairs, indented, or {key: value}");
  }

  @Test void badYamlIsAConfigExceptionWithTheLine() {
    var e = error("apps:\n  shop: {models: x\n");
    assertThat(e).isInstanceOf(InputException.class);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.getMessage()).startsWith("project/cairn.yaml:2: invalid YAML: ");
  }

  @Test void aMissingFileIsAConfigException() {
    var e = catchThrowableOfType(ConfigException.class, () -> reader.read(dir.resolve("cairn.yaml")));
    assertThat(e.line()).isZero();
    assertThat(e.hint()).isEqualTo("run cairn in the folder holding cairn.yaml, or create one");
  }

  private ProjectConfig read(String text) {
    return reader.read(text, FILE);
  }

  private ConfigException error(String text) {
    var e = catchThrowableOfType(ConfigException.class, () -> read(text));
    assertThat(e).as("expected an error reading:\n" + text).isNotNull();
    return e;
  }

  private void assertError(String text, int line, String problem, String hint) {
    var e = error(text);
    assertThat(e.problem()).isEqualTo(problem);
    assertThat(e.hint()).isEqualTo(hint);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.path()).isEqualTo(FILE);
  }
}
