package dev.cairn.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One app of {@code cairn.yaml}: where its models come from and where its migrations live.
 * Immutable.
 *
 * @param models the model source as written ({@code models/shop.yaml} or {@code
 *     jpa:com.example.shop}), or {@code null} when none is given
 * @param modelsFile the models file resolved against the project folder; {@code null} for JPA or
 *     when there is none
 * @param migrations the migrations folder resolved against the project folder
 * @param modelsLine where an error about the app's models points: the line of {@code models:} in
 *     cairn.yaml, or of the app's label when it has none; 0 when not read from a file
 */
public record AppConfig(String label, String models, Path modelsFile, Path migrations,
    int modelsLine) {
  /** The prefix of a models source that names a JPA package instead of a file. */
  public static final String JPA_PREFIX = "jpa:";

  public AppConfig {
    requireNonNull(label, "label == null");
    requireNonNull(migrations, "migrations == null");
  }

  public AppConfig(String label, String models, Path modelsFile, Path migrations) {
    this(label, models, modelsFile, migrations, 0);
  }

  /** Whether the models are JPA entities in a package ({@code jpa:com.example.shop}). */
  public boolean hasJpaModels() {
    return models != null && models.startsWith(JPA_PREFIX);
  }

  /** The package after {@code jpa:}, or {@code null}. */
  public String jpaPackage() {
    return hasJpaModels() ? models.substring(JPA_PREFIX.length()) : null;
  }
}
