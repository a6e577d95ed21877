package dev.cairn.execute;

import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.createModel;
import static dev.cairn.testing.Models.id;
import static dev.cairn.testing.Models.integer;
import static dev.cairn.testing.Models.manyToMany;
import static dev.cairn.testing.Models.n;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dialect.postgres.PostgresDialect;
import dev.cairn.dialect.sqlite.SqliteDialect;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.operations.AddConstraint;
import dev.cairn.operations.AddField;
import dev.cairn.operations.AlterField;
import dev.cairn.operations.Operation;
import dev.cairn.operations.RemoveConstraint;
import dev.cairn.operations.RunSQL;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.SqlStatement;
import dev.cairn.state.Constraint;
import dev.cairn.state.ProjectState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statements {@code sqlmigrate} prints: each operation's under a header describing it. */
final class MigrationSqlTest {
  private static final List<Operation> OPERATIONS = List.of(
      new AlterField(n("product"), n("stock"), integer().defaultValue(0).build()),
      new AlterField(n("category"), n("name"), chars(50).build()),
      new RemoveConstraint(n("product"), "product_stock_gte_0"),
      new RunSQL(List.of("UPDATE shop_product SET stock = 1"), List.of(), null, false),
      new AddField(n("product"), n("categories"), manyToMany("shop.Category").build()),
      new AlterField(n("product"), n("stock"), integer().defaultValue(5).build()));

  @Test void everyOperationGetsAHeaderWithItsDescriptionOnPostgresql() {
    assertThat(headers(new PostgresDialect(), false)).containsExactly(
        "Alter field stock on product",
        "Alter field name on category",
        "Remove constraint product_stock_gte_0 from model product",
        "Raw SQL operation",
        "Add field categories to product",
        "Alter field stock on product\n(no-op)");
  }

  @Test void everyOperationGetsAHeaderOnSqliteAndBackwardsToo() {
    assertThat(headers(new SqliteDialect(), false)).containsExactly(
        "Alter field stock on product (remake table shop_product)",
        "Alter field name on category (remake table shop_category)",
        "Remove constraint product_stock_gte_0 from model product (remake table shop_product)",
        "Raw SQL operation",
        "Add field categories to product",
        "Alter field stock on product\n(no-op)");
    assertThat(headers(new PostgresDialect(), true)).containsExactly(
        "Alter field stock on product\n(no-op)",
        "Add field categories to product",
        "Raw SQL operation\n(no-op)",
        "Remove constraint product_stock_gte_0 from model product",
        "Alter field name on category",
        "Alter field stock on product");
  }

  @Test void theHeaderComesBeforeTheOperationsStatements() {
    List<SqlStatement> st = MigrationSql.of(new PostgresDialect(), migration(), before(), false);
    assertThat(st.get(0).sql()).isEmpty();
    assertThat(st.get(1).sql()).startsWith("UPDATE \"shop_product\" SET \"stock\" = 0");
    assertThat(st.get(1).comment()).isNull();
  }

  private static List<String> headers(Dialect dialect, boolean backwards) {
    return MigrationSql.of(dialect, migration(), before(), backwards).stream()
        .filter(s -> s.sql().isEmpty()).map(SqlStatement::comment).toList();
  }

  private static Migration migration() {
    return new Migration(MigrationKey.parse("shop.0002_changes"), List.of(), OPERATIONS, List.of(),
        List.of(), false, true, null, null, null);
  }

  private static ProjectState before() {
    ProjectState s = createModel("Category", "id", id(), "name", chars(50).unique(true))
        .stateForwards("shop", ProjectState.empty());
    s = createModel("Product", "id", id(), "stock", integer().nullable(true))
        .stateForwards("shop", s);
    return new AddConstraint(n("product"), Constraint.check("product_stock_gte_0", "stock >= 0"))
        .stateForwards("shop", s);
  }
}
