package dev.cairn.dialect.sqlite;

import static dev.cairn.schema.Effect.BLOCKS_READS;
import static dev.cairn.schema.Effect.BLOCKS_WRITES;
import static dev.cairn.schema.Effect.REWRITES_TABLE;
import static dev.cairn.schema.Effect.SCANS_TABLE;
import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.createModel;
import static dev.cairn.testing.Models.id;
import static dev.cairn.testing.Models.integer;
import static dev.cairn.testing.Models.n;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.operations.AlterField;
import dev.cairn.operations.Operation;
import dev.cairn.schema.CollectingSink;
import dev.cairn.schema.SqlStatement;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The effects and table SQLite's statements carry: its remake rewrites, its indexes scan. */
final class SqliteDdlTest {
  private static final ProjectState PRODUCT = createModel("Product", "id", id(),
      "name", chars(100), "stock", integer().nullable(true))
      .stateForwards("shop", ProjectState.empty());

  @Test void theRemakeCopyRewritesTheTableAndBlocksWrites() throws SQLException {
    List<SqlStatement> remake = statements(new AlterField(n("Product"), n("stock"),
        integer().defaultValue(0).build()));
    SqlStatement copy = remake.stream().filter(s -> s.sql().startsWith("INSERT INTO"))
        .findFirst().orElseThrow();
    assertThat(copy.effects()).containsExactlyInAnyOrder(BLOCKS_WRITES, REWRITES_TABLE);
    assertThat(copy.table()).isEqualTo("shop_product");
  }

  @Test void aUniqueFieldIsAnIndexBuiltWhileWritesWait() {
    SqlStatement unique = new SqliteDialect().ddl().addUnique("shop_product", "name");
    assertThat(unique.sql()).startsWith("CREATE UNIQUE INDEX");
    assertThat(unique.effects()).containsExactlyInAnyOrder(BLOCKS_WRITES, SCANS_TABLE);
    assertThat(unique.effects()).doesNotContain(BLOCKS_READS);
  }

  @Test void renamingAColumnChangesOnlyTheSchema() throws SQLException {
    SqlStatement rename = new SqliteDialect().ddl().renameColumn("shop_product", "a", "b");
    assertThat(rename.effects()).isEmpty();
    assertThat(rename.table()).isEqualTo("shop_product");
  }

  private static List<SqlStatement> statements(Operation op) throws SQLException {
    CollectingSink sink = new CollectingSink();
    op.databaseForwards(new SqliteDialect().schemaEditor(sink), "shop", PRODUCT,
        op.stateForwards("shop", PRODUCT));
    return sink.statements();
  }
}
