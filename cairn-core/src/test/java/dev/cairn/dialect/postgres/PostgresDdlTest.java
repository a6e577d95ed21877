package dev.cairn.dialect.postgres;

import static dev.cairn.schema.Effect.BLOCKS_READS;
import static dev.cairn.schema.Effect.BLOCKS_WRITES;
import static dev.cairn.schema.Effect.REWRITES_TABLE;
import static dev.cairn.schema.Effect.SCANS_TABLE;
import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.createModel;
import static dev.cairn.testing.Models.foreignKey;
import static dev.cairn.testing.Models.id;
import static dev.cairn.testing.Models.integer;
import static dev.cairn.testing.Models.n;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.schema.Ddl;
import dev.cairn.schema.ServerVersion;
import dev.cairn.schema.SqlStatement;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.ModelState;
import dev.cairn.state.OnDelete;
import dev.cairn.state.ProjectState;
import org.junit.jupiter.api.Test;

/** The effects and table PostgreSQL's templates give their statements, per its lock levels. */
final class PostgresDdlTest {
  private final Ddl ddl = new PostgresDialect().ddl();

  @Test void createIndexBlocksWritesWhileItReadsTheTable() {
    SqlStatement index = ddl.createFieldIndex("shop_product", "name");
    assertThat(index.effects()).containsExactlyInAnyOrder(BLOCKS_WRITES, SCANS_TABLE);
    assertThat(index.table()).isEqualTo("shop_product");
  }

  @Test void setNotNullScansUnderALockThatBlocksReadsAndWrites() {
    SqlStatement notNull = ddl.alterColumnNull(column(integer().nullable(false)));
    assertThat(notNull.sql()).endsWith("SET NOT NULL");
    assertThat(notNull.effects())
        .containsExactlyInAnyOrder(BLOCKS_READS, BLOCKS_WRITES, SCANS_TABLE);
  }

  @Test void dropNotNullChangesOnlyTheCatalog() {
    assertThat(ddl.alterColumnNull(column(integer().nullable(true))).effects()).isEmpty();
  }

  @Test void wideningAVarcharOrMakingItTextRewritesNothing() {
    Field old = chars(50).build();
    assertThat(ddl.alterColumnType(column(chars(100)), old).effects()).isEmpty();
    assertThat(ddl.alterColumnType(column(Field.of(FieldType.TEXT)), old).effects()).isEmpty();
  }

  @Test void narrowingAVarcharOrChangingTheTypeRewritesTheTable() {
    SqlStatement narrower = ddl.alterColumnType(column(chars(20)), chars(50).build());
    assertThat(narrower.effects()).containsExactlyInAnyOrder(BLOCKS_READS, BLOCKS_WRITES,
        REWRITES_TABLE);
    SqlStatement bigger = ddl.alterColumnType(column(Field.of(FieldType.BIG_INTEGER)),
        integer().build());
    assertThat(bigger.effects()).contains(REWRITES_TABLE);
    SqlStatement text = ddl.alterColumnType(column(chars(20)), Field.of(FieldType.TEXT).build());
    assertThat(text.effects()).contains(REWRITES_TABLE);
  }

  @Test void theGuardAgainstRoundingReadsTheTable() {
    Field old = Field.of(FieldType.DECIMAL).maxDigits(8).decimalPlaces(2).build();
    assertThat(ddl.guardTypeChange(column(integer()), old)).singleElement().satisfies(guard -> {
      assertThat(guard.sql()).startsWith("DO $cairn$");
      assertThat(guard.effects()).containsExactly(SCANS_TABLE);
      assertThat(guard.table()).isEqualTo("shop_product");
    });
  }

  @Test void addingAForeignKeyBlocksWritesAndScans() {
    SqlStatement key = ddl.addForeignKey(new Ddl.ForeignKey("fk", "shop_product", "category_id",
        "shop_category", "id", OnDelete.CASCADE)).get(0);
    assertThat(key.effects()).containsExactlyInAnyOrder(BLOCKS_WRITES, SCANS_TABLE);
    assertThat(key.table()).isEqualTo("shop_product");
  }

  @Test void addingAColumnWithAConstantDefaultIsInstantFromPostgres11() {
    ModelState product = product(integer().defaultValue(0));
    assertThat(ddl.addColumn(state(product), product, n("stock"), true).effects()).isEmpty();
    Ddl postgres10 = new PostgresDialect(new ServerVersion("postgresql", 10, 0, 0)).ddl();
    assertThat(postgres10.addColumn(state(product), product, n("stock"), true).effects())
        .containsExactlyInAnyOrder(BLOCKS_READS, BLOCKS_WRITES, REWRITES_TABLE);
  }

  @Test void addingAColumnWhoseDatabaseDefaultMayBeVolatileRewritesTheTable() {
    ModelState random = product(Field.of(FieldType.FLOAT).dbDefault("random()"));
    assertThat(ddl.addColumn(state(random), random, n("stock"), false).effects())
        .contains(REWRITES_TABLE);
    ModelState constant = product(integer().dbDefault("0"));
    assertThat(ddl.addColumn(state(constant), constant, n("stock"), false).effects()).isEmpty();
  }

  @Test void addingAPlainNullableColumnChangesOnlyTheCatalog() {
    ModelState product = product(integer().nullable(true));
    SqlStatement add = ddl.addColumn(state(product), product, n("stock"), false);
    assertThat(add.effects()).isEmpty();
    assertThat(add.table()).isEqualTo("shop_product");
  }

  private static Ddl.Column column(Field.Builder field) {
    Field f = field.build();
    return new Ddl.Column("shop_product", "stock", f, f);
  }

  private static ModelState product(Field.Builder stock) {
    return state(createModel("Product", "id", id(), "name", chars(100),
        "category", foreignKey("shop.Product").nullable(true), "stock", stock))
        .requireModel("shop", n("Product"));
  }

  private static ProjectState state(dev.cairn.operations.CreateModel model) {
    return model.stateForwards("shop", ProjectState.empty());
  }

  private static ProjectState state(ModelState product) {
    return ProjectState.empty().withModel(product);
  }
}
