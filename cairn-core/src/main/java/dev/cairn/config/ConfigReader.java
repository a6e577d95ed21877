package dev.cairn.config;

import static java.util.Objects.requireNonNull;

import dev.cairn.files.FileText;
import dev.cairn.files.InputException;
import dev.cairn.files.YamlInput;
import dev.cairn.files.YamlNode;
import dev.cairn.files.YamlNode.Entry;
import dev.cairn.files.YamlNode.Mapping;
import dev.cairn.files.YamlNode.Scalar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads {@code cairn.yaml}, rejecting what it does not understand with a {@link ConfigException}. */
public final class ConfigReader {
  private static final List<String> TOP_LEVEL_KEYS = List.of("database", "apps");
  private static final List<String> APP_KEYS = List.of("models", "migrations");
  /** App labels become table-name prefixes and Java-like names, as Django's do. */
  private static final Pattern LABEL = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final String EXAMPLE = "e.g. 'apps:' then '  shop:' then '    models: models/shop.yaml'";

  public ProjectConfig read(Path file) {
    return read(FileText.read(file, ConfigException::new,
        "run cairn in the folder holding cairn.yaml, or create one").text(), file);
  }

  /** Reads the text as if from {@code file}, whose folder the paths in it are relative to. */
  public ProjectConfig read(String text, Path file) {
    requireNonNull(file, "file == null");
    YamlInput in = new YamlInput(file, ConfigException::new);
    Path root = file.getParent() != null ? file.getParent() : Path.of("");
    try {
      return config(in, in.parse(text), file, root);
    } catch (InputException e) {
      throw e;
    } catch (RuntimeException e) { // a check the reader missed: a bug, but still point at the file
      throw new ConfigException(file, 0, "cannot read the configuration: " + e, null, e);
    }
  }

  private static ProjectConfig config(YamlInput in, YamlNode node, Path file, Path root) {
    if (node == null) throw in.error(1, "cairn.yaml is empty", "list the apps, " + EXAMPLE);
    Mapping m = in.mapping(node, "cairn.yaml");
    in.checkKeys(m, TOP_LEVEL_KEYS, "key", null);
    String database = null;
    // An empty value is kept as "", not read as absent: only a command that needs the database
    // reports it (makemigrations needs none), and then as empty, not as never given.
    if (m.has("database")) {
      database = m.get("database") instanceof Scalar s && s.isNull()
          ? "" : in.string(m.get("database"), "'database'").strip();
    }
    if (!m.has("apps")) throw in.error(m, "missing 'apps'", "list the apps, " + EXAMPLE);
    Map<String, AppConfig> apps = new LinkedHashMap<>();
    YamlNode appsNode = m.get("apps");
    if (appsNode instanceof Scalar s && s.isNull()) return new ProjectConfig(file, root, database, apps);
    Map<Path, String> folders = new HashMap<>();
    for (Entry e : in.mapping(appsNode, "'apps'").entries().values()) {
      AppConfig app = app(in, e, root);
      String other = folders.putIfAbsent(app.migrations().normalize(), app.label());
      if (other != null) {
        throw in.error(e.line(), "apps '" + other + "' and '" + app.label()
            + "' share the migrations folder " + app.migrations(), "give each app its own folder");
      }
      apps.put(app.label(), app);
    }
    return new ProjectConfig(file, root, database, apps);
  }

  private static AppConfig app(YamlInput in, Entry e, Path root) {
    String label = e.key();
    if (!LABEL.matcher(label).matches()) {
      throw in.error(e.line(), "app label '" + label + "' is not an identifier",
          "use lower-case letters, digits and _, not starting with a digit");
    }
    String where = "app '" + label + "'";
    String models = null;
    String migrations = "migrations/" + label;
    int modelsLine = e.line();
    if (!(e.value() instanceof Scalar s && s.isNull())) {
      Mapping m = in.mapping(e.value(), where);
      in.checkKeys(m, APP_KEYS, "key", where);
      if (m.has("models")) {
        models = in.name(m.get("models"), "'models' of " + where);
        modelsLine = m.entries().get("models").line();
      }
      if (m.has("migrations")) migrations = in.name(m.get("migrations"), "'migrations' of " + where);
    }
    Path modelsFile = models == null || models.startsWith(AppConfig.JPA_PREFIX)
        ? null : path(in, root, models, e, "models", where);
    Path folder = path(in, root, migrations, e, "migrations", where);
    // A missing folder is an app with no migrations yet; a file there could never hold them.
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      YamlNode node = e.value() instanceof Mapping m && m.has("migrations") ? m.get("migrations") : null;
      throw in.error(node != null ? node.line() : e.line(), "'migrations' of " + where + " is a"
          + " file, not a folder: " + folder, "point it at a folder (it is made when the first"
          + " migration is written), e.g. 'migrations: migrations/" + label + "'");
    }
    return new AppConfig(label, models, modelsFile, folder, modelsLine);
  }

  /**
   * A path relative to the project folder; one the file system cannot name (a NUL, or a letter
   * the platform's file-name encoding lacks) is an error at its line.
   */
  private static Path path(YamlInput in, Path root, String path, Entry app, String key, String where) {
    try {
      return root.resolve(path).normalize();
    } catch (java.nio.file.InvalidPathException ex) {
      YamlNode node = app.value() instanceof Mapping m && m.has(key) ? m.get(key) : null;
      throw in.error(node != null ? node.line() : app.line(), "'" + key + "' of " + where
          + " is not a path this system can open (" + ex.getReason() + ")",
          "use plain letters, digits, '/', '.', '-' and '_'");
    }
  }
}
