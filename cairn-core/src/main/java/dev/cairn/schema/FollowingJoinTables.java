package dev.cairn.schema;

import dev.cairn.state.Field;
import dev.cairn.state.ModelKey;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The auto-created join tables named after a model that was renamed or moved to another table:
 * its own many-to-many fields' tables, and (RenameModel) other models' join tables, whose column
 * is named after it. Each comes as its shape before and after.
 */
final class FollowingJoinTables {
  /** One join table, before and after the rename. */
  record Change(ModelState oldJoin, ModelState newJoin) {}

  private FollowingJoinTables() {}

  static List<Change> of(ProjectState state, ModelState oldModel, ModelState newModel) {
    List<Change> changes = new ArrayList<>();
    for (Map.Entry<Name, Field> e : newModel.fields().entrySet()) {
      Field oldField = oldModel.fields().get(e.getKey());
      if (JoinTable.isAutoCreated(e.getValue()) && oldField != null
          && JoinTable.isAutoCreated(oldField)) {
        changes.add(new Change(JoinTable.model(oldModel, e.getKey(), oldField),
            JoinTable.model(newModel, e.getKey(), e.getValue())));
      }
    }
    if (oldModel.key().equals(newModel.key())) return changes;
    for (ModelState other : state.models()) {
      if (other.key().equals(newModel.key()) || !other.managed()) continue;
      for (Map.Entry<Name, Field> e : other.fields().entrySet()) {
        Field f = e.getValue();
        if (JoinTable.isAutoCreated(f)
            && ModelKey.resolve(other.app(), f.to()).equals(newModel.key())) {
          changes.add(new Change(
              JoinTable.model(other, e.getKey(), f.withTo(oldModel.key().reference())),
              JoinTable.model(other, e.getKey(), f)));
        }
      }
    }
    return changes;
  }
}
