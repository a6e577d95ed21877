package dev.cairn.models;

import dev.cairn.state.ProjectState;

/** What the models say the schema should be: the target state that makemigrations moves towards. */
public interface ModelSource {
  /**
   * The models of every app this source covers, with Django's defaults applied and every relation
   * pointing at {@code app.Model}.
   *
   * @throws dev.cairn.files.InputException when the models cannot be read, naming the file and line
   */
  ProjectState load();
}
