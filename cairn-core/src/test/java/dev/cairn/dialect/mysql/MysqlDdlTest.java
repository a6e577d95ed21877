package dev.cairn.dialect.mysql;

import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.createModel;
import static dev.cairn.testing.Models.decimal;
import static dev.cairn.testing.Models.foreignKey;
import static dev.cairn.testing.Models.id;
import static dev.cairn.testing.Models.integer;
import static dev.cairn.testing.Models.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.operations.AddConstraint;
import dev.cairn.operations.AddField;
import dev.cairn.operations.AddIndex;
import dev.cairn.operations.AlterField;
import dev.cairn.operations.CreateModel;
import dev.cairn.operations.Operation;
import dev.cairn.operations.RemoveConstraint;
import dev.cairn.operations.RemoveField;
import dev.cairn.operations.RemoveIndex;
import dev.cairn.operations.RenameField;
import dev.cairn.operations.RenameIndex;
import dev.cairn.schema.CollectingSink;
import dev.cairn.schema.Effect;
import dev.cairn.schema.ServerVersion;
import dev.cairn.schema.SqlStatement;
import dev.cairn.schema.UnsupportedSchemaChange;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.Index;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SQL each operation emits on MySQL 8.0 and MariaDB 10.6, collected without a database: where
 * the products or their versions differ, both are pinned here, since only MariaDB runs in CI.
 */
final class MysqlDdlTest {
  private static final MysqlDialect MYSQL_8_0_11 = dialect("mysql", 8, 0, 11);
  private static final MysqlDialect MYSQL_8_0_16 = dialect("mysql", 8, 0, 16);
  private static final MysqlDialect MYSQL_8_0 = dialect("mysql", 8, 0, 36);
  private static final MysqlDialect MARIADB_10_6 = dialect("mariadb", 10, 6, 0);

  private static final CreateModel CATEGORY =
      createModel("Category", "id", id(), "name", chars(50).unique(true));
  private static final CreateModel PRODUCT = createModel("Product",
      "id", id(),
      "name", chars(100).dbComment("what it's called, as C:\\ says"),
      "price", decimal(8, 2),
      "stock", Field.of(FieldType.POSITIVE_INTEGER).nullable(true),
      "category", foreignKey("shop.Category").nullable(true));

