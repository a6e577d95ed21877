package dev.cairn.operations;

import dev.cairn.schema.SchemaEditor;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.List;

/**
 * One step of a migration. It knows how it changes the {@link ProjectState}, the SQL that takes
 * the database forwards, and the SQL that takes it back (or that it cannot); how it is written
 * and read, named and merged. Nothing outside this package lists the operations: adding one means
 * a record here, a line in {@link Operations} and a name in {@code permits}.
 *
 * <p>{@code before} is the state without this operation, {@code after} the state with it, in
 * both directions.
 */
public sealed interface Operation permits AddConstraint, AddField, AddIndex, AlterField,
    AlterModelTable, CreateModel, DeleteModel, RemoveConstraint, RemoveField, RemoveIndex,
    RenameField, RenameIndex, RenameJoinTable, RenameModel, RunJava, RunSQL,
    SeparateDatabaseAndState {
  /**
   * Writes its arguments, leaving out those at their default, in the order {@link Operations}
   * lists them; its static {@code read} reads them back to an equal operation.
   */
  void writeArguments(ArgumentWriter out);

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

  /**
   * Whether it runs SQL or Java code someone wrote, which may read rows or expect values bound,
   * rather than schema statements Cairn makes. The executor batches only the latter.
   */
  default boolean runsUserCode() {
    return false;
  }

  /**
   * The models, fields, indexes and constraints it creates, alters, removes or renames (both
   * names), as the file says: the SQL of RunSQL and the code of RunJava are not looked into. Two
   * branches whose migrations change the same object are not merged.
   */
  default List<SchemaObject> changedObjects() {
    return List.of();
  }

  /**
   * The tables (as models) and columns (as fields) it creates in the database, which
   * {@code --fake-initial} looks for to tell that an initial migration already ran.
   */
  default List<SchemaObject> createdObjects() {
    return List.of();
  }

  /**
   * The models that exist under their name from this operation on in the state (created, or
   * renamed to): makemigrations makes a migration that needs one depend on the migration that
   * holds this operation.
   */
  default List<Name> introducedModels() {
    return List.of();
  }

  /** One line for humans: {@code Add field stock to product}. */
  String describe();

  /**
   * The part of a migration's suggested name it gives, Django's {@code migration_name_fragment}
   * ({@code product_stock}); {@code auto} when it has nothing to say.
   */
  default String nameFragment() {
    return "auto";
  }
}
