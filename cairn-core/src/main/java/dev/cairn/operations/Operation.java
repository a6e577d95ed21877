package dev.cairn.operations;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.Name;
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

  /**
   * How this operation merges with {@code next}, the operation right after it (or after others
   * the optimizer moved it across), for models of {@code app}. By default nothing merges and
   * nothing may be optimized through: an operation that says less is never wrong, only slower.
   */
  default Reduction reduce(Operation next, String app) {
    return Reduction.none();
  }

  /**
   * Whether this operation creates, changes, deletes, renames or points at the model {@code
   * app.model}. Err towards true: a false yes only costs optimisation, but a false no lets the
   * optimizer move an operation across one it depends on, which can break a migration. Hence the
   * default, for RunSQL, RunJava and anything else opaque.
   */
  default boolean referencesModel(Name model, String app) {
    return true;
  }

  /**
   * Whether this operation touches or points at the field {@code field} of {@code app.model}.
   * Errs towards true, as {@link #referencesModel} does, which it defaults to.
   */
  default boolean referencesField(Name model, Name field, String app) {
    return referencesModel(model, app);
  }

  /** One line for humans: {@code Add field stock to product}. */
  String describe();
}
