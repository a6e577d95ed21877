package dev.cairn.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A project's {@code cairn.yaml}: the database URL and the apps in file order. Paths are resolved
 * against {@link #root}, the folder holding the file. Immutable; read one with {@link
 * ConfigReader}.
 *
 * @param file the {@code cairn.yaml} read, or {@code null} for one built in memory
 * @param database the JDBC URL, or {@code null}; {@code --database} and {@code CAIRN_DATABASE_URL}
 *     override it
 */
public record ProjectConfig(Path file, Path root, String database, Map<String, AppConfig> apps) {
  public ProjectConfig {
    requireNonNull(root, "root == null");
    apps = Collections.unmodifiableMap(new LinkedHashMap<>(apps));
  }

  public Optional<AppConfig> app(String label) {
    return Optional.ofNullable(apps.get(label));
  }
}
