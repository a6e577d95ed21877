package dev.cairn.models;

import dev.cairn.files.YamlInput;
import dev.cairn.files.YamlNode.Mapping;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import java.util.List;
import java.util.Map;

/**
 * One models file as written, before its references are resolved, with the lines that errors
 * about it point at. Immutable.
 *
 * @param in the file being read, which reports its errors
 * @param appLine the line of {@code app:}
 * @param modelsLine the line of {@code models:}
 * @param saysNoModels whether {@code models:} is written as an empty mapping, {@code models: {}}:
 *     the one way a file says on purpose that its app has no models (see {@link
 *     ModelsFileSource#load(ProjectState, java.util.Set)})
 */
record ModelsFile(String app, YamlInput in, int appLine, int modelsLine, boolean saysNoModels,
    List<Declared> models) {
  ModelsFile {
    models = List.copyOf(models);
  }

  /**
   * One model of the file.
   *
   * @param fieldNodes each field's mapping as written, to point at its {@code to} or {@code through}
   * @param names the model's indexes and constraints, where each is written
   */
  record Declared(ModelState model, int line, Map<Name, Mapping> fieldNodes, List<Site> names) {
    Declared {
      fieldNodes = Map.copyOf(fieldNodes);
      names = List.copyOf(names);
    }
  }

  /** An index or constraint name and the line it is on; {@code kind} is "index" or "constraint". */
  record Site(String name, String kind, int line) {}
}
