package dev.cairn.dialect.mysql;

import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.operations.AddField;
import dev.cairn.operations.AlterField;
import dev.cairn.operations.OperationsContract;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.ProjectState;
import dev.cairn.testing.MariaDbTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link OperationsContract} on a real MariaDB, and what only MySQL and MariaDB do: strict mode
 * refusing a value a narrower type cannot hold, and the NOT NULL column that MySQL would fill
 * with a value nobody chose.
 */
final class MariaDbOperationsTest extends OperationsContract {
  @RegisterExtension static final MariaDbTestDatabase db = new MariaDbTestDatabase();

  @Override protected Connection openEmptyDatabase() throws Exception {
    db.reset();
    return db.connect();
  }

  /**
   * Django's MySQL DDL for the shop, with names of no scheme at all, as an adopted database may
   * have. Django itself makes no index for a key on MySQL (InnoDB's, named after the key, serves
   * it); this one has one of its own, as a database made by hand may.
   */
  @Override public void createDjangoShop() throws Exception {
    h().execute("CREATE TABLE `shop_category` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY,"
        + " `name` varchar(50) NOT NULL UNIQUE)");
    h().execute("CREATE TABLE `shop_product` (`id` bigint AUTO_INCREMENT NOT NULL PRIMARY KEY,"
        + " `name` varchar(100) NOT NULL, `code` varchar(20) NOT NULL UNIQUE,"
        + " `stock` integer UNSIGNED NOT NULL CHECK (`stock` >= 0), `category_id` bigint NULL)");
    h().execute("CREATE INDEX legacy_product_category_idx ON shop_product (category_id)");
    h().execute("ALTER TABLE shop_product ADD CONSTRAINT legacy_product_category FOREIGN KEY"
        + " (category_id) REFERENCES shop_category (id)");
    h().execute("CREATE INDEX legacy_product_name_idx ON shop_product (name)");
  }

  @Test void narrowingACharFieldFailsOnATooLongValueAndKeepsIt() throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    shop().execute("UPDATE {shop_product} SET {name} = 'fountain pen' WHERE {name} = 'pen'");
    String names = "SELECT name FROM shop_product ORDER BY id";
    AlterField narrow = new AlterField(n("Product"), n("name"), chars(4).build());
    assertThatThrownBy(() -> h().forwards(before, narrow)).isInstanceOf(SQLException.class)
        .hasMessageContaining("some values are too long");
    h().assertSchema(before, "after a failed AlterField");
    assertThat(shop().strings(names)).containsExactly("fountain pen", "ink");
    AlterField toText = new AlterField(n("Product"), n("name"), Field.of(FieldType.TEXT).build());
    ProjectState text = h().forwards(before, toText);
    assertThatThrownBy(() -> h().forwards(text, narrow)).isInstanceOf(SQLException.class);
    assertThat(shop().strings(names)).containsExactly("fountain pen", "ink");
  }

  @Test void aTypeThatCannotHoldAValueFailsInStrictModeAndKeepsIt() throws Exception {
    ProjectState before = h().migrate(shop().base(),
        new AddField(n("Product"), n("code"), chars(10).nullable(true).build()));
    shop().insertProducts();
    shop().execute("UPDATE {shop_product} SET {code} = '12'");
    shop().execute("UPDATE {shop_product} SET {code} = '1x' WHERE {name} = 'ink'");
    String codes = "SELECT code FROM shop_product ORDER BY id";
    assertThatThrownBy(() -> h().forwards(before, new AlterField(n("Product"), n("code"),
        Field.of(FieldType.INTEGER).nullable(true).build()))).isInstanceOf(SQLException.class);
    h().assertSchema(before, "after a failed AlterField");
    assertThat(shop().strings(codes)).containsExactly("12", "1x");
  }

  @Test void aNotNullFieldWithoutDefaultIsRefusedWithTheReason() throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    assertThatThrownBy(() -> h().forwards(before,
        new AddField(n("Product"), n("code"), chars(10).build())))
        .hasMessageContaining("NOT NULL column code has no default, and shop_product has rows");
    h().assertSchema(before, "after a refused AddField");
  }

  @Test void aModelsCommentIsTheTablesAndAFieldsIsTheColumns() throws Exception {
    ProjectState before = shop().base();
    h().forwards(before, new AlterField(n("Product"), n("price"),
        Field.of(FieldType.DECIMAL).maxDigits(8).decimalPlaces(2).dbComment("in euros").build()));
    assertThat(h().rows("SELECT COLUMN_COMMENT FROM information_schema.COLUMNS"
        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'shop_product'"
        + " AND COLUMN_NAME = 'price'")).containsExactly(List.of("in euros"));
  }
}
