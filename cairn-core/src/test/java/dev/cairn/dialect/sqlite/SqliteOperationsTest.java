package dev.cairn.dialect.sqlite;

import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.createModel;
import static dev.cairn.testing.Models.decimal;
import static dev.cairn.testing.Models.foreignKey;
import static dev.cairn.testing.Models.id;
import static dev.cairn.testing.Models.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.operations.AlterField;
import dev.cairn.operations.AlterModelTable;
import dev.cairn.operations.OperationsContract;
import dev.cairn.operations.RenameField;
import dev.cairn.schema.SqlStatement;
import dev.cairn.state.ProjectState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OperationsContract} on a real SQLite file, and what only SQLite does: the table remake,
 * which keeps values SQLite never narrowed, and its foreign keys, which Cairn checks itself.
 */
final class SqliteOperationsTest extends OperationsContract {
  @TempDir Path folder;

  @Override protected Connection openEmptyDatabase() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("db.sqlite3"));
  }

  /** Django's DDL on SQLite: inline UNIQUE and CHECK, and index names of no scheme at all. */
  @Override public void createDjangoShop() throws Exception {
    h().execute("CREATE TABLE \"shop_category\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT,"
        + " \"name\" varchar(50) NOT NULL UNIQUE)");
    h().execute("CREATE TABLE \"shop_product\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT,"
        + " \"name\" varchar(100) NOT NULL, \"code\" varchar(20) NOT NULL UNIQUE,"
        + " \"stock\" integer unsigned NOT NULL CHECK (\"stock\" >= 0), \"category_id\" bigint NULL"
        + " REFERENCES \"shop_category\" (\"id\") DEFERRABLE INITIALLY DEFERRED)");
    h().execute("CREATE INDEX legacy_product_category_idx ON shop_product (category_id)");
    h().execute("CREATE INDEX legacy_product_name_idx ON shop_product (name)");
  }

  /** SQLite keeps any text in a varchar(4) and any number in a decimal(8, 1): the remake too. */
  @Test void narrowingKeepsEveryValueAsItWasSinceSqliteIgnoresLengthAndScale() throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    shop().execute("UPDATE {shop_product} SET {name} = 'fountain pen' WHERE {name} = 'pen'");
    shop().execute("UPDATE {shop_product} SET {price} = 9.987 WHERE {name} = 'ink'");
    String query = "SELECT name || '|' || price FROM shop_product ORDER BY id";
    List<String> rows = shop().strings(query);
    ProjectState narrow = h().forwards(before, new AlterField(n("Product"), n("name"), chars(4).build()));
    h().forwards(narrow, new AlterField(n("Product"), n("price"), decimal(8, 1).build()));
    assertThat(shop().strings(query)).isEqualTo(rows).containsExactly("fountain pen|1.5", "ink|9.987");
  }

  @Test void foreignKeysOfOtherTablesStillActAfterARemake() throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    h().migrate(before, new AlterField(n("Product"), n("name"), chars(200).build()),
        new AlterModelTable(n("Product"), "item"));
    h().execute("PRAGMA foreign_keys = ON");
    h().execute("DELETE FROM item WHERE name = 'pen'");
    assertThat(shop().strings("SELECT body FROM shop_review")).containsExactly("good ink");
    assertThatThrownBy(() -> h().execute("INSERT INTO shop_review (product_id, body) VALUES (99, 'x')"))
        .hasMessageContaining("FOREIGN KEY");
  }

  @Test void renameFieldIsOneRenameColumnNotARemake() throws Exception {
    List<SqlStatement> sql = h().sql(shop().base(),
        new RenameField(n("Product"), n("stock"), n("amount")), false);
    assertThat(sql).extracting(SqlStatement::sql).containsExactly(
        "ALTER TABLE \"shop_product\" RENAME COLUMN \"stock\" TO \"amount\"");
  }

  /** SQLite checks no key while a remake runs; Cairn's check before the commit names the failure. */
  @Test void aKeyToAMissingRowFailsTheIntegrityCheckBeforeTheCommit() throws Exception {
    ProjectState before = h().migrate(shop().base(), createModel("Maker", "id", id()));
    shop().insertProducts();
    assertThatThrownBy(() -> h().forwards(before, new AlterField(n("Product"), n("category"),
        foreignKey("shop.Maker").nullable(true).build())))
        .hasMessageContaining("foreign key check failed");
    h().assertSchema(before, "after a failed AlterField");
  }
}
