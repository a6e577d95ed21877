package dev.cairn.files;

import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.Index;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import java.util.Collection;
import java.util.Map;

/**
 * Writes models as a models file ({@code models/<app>.yaml}), in the same field notation as
 * migration files, for {@code inspectdb}, the benchmarks and tests.
 */
public final class ModelsFileWriter {
  public String write(String app, Collection<ModelState> models) {
    StringBuilder out = new StringBuilder();
    MigrationWriter.put(out, 0, "app", app);
    out.append("models:").append(models.isEmpty() ? " {}\n" : "\n");
    for (ModelState m : models) {
      out.append("  ").append(Scalars.string(m.name().value(), false)).append(":\n");
      MigrationWriter.put(out, 4, "db_table", m.dbTable());
      if (!m.managed()) MigrationWriter.put(out, 4, "managed", false);
      MigrationWriter.put(out, 4, "db_table_comment", m.dbTableComment());
      out.append("    fields:\n");
      for (Map.Entry<Name, Field> e : m.fields().entrySet()) {
        out.append("      ").append(Scalars.string(e.getKey().value(), false)).append(": ")
            .append(MigrationWriter.field(e.getValue())).append('\n');
      }
      if (!m.indexes().isEmpty()) {
        out.append("    indexes:\n");
        for (Index i : m.indexes()) out.append("      - ").append(MigrationWriter.index(i)).append('\n');
      }
      if (!m.constraints().isEmpty()) {
        out.append("    constraints:\n");
        for (Constraint c : m.constraints()) {
          out.append("      - ").append(MigrationWriter.constraint(c)).append('\n');
        }
      }
    }
    return out.toString();
  }
}