  @Test void createModelMakesAnInnoDbUtf8mb4TableWithItsChecksAsTableConstraints() throws Exception {
    List<SqlStatement> sql = statements(MARIADB_10_6, category(), PRODUCT);
    assertThat(sql.get(0).sql()).isEqualTo("CREATE TABLE `shop_product` ("
        + "`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, "
        + "`name` varchar(100) NOT NULL COMMENT 'what it''s called, as C:\\\\ says', "
        + "`price` numeric(8, 2) NOT NULL, `stock` integer UNSIGNED NULL, "
        + "`category_id` bigint NULL, "
        + "CONSTRAINT `shop_product_stock_13f80a32_check` CHECK (`stock` >= 0))"
        + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
  }

  @Test void aForeignKeyIsImmediateAndSaysThatItCopiesTheTable() throws Exception {
    SqlStatement fk = statements(MYSQL_8_0, category(), PRODUCT).get(1);
    assertThat(fk.sql()).isEqualTo("ALTER TABLE `shop_product` ADD CONSTRAINT"
        + " `shop_product_category_id_14d7eea8_fk_shop_category_id` FOREIGN KEY (`category_id`)"
        + " REFERENCES `shop_category` (`id`) ON DELETE CASCADE, ALGORITHM=COPY");
    assertThat(fk.comment()).startsWith("this change copies the table: ");
    assertThat(fk.effects()).contains(Effect.REWRITES_TABLE, Effect.BLOCKS_WRITES);
    assertThat(fk.table()).isEqualTo("shop_product");
  }

  @Test void addFieldIsInstantFromMysql8012AndOnMariaDb() throws Exception {
    AddField add = new AddField(n("Product"), n("sold"), integer().defaultValue(0).build());
    String instant = "ALTER TABLE `shop_product` ADD COLUMN `sold` integer NOT NULL DEFAULT 0,"
        + " ALGORITHM=INSTANT";
    assertThat(sql(MYSQL_8_0, base(), add)).containsExactly(instant,
        "ALTER TABLE `shop_product` ALTER COLUMN `sold` DROP DEFAULT, ALGORITHM=INSTANT");
    assertThat(sql(MARIADB_10_6, base(), add).get(0)).isEqualTo(instant);
    assertThat(sql(MYSQL_8_0_11, base(), add).get(0)).isEqualTo("ALTER TABLE `shop_product`"
        + " ADD COLUMN `sold` integer NOT NULL DEFAULT 0, ALGORITHM=INPLACE, LOCK=NONE");
  }

  @Test void aTextDefaultIsAnExpressionOnMysqlOnly() throws Exception {
    AddField add = new AddField(n("Product"), n("notes"),
        Field.of(FieldType.TEXT).defaultValue("none").build());
    assertThat(sql(MYSQL_8_0, base(), add).get(0)).contains("`notes` longtext NOT NULL DEFAULT ('none')");
    assertThat(sql(MARIADB_10_6, base(), add).get(0)).contains("`notes` longtext NOT NULL DEFAULT 'none'");
  }

  @Test void aNotNullFieldWithoutDefaultIsRefusedOnATableWithRows() throws Exception {
    AddField add = new AddField(n("Product"), n("code"), chars(10).build());
    assertThat(sql(MARIADB_10_6, base(), add).get(0)).isEqualTo("BEGIN NOT ATOMIC IF EXISTS"
        + " (SELECT 1 FROM `shop_product`) THEN SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT ="
        + " 'NOT NULL column code has no default, and shop_product has rows: give the field a"
        + " default'; END IF; END");
    SqlStatement guard = statements(MYSQL_8_0, base(), add).get(0);
    assertThat(guard.sql()).isEqualTo("SELECT (SELECT 1 UNION ALL SELECT 1 FROM `shop_product` LIMIT 2)");
    assertThat(guard.comment()).contains("give the field a default");
  }

  @Test void aTypeChangeRestatesTheColumnAndCopiesTheTable() throws Exception {
    SqlStatement modify = statements(MYSQL_8_0, base(),
        new AlterField(n("Product"), n("price"), decimal(10, 2).build())).get(0);
    assertThat(modify.sql()).isEqualTo("ALTER TABLE `shop_product` MODIFY `price` numeric(10, 2)"
        + " NOT NULL, ALGORITHM=COPY");
    assertThat(modify.comment()).isEqualTo("this change copies the table: changing the type of"
        + " `price` to numeric(10, 2) rewrites every row; writes to it wait until it is done");
  }

  @Test void aTypeChangeKeepsTheOldNullAndCommentForTheStepsAfterIt() throws Exception {
    List<String> sql = sql(MARIADB_10_6, base(),
        new AlterField(n("Product"), n("name"), chars(200).nullable(true).build()));
    assertThat(sql).containsExactly(
        "ALTER TABLE `shop_product` MODIFY `name` varchar(200) NOT NULL"
            + " COMMENT 'what it''s called, as C:\\\\ says', ALGORITHM=INPLACE, LOCK=NONE",
        "ALTER TABLE `shop_product` MODIFY `name` varchar(200) NULL, ALGORITHM=INPLACE, LOCK=NONE",
        "ALTER TABLE `shop_product` MODIFY `name` varchar(200) NULL, ALGORITHM=INSTANT");
  }

  @Test void wideningAVarcharPastItsLengthBytesCopies() throws Exception {
    ProjectState small = new AddField(n("Product"), n("code"), chars(50).nullable(true).build())
        .stateForwards("shop", base());
    assertThat(sql(MARIADB_10_6, small,
        new AlterField(n("Product"), n("code"), chars(60).nullable(true).build())).get(0))
        .endsWith("ALGORITHM=INPLACE, LOCK=NONE");
    assertThat(sql(MARIADB_10_6, small,
        new AlterField(n("Product"), n("code"), chars(100).nullable(true).build())).get(0))
        .endsWith("ALGORITHM=COPY");
  }

  @Test void renameColumnIsInstantFromMysql8028AndOnMariaDb() throws Exception {
    RenameField rename = new RenameField(n("Product"), n("price"), n("cost"));
    String sql = "ALTER TABLE `shop_product` RENAME COLUMN `price` TO `cost`";
    assertThat(sql(MYSQL_8_0, base(), rename)).containsExactly(sql + ", ALGORITHM=INSTANT");
    assertThat(sql(MARIADB_10_6, base(), rename)).containsExactly(sql + ", ALGORITHM=INSTANT");
    assertThat(sql(MYSQL_8_0_11, base(), rename))
        .containsExactly(sql + ", ALGORITHM=INPLACE, LOCK=NONE");
  }

  @Test void renamingAPositiveFieldDropsAndAddsItsCheckSinceNoConstraintCanBeRenamed()
      throws Exception {
    List<String> sql = sql(MARIADB_10_6, base(), new RenameField(n("Product"), n("stock"), n("units")));
    assertThat(sql).containsExactly(
        "ALTER TABLE `shop_product` RENAME COLUMN `stock` TO `units`, ALGORITHM=INSTANT",
        "ALTER TABLE `shop_product` DROP CONSTRAINT `shop_product_stock_13f80a32_check`,"
            + " ALGORITHM=INSTANT",
        "ALTER TABLE `shop_product` ADD CONSTRAINT `shop_product_units_fa8620be_check`"
            + " CHECK (`units` >= 0), ALGORITHM=COPY");
  }

  @Test void checksAreDroppedWithDropCheckBeforeMysql8019() throws Exception {
    RemoveField remove = new RemoveField(n("Product"), n("stock"));
    assertThat(sql(MYSQL_8_0_16, base(), remove).get(0)).isEqualTo("ALTER TABLE `shop_product`"
        + " DROP CHECK `shop_product_stock_13f80a32_check`, ALGORITHM=INPLACE, LOCK=NONE");
    assertThat(sql(MYSQL_8_0, base(), remove).get(0)).isEqualTo("ALTER TABLE `shop_product`"
        + " DROP CONSTRAINT `shop_product_stock_13f80a32_check`, ALGORITHM=INPLACE, LOCK=NONE");
  }

  @Test void removingAForeignKeyFieldDropsItsKeyFirst() throws Exception {
    assertThat(sql(MARIADB_10_6, base(), new RemoveField(n("Product"), n("category"))))
        .containsExactly("ALTER TABLE `shop_product` DROP FOREIGN KEY"
                + " `shop_product_category_id_14d7eea8_fk_shop_category_id`,"
                + " ALGORITHM=INPLACE, LOCK=NONE",
            "ALTER TABLE `shop_product` DROP COLUMN `category_id`, ALGORITHM=INPLACE, LOCK=NONE");
  }

  @Test void indexesAreBuiltOnlineAndDroppedByTable() throws Exception {
    Index index = new Index("shop_product_name_idx", List.of(n("name")), false, null);
    AddIndex add = new AddIndex(n("Product"), index);
    assertThat(sql(MYSQL_8_0, base(), add)).containsExactly("CREATE INDEX `shop_product_name_idx`"
        + " ON `shop_product` (`name`) ALGORITHM=INPLACE LOCK=NONE");
    ProjectState indexed = add.stateForwards("shop", base());
    assertThat(sql(MYSQL_8_0, indexed, new RemoveIndex(n("Product"), "shop_product_name_idx")))
        .containsExactly("ALTER TABLE `shop_product` DROP INDEX `shop_product_name_idx`,"
            + " ALGORITHM=INPLACE, LOCK=NONE");
    assertThat(sql(MARIADB_10_6, indexed,
        new RenameIndex(n("Product"), "shop_product_name_ix", "shop_product_name_idx")))
        .containsExactly("ALTER TABLE `shop_product` RENAME INDEX `shop_product_name_idx` TO"
            + " `shop_product_name_ix`, ALGORITHM=INSTANT");
  }

  @Test void aPartialIndexIsRefusedByName() {
    AddIndex partial = new AddIndex(n("Product"),
        new Index("cheap_idx", List.of(n("name")), false, "price < 10"));
    assertThatThrownBy(() -> sql(MARIADB_10_6, base(), partial))
        .isInstanceOf(UnsupportedSchemaChange.class)
        .hasMessageContaining("'cheap_idx' of model shop.Product has a condition")
        .hasMessageContaining("MariaDB 10.6.0 has no partial indexes");
  }

  @Test void aChecksDoubleQuotedNamesBecomeBackticksAndItsStringsStay() throws Exception {
    AddConstraint check = new AddConstraint(n("Product"),
        Constraint.check("price_ok", "\"price\" > 0 AND \"name\" <> 'a \"b\"'"));
    SqlStatement add = statements(MYSQL_8_0, base(), check).get(0);
    assertThat(add.sql()).isEqualTo("ALTER TABLE `shop_product` ADD CONSTRAINT `price_ok`"
        + " CHECK (`price` > 0 AND `name` <> 'a \"b\"'), ALGORITHM=COPY");
    ProjectState checked = check.stateForwards("shop", base());
    assertThat(sql(MARIADB_10_6, checked, new RemoveConstraint(n("Product"), "price_ok")))
        .containsExactly("ALTER TABLE `shop_product` DROP CONSTRAINT `price_ok`, ALGORITHM=INSTANT");
  }

  private static MysqlDialect dialect(String product, int major, int minor, int patch) {
    return new MysqlDialect(new ServerVersion(product, major, minor, patch));
  }

  private static ProjectState category() {
    return CATEGORY.stateForwards("shop", ProjectState.empty());
  }

  private static ProjectState base() {
    return PRODUCT.stateForwards("shop", category());
  }

  private static List<String> sql(MysqlDialect dialect, ProjectState before, Operation op)
      throws SQLException {
    return statements(dialect, before, op).stream().map(SqlStatement::sql).toList();
  }

  private static List<SqlStatement> statements(MysqlDialect dialect, ProjectState before,
      Operation op) throws SQLException {
    ProjectState after = op.stateForwards("shop", before);
    CollectingSink sink = new CollectingSink();
    op.databaseForwards(dialect.schemaEditor(sink), "shop", before, after);
    return sink.statements();
  }
}
