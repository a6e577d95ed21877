package dev.cairn.execute;

import dev.cairn.migration.Migration;
import dev.cairn.operations.Operation;
import dev.cairn.operations.SchemaObject;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.SchemaSnapshot;
import dev.cairn.state.Field;
import dev.cairn.state.ModelState;
import dev.cairn.state.ProjectState;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Decides {@code --fake-initial}, as Django does: an initial migration counts as applied when
 * every table it creates and every column it adds is already in the database.
 */
final class InitialMigrationCheck {
  private final Dialect dialect;
  private final Connection connection;

  InitialMigrationCheck(Dialect dialect, Connection connection) {
    this.dialect = dialect;
    this.connection = connection;
  }

  boolean isAlreadyThere(Migration m, ProjectState before) throws SQLException {
    if (!m.initial()) return false;
    SchemaSnapshot schema = dialect.introspect(connection);
    ProjectState state = before;
    boolean checkedSomething = false;
    for (Operation op : m.operations()) {
      state = op.stateForwards(m.app(), state);
      for (SchemaObject created : op.createdObjects()) {
        ModelState model = state.requireModel(m.app(), created.model());
        if (created.kind() == SchemaObject.Kind.MODEL) {
          if (!model.managed()) continue;
          if (!schema.tables().containsKey(model.table())) return false;
          checkedSomething = true;
        } else if (created.kind() == SchemaObject.Kind.FIELD) {
          Field field = model.requireField(created.field());
          if (!field.hasColumn()) continue;
          SchemaSnapshot.Table table = schema.tables().get(model.table());
          if (table == null || table.column(field.column(created.field())).isEmpty()) return false;
          checkedSomething = true;
        }
      }
    }
    return checkedSomething;
  }
}
