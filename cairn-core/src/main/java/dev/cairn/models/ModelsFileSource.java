package dev.cairn.models;

import static java.util.Objects.requireNonNull;

import dev.cairn.config.AppConfig;
import dev.cairn.config.ProjectConfig;
import dev.cairn.files.InputException;
import dev.cairn.files.YamlInput;
import dev.cairn.models.ModelsFile.Declared;
import dev.cairn.models.ModelsFile.Site;
import dev.cairn.state.Constraint;
import dev.cairn.state.Index;
import dev.cairn.state.ModelKey;
import dev.cairn.state.ModelState;
import dev.cairn.state.ProjectState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The models of the apps whose {@code cairn.yaml} entry names a models file ({@code
 * models/shop.yaml}), read together because relations cross apps. Django's defaults are applied: a
 * model without a primary key gets {@code id: {type: BigAutoField, primary_key: true}} first, and
 * {@code to: Category} inside app {@code shop} becomes {@code shop.Category}. Errors are {@link
 * ModelsFileException}s that name the file and line. Immutable.
 *
 * <p>Apps whose models are JPA entities ({@code jpa:com.example.shop}) come from the {@code base}
 * source: its models are loaded first and the files' relations may point at them, the way an
 * application's own models point at a library's.
 */
public final class ModelsFileSource implements ModelSource {
  private final Map<String, Path> files;
  private final ModelSource base;

  /** @param files each app label and its models file, in the order the models should come */
  public ModelsFileSource(Map<String, Path> files) {
    this(files, ProjectState::empty);
  }

  /** @param base the models of other apps, which the files may refer to */
  public ModelsFileSource(Map<String, Path> files, ModelSource base) {
    this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    this.base = requireNonNull(base, "base == null");
  }

  /** Every app of {@code config} with a models file; apps with JPA models or none are left out. */
  public static ModelsFileSource of(ProjectConfig config) {
    return of(config, ProjectState::empty);
  }

  /** As {@link #of(ProjectConfig)}, on top of {@code base}, which loads the JPA apps. */
  public static ModelsFileSource of(ProjectConfig config, ModelSource base) {
    Map<String, Path> files = new LinkedHashMap<>();
    for (AppConfig app : config.apps().values()) {
      if (app.modelsFile() != null) files.put(app.label(), app.modelsFile());
    }
    return new ModelsFileSource(files, base);
  }

  @Override public ProjectState load() {
    return load(ProjectState.empty(), java.util.Set.of());
  }

  /**
   * As {@link #load()}, refusing a file of one of {@code apps} that lists no models while {@code
   * migrated} (the state the app's migrations build) holds some: makemigrations would delete them
   * all. A file says that on purpose by writing {@code models: {}}; an empty {@code models:} (every
   * model commented out, a paste gone wrong) is taken for an accident.
   */
  public ProjectState load(ProjectState migrated, java.util.Set<String> apps) {
    ProjectState state = base.load();
    Map<ModelKey, ModelState> all = new LinkedHashMap<>();
    for (ModelState m : state.models()) all.put(m.key(), m);
    List<ModelsFile> read = new ArrayList<>();
    for (Map.Entry<String, Path> app : files.entrySet()) {
      ModelsFile file = ModelsFileReader.read(app.getValue(), app.getKey());
      if (state.models().stream().anyMatch(m -> m.app().equals(file.app()))) {
        throw file.in().error(file.appLine(), "app '" + file.app() + "' already has models from"
            + " another source", "give an app either a models file or JPA entities, not both");
      }
      if (apps.contains(file.app())) requireModelsOrSaysNone(file, migrated);
      for (Declared d : file.models()) all.put(d.model().key(), d.model());
      read.add(file);
    }
    References references = new References(all);
    Names names = new Names(state);
    for (ModelsFile file : read) {
      for (Declared d : file.models()) {
        ModelState model = resolve(references, file.in(), d);
        names.check(file.in(), d, model);
        state = state.withModel(model);
      }
    }
    return state;
  }

  private static void requireModelsOrSaysNone(ModelsFile file, ProjectState migrated) {
    if (!file.models().isEmpty() || file.saysNoModels()) return;
    List<String> held = migrated.models().stream().filter(m -> m.app().equals(file.app()))
        .map(m -> m.key().toString()).toList();
    if (held.isEmpty()) return;
    throw file.in().error(file.modelsLine(), "'models' lists no models, but the migrations of app '"
        + file.app() + "' hold " + String.join(", ", held) + ": makemigrations would delete them"
        + " all", "list the models under 'models:'; to delete every model of the app, write"
        + " 'models: {}'");
  }

  private static ModelState resolve(References references, YamlInput in, Declared d) {
    try {
      return references.resolve(in, d);
    } catch (InputException e) {
      throw e;
    } catch (RuntimeException e) { // a check the source missed: a bug, but still point at the model
      throw new ModelsFileException(in.path(), d.line(), "cannot read the models: " + e, null, e);
    }
  }

  /**
   * Names that must be unique in the whole project, as Django's checks require (models.E028,
   * E030, E032): tables of managed models, and index and constraint names, which share one
   * namespace in PostgreSQL. Case is ignored, so that no database tells two of them apart.
   */
  private static final class Names {
    private final Map<String, String> tables = new HashMap<>();
    private final Map<String, String> indexes = new HashMap<>();

    Names(ProjectState base) {
      for (ModelState m : base.models()) {
        if (m.managed()) tables.put(lower(m.table()), "model " + m.key());
        for (Index i : m.indexes()) indexes.put(lower(i.name()), "an index of " + m.key());
        for (Constraint c : m.constraints()) indexes.put(lower(c.name()), "a constraint of " + m.key());
      }
    }

    void check(YamlInput in, Declared d, ModelState model) {
      String at = " (" + in.path() + ":";
      if (model.managed()) {
        String other = tables.putIfAbsent(lower(model.table()), "model " + model.key() + at + d.line() + ")");
        if (other != null) {
          throw in.error(d.line(), "model " + model.key() + " has the table '" + model.table()
              + "', as " + other + " does", "give one of them another db_table");
        }
      }
      for (Site s : d.names()) {
        String article = s.kind().equals("index") ? "an " : "a ";
        String other = indexes.putIfAbsent(lower(s.name()),
            article + s.kind() + " of " + model.key() + at + s.line() + ")");
        if (other != null) {
          throw in.error(s.line(), s.kind() + " name '" + s.name() + "' of " + model.key()
              + " is already the name of " + other, "index and constraint names are unique in a"
              + " project; rename one");
        }
      }
    }

    private static String lower(String s) {
      return s.toLowerCase(Locale.ROOT);
    }
  }
}
