package dev.cairn.dialect.h2;

import dev.cairn.schema.Effect;
import dev.cairn.schema.SqlStatement;
import dev.cairn.schema.StandardDdl;
import dev.cairn.schema.UnsupportedSchemaChange;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.Index;
import dev.cairn.state.ModelState;
import java.util.List;
import java.util.Set;

/**
 * H2's SQL where it differs from the standard's: drops of a table take the keys that point at it,
 * a type change keeps the identity and is guarded against changing values ({@link
 * H2TypeChange}), and an index with a condition is refused (H2 has none). Foreign keys are
 * checked at once, the standard's default: H2 has no {@code DEFERRABLE}.
 */
final class H2Ddl extends StandardDdl {
  H2Ddl(H2Dialect dialect) {
    super(dialect);
  }

  @Override public SqlStatement dropTable(String table) {
    return statement("DROP TABLE " + q(table) + " CASCADE", table, CATALOG_ONLY);
  }

  /**
   * Refuses, with a message naming the column, a change that would round, cut or change values,
   * before any row changes: H2's conversion refuses only a string too long for its new type.
   */
  @Override public List<SqlStatement> guardTypeChange(Column column, Field oldType) {
    String loss = H2TypeChange.lossCondition(q(column.name()), oldType, column.type());
    if (loss == null) return List.of();
    String message = "cannot change column " + q(column.name()) + " of table " + q(column.table())
        + " to " + H2Types.plainType(column.type()) + ": some values would be rounded, cut or"
        + " changed; change those rows first (RunSQL) or keep the old type";
    return List.of(statement(H2TypeChange.guard(q(column.table()), loss,
        dialect.literal(message)), column.table(), Set.of(Effect.SCANS_TABLE)));
  }

  /**
   * The identity, if any, stays with the column: SET DATA TYPE changes only the type. H2 copies
   * the table to change a column's type.
   */
  @Override public SqlStatement alterColumnType(Column column, Field oldType) {
    return alterColumn(column, "SET DATA TYPE " + H2Types.plainType(column.type()),
        LOCKED_REWRITE);
  }

  /** H2 copies the table's rows to add a column, whatever its default. */
  @Override protected Set<Effect> addColumnEffects(Field field, boolean fill) {
    return LOCKED_REWRITE;
  }

  @Override public SqlStatement createIndex(ModelState model, Index index) {
    if (index.condition() != null) {
      throw new UnsupportedSchemaChange("'" + index.name() + "' of model " + model.key()
          + " has a condition (" + index.condition() + "), and H2 has no partial indexes;"
          + " make it unconditional, or leave it out of the migrations run on H2");
    }
    return super.createIndex(model, index);
  }

  /**
   * A model's check with its double-quoted names quoted as H2 stores them: models write {@code
   * "price"} for every database, and H2 (folding to upper case) named the column {@code "PRICE"}.
   */
  @Override protected String constraintDefinition(ModelState model, Constraint c) {
    if (c.kind() != Constraint.Kind.CHECK) return super.constraintDefinition(model, c);
    return super.constraintDefinition(model, new Constraint(c.kind(), c.name(), c.fields(),
        requoted(c.check()), c.condition()));
  }

  /** {@code sql} with each {@code "name"} outside a string literal quoted through the dialect. */
  private String requoted(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c != '\'' && c != '"') {
        out.append(c);
        i++;
        continue;
      }
      int j = i + 1; // the closing quote; a doubled quote stands for one
      while (j < sql.length()) {
        if (sql.charAt(j) != c) {
          j++;
        } else if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
          j += 2;
        } else {
          break;
        }
      }
      String quoted = sql.substring(i, Math.min(j + 1, sql.length()));
      out.append(c == '"' && j < sql.length()
          ? q(quoted.substring(1, quoted.length() - 1).replace("\"\"", "\"")) : quoted);
      i = j + 1;
    }
    return out.toString();
  }
}
