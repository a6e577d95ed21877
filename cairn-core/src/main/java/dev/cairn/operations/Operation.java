package dev.cairn.operations;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;

/**
 * One step of a migration. It knows how it changes the {@link ProjectState}, the SQL that takes
 * the database forwards, and the SQL that takes it back (or that it cannot). Nothing else needs to
 * know the list of operations.
 *
 * <p>{@code before} is the state without this operation, {@code after} the state with it, in
 * both directions.
 */
public interface Operation {
  /** The state once this operation has run, for models of {@code app}. */
  ProjectState stateForwards(String app, ProjectState before);

  void databaseForwards(SchemaEditor editor, String app, ProjectState before, ProjectState after)
      throws SQLException;

  void databaseBackwards(SchemaEditor editor, String app, ProjectState before, ProjectState after)
      throws SQLException;

  /** Whether {@link #databaseBackwards} can undo it; false for RunSQL without reverse_sql. */
  default boolean isReversible() {
    return true;
  }

  /** Whether squashing may drop it (RunSQL and RunJava that only touched data once). */
  default boolean isElidable() {
    return false;
  }

  /** One line for humans: {@code Add field stock to product}. */
  String describe();
}
