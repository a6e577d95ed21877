package dev.cairn.dialect.sqlite;

import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.createModel;
import static dev.cairn.testing.Models.decimal;
import static dev.cairn.testing.Models.fields;
import static dev.cairn.testing.Models.foreignKey;
import static dev.cairn.testing.Models.id;
import static dev.cairn.testing.Models.integer;
import static dev.cairn.testing.Models.manyToMany;
import static dev.cairn.testing.Models.n;
import static dev.cairn.testing.Models.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.operations.AddConstraint;
import dev.cairn.operations.AddField;
import dev.cairn.operations.AddIndex;
import dev.cairn.operations.AlterField;
import dev.cairn.operations.AlterModelTable;
import dev.cairn.operations.CreateModel;
import dev.cairn.operations.DeleteModel;
import dev.cairn.operations.IrreversibleOperation;
import dev.cairn.operations.ModelOptions;
import dev.cairn.operations.Operation;
import dev.cairn.operations.RemoveConstraint;
import dev.cairn.operations.RemoveField;
import dev.cairn.operations.RemoveIndex;
import dev.cairn.operations.RenameField;
import dev.cairn.operations.RenameIndex;
import dev.cairn.operations.RenameModel;
import dev.cairn.operations.RunJava;
import dev.cairn.operations.RunSQL;
import dev.cairn.operations.SeparateDatabaseAndState;
import dev.cairn.schema.ConnectionSink;
import dev.cairn.schema.ExpectedSchema;
import dev.cairn.schema.SchemaSnapshot;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.Index;
import dev.cairn.state.OnDelete;
import dev.cairn.state.ProjectState;
import dev.cairn.testing.OperationHarness;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operation forwards and backwards on a real SQLite file, checked by introspection, with
 * the rows of untouched columns and the foreign keys of other tables kept across table remakes.
 */
final class SqliteOperationsTest {
  private static final CreateModel CATEGORY =
      createModel("Category", "id", id(), "name", chars(50).unique(true));
  private static final CreateModel TAG = createModel("Tag", "id", id(), "name", chars(30));
  private static final CreateModel PRODUCT = createModel("Product",
      "id", id(),
      "name", chars(100),
      "price", decimal(8, 2),
      "stock", integer().nullable(true),
      "category", foreignKey("shop.Category").nullable(true),
      "tags", manyToMany("shop.Tag"));
  /** Points at Product from another table, so that every remake of Product must keep it working. */
  private static final CreateModel REVIEW = createModel("Review",
      "id", id(), "product", foreignKey("shop.Product"), "body", chars(50));

  private final SqliteDialect dialect = new SqliteDialect();
  @TempDir Path folder;
  private Connection connection;
  private OperationHarness h;

  @BeforeEach void open() throws Exception {
    connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("db.sqlite3"));
    dialect.beforeMigrations(connection); // foreign keys off, as the executor does
    h = new OperationHarness(dialect, connection, "shop");
  }

  @AfterEach void close() throws Exception {
    connection.close();
  }

  // ---- models ---------------------------------------------------------------------------------

  @Test void createModelMakesEveryFieldType() throws Exception {
    ProjectState before = h.migrate(ProjectState.empty(), CATEGORY, TAG);
    CreateModel everything = new CreateModel(n("Everything"), fields(
        "id", Field.of(FieldType.AUTO).primaryKey(true),
        "char", chars(20),
        "text", Field.of(FieldType.TEXT),
        "int", integer(),
        "big", Field.of(FieldType.BIG_INTEGER),
        "small", Field.of(FieldType.SMALL_INTEGER),
        "pos", Field.of(FieldType.POSITIVE_INTEGER),
        "pos_small", Field.of(FieldType.POSITIVE_SMALL_INTEGER),
        "pos_big", Field.of(FieldType.POSITIVE_BIG_INTEGER),
        "flag", Field.of(FieldType.BOOLEAN).dbDefault("1"),
        "amount", decimal(10, 3),
        "ratio", Field.of(FieldType.FLOAT).nullable(true),
        "day", Field.of(FieldType.DATE),
        "moment", Field.of(FieldType.DATE_TIME),
        "clock", Field.of(FieldType.TIME),
        "span", Field.of(FieldType.DURATION),
        "uuid", Field.of(FieldType.UUID).unique(true),
        "data", Field.of(FieldType.JSON).nullable(true),
        "blob", Field.of(FieldType.BINARY),
        "email", Field.of(FieldType.EMAIL).dbComment("where to write"),
        "slug", Field.of(FieldType.SLUG),
        "url", Field.of(FieldType.URL),
        "category", foreignKey("shop.Category").onDelete(OnDelete.PROTECT),
        "main_tag", Field.of(FieldType.ONE_TO_ONE).to("shop.Tag").nullable(true),
        "tags", manyToMany("shop.Tag")),
        new ModelOptions(null, true, "all the types"),
        List.of(new Index("everything_day_idx", names("day", "clock"), false, null),
            new Index("everything_char_partial", names("char"), false, "int > 0")),
        List.of(Constraint.unique("everything_char_int_uniq", names("char", "int"), null),
            Constraint.unique("everything_slug_live_uniq", names("slug"), "flag"),
            Constraint.check("everything_int_small", "\"int\" < 1000")));
    h.forwards(before, everything);
    h.assertSchemaInOrder(everything.stateForwards("shop", before));
    assertThatThrownBy(() -> h.execute("INSERT INTO shop_everything (\"char\", text, \"int\", big,"
        + " small, pos, pos_small, pos_big, amount, day, moment, clock, span, uuid, blob, email,"
        + " slug, url, category_id) VALUES ('a', 't', 1, 1, 1, -1, 0, 0, 1, '2020-01-01',"
        + " '2020-01-01', '10:00', 1, 'u', x'00', 'e', 's', 'u', 1)"))
        .hasMessageContaining("CHECK constraint failed");
    h.backwards(before, everything);
  }

  @Test void createModelOnAnEmptyDatabaseMakesTableAndJoinTable() throws Exception {
    ProjectState before = h.migrate(ProjectState.empty(), CATEGORY, TAG);
    h.forwards(before, PRODUCT);
    assertThat(h.introspect().tables()).containsKeys("shop_product", "shop_product_tags");
    assertThat(foreignKeys("shop_product")).containsExactly(
        new SchemaSnapshot.ForeignKey("category_id", "shop_category", "id"));
    h.backwards(before, PRODUCT);
    assertThat(h.introspect().tables()).doesNotContainKeys("shop_product", "shop_product_tags");
  }

  @Test void deleteModelDropsTableAndJoinTablesAndComesBackEmpty() throws Exception {
    ProjectState before = h.migrate(ProjectState.empty(), CATEGORY, TAG, PRODUCT);
    h.execute("INSERT INTO shop_product (name, price) VALUES ('pen', 1.50)");
    h.forwards(before, new DeleteModel(n("Product")));
    assertThat(h.introspect().tables()).doesNotContainKeys("shop_product", "shop_product_tags");
    h.backwards(before, new DeleteModel(n("Product")));
    assertThat(h.rows("SELECT count(*) FROM shop_product")).containsExactly(List.of(0));
  }

  @Test void renameModelRenamesTablesJoinColumnsAndKeepsRows() throws Exception {
    ProjectState before = base();
    insertProducts();
    ProjectState after = h.forwards(before, new RenameModel(n("Product"), n("Item")));
    assertThat(h.introspect().tables()).containsKeys("shop_item", "shop_item_tags");
    assertThat(h.introspect().tables().get("shop_item_tags").columnNames())
        .containsExactly("id", "item_id", "tag_id");
    assertThat(h.rows("SELECT count(*) FROM shop_item_tags WHERE item_id IS NOT NULL"))
        .containsExactly(List.of(2));
    assertThat(foreignKeys("shop_review")).containsExactly(
        new SchemaSnapshot.ForeignKey("product_id", "shop_item", "id"));
    h.backwards(before, new RenameModel(n("Product"), n("Item")));
    assertThat(strings("SELECT name FROM shop_product ORDER BY id")).containsExactly("pen", "ink");
    assertThat(foreignKeys("shop_review")).containsExactly(
        new SchemaSnapshot.ForeignKey("product_id", "shop_product", "id"));
    assertReviewsIntact();
    assertThat(after.model(dev.cairn.state.ModelKey.of("shop", "item"))).isPresent();
  }

  @Test void renameModelRenamesTheColumnsOfOtherModelsJoinTables() throws Exception {
    ProjectState before = base();
    insertProducts();
    h.forwards(before, new RenameModel(n("Tag"), n("Label")));
    assertThat(h.introspect().tables().get("shop_product_tags").columnNames())
        .containsExactly("id", "product_id", "label_id");
    assertThat(h.rows("SELECT count(*) FROM shop_product_tags pt JOIN shop_label l"
        + " ON l.id = pt.label_id")).containsExactly(List.of(2));
    h.backwards(before, new RenameModel(n("Tag"), n("Label")));
    assertThat(h.rows("SELECT count(*) FROM shop_product_tags pt JOIN shop_tag t"
        + " ON t.id = pt.tag_id")).containsExactly(List.of(2));
  }

  @Test void renameModelWithASelfRelation() throws Exception {
    CreateModel person = createModel("Person", "id", id(), "friends", manyToMany("shop.Person"),
        "boss", foreignKey("shop.Person").nullable(true));
    ProjectState before = h.migrate(ProjectState.empty(), person);
    h.execute("INSERT INTO shop_person (boss_id) VALUES (NULL)");
    h.execute("INSERT INTO shop_person (boss_id) VALUES (1)");
    h.execute("INSERT INTO shop_person_friends (from_person_id, to_person_id) VALUES (1, 2)");
    h.forwards(before, new RenameModel(n("Person"), n("Human")));
    assertThat(h.rows("SELECT from_human_id, to_human_id FROM shop_human_friends"))
        .containsExactly(List.of(1, 2));
    assertThat(foreignKeys("shop_human")).containsExactly(
        new SchemaSnapshot.ForeignKey("boss_id", "shop_human", "id"));
    h.backwards(before, new RenameModel(n("Person"), n("Human")));
    assertThat(h.rows("SELECT boss_id FROM shop_person ORDER BY id"))
        .containsExactly(java.util.Collections.singletonList(null), List.of(1));
  }

  @Test void renameModelWithAFixedTableStillRenamesJoinColumns() throws Exception {
    CreateModel fixed = new CreateModel(n("Shelf"), fields("id", id(), "tags", manyToMany("shop.Tag")),
        new ModelOptions("shelves", true, null), null, null);
    ProjectState before = h.migrate(base(), fixed);
    h.roundTrip(before, new RenameModel(n("Shelf"), n("Rack")));
  }

  @Test void alterModelTableMovesTableAndJoinTable() throws Exception {
    ProjectState before = base();
    insertProducts();
    ProjectState after = h.forwards(before, new AlterModelTable(n("Product"), "catalog_item"));
    assertThat(h.introspect().tables()).containsKeys("catalog_item", "catalog_item_tags");
    assertThat(foreignKeys("shop_review")).containsExactly(
        new SchemaSnapshot.ForeignKey("product_id", "catalog_item", "id"));
    assertReviewsIntact();
    h.roundTrip(after, new AlterModelTable(n("Product"), null));
    h.backwards(before, new AlterModelTable(n("Product"), "catalog_item"));
    assertThat(h.rows("SELECT count(*) FROM shop_product")).containsExactly(List.of(2));
    assertThat(h.rows("SELECT count(*) FROM shop_product_tags")).containsExactly(List.of(2));
    assertReviewsIntact();
  }

  // ---- fields ---------------------------------------------------------------------------------

  @Test void addFieldNullable() throws Exception {
    alterKeepingRows(new AddField(n("Product"), n("note"), Field.of(FieldType.TEXT).nullable(true).build()));
  }

  @Test void addFieldFillsExistingRowsWithItsDefault() throws Exception {
    ProjectState before = base();
    insertProducts();
    AddField add = new AddField(n("Product"), n("weight"), integer().defaultValue(7).build());
    alterKeepingRows(before, add);
    h.forwards(before, add);
    assertThat(h.rows("SELECT DISTINCT weight FROM shop_product")).containsExactly(List.of(7));
    assertThat(h.rows("SELECT dflt_value FROM pragma_table_info('shop_product')"
        + " WHERE name = 'weight'")).containsExactly(java.util.Collections.singletonList(null));
  }

  @Test void addFieldNotNullWithAStringDefault() throws Exception {
    ProjectState before = base();
    insertProducts();
    AddField add = new AddField(n("Product"), n("colour"), chars(10).defaultValue("it's red").build());
    alterKeepingRows(before, add);
    h.forwards(before, add);
    assertThat(strings("SELECT DISTINCT colour FROM shop_product")).containsExactly("it's red");
  }

  @Test void addFieldForeignKey() throws Exception {
    ProjectState before = h.migrate(base(), createModel("Maker", "id", id()));
    insertProducts();
    alterKeepingRows(before, new AddField(n("Product"), n("maker"),
        foreignKey("shop.Maker").nullable(true).onDelete(OnDelete.SET_NULL).build()));
  }

  @Test void addFieldManyToMany() throws Exception {
    alterKeepingRows(new AddField(n("Product"), n("related"), manyToMany("shop.Product").build()));
  }

  @Test void addFieldUnique() throws Exception {
    alterKeepingRows(new AddField(n("Product"), n("sku"), chars(20).nullable(true).unique(true).build()));
  }

  @Test void addFieldPositiveWithDefault() throws Exception {
    alterKeepingRows(new AddField(n("Product"), n("sold"),
        Field.of(FieldType.POSITIVE_INTEGER).defaultValue(0).build()));
  }

  @Test void addFieldWithADatabaseDefault() throws Exception {
    ProjectState before = base();
    insertProducts();
    AddField add = new AddField(n("Product"), n("added"),
        Field.of(FieldType.DATE_TIME).nullable(true).dbDefault("CURRENT_TIMESTAMP").build());
    alterKeepingRows(before, add);
    h.forwards(before, add);
    assertThat(h.rows("SELECT count(*) FROM shop_product WHERE added IS NOT NULL"))
        .containsExactly(List.of(2));
  }

  @Test void addFieldNotNullWithoutDefaultFailsOnRowsAndChangesNothing() throws Exception {
    ProjectState before = base();
    insertProducts();
    assertThatThrownBy(() -> h.forwards(before,
        new AddField(n("Product"), n("code"), chars(10).build())))
        .hasMessageContaining("NOT NULL");
    h.assertSchema(before, "after a failed AddField");
    assertThat(strings("SELECT name FROM shop_product ORDER BY id")).containsExactly("pen", "ink");
  }

  @Test void removeFieldKeepsTheOtherColumns() throws Exception {
    alterKeepingRows(new RemoveField(n("Product"), n("stock")));
  }

  @Test void removeFieldForeignKeyIndexedAndManyToMany() throws Exception {
    alterKeepingRows(new RemoveField(n("Product"), n("category")));
    ProjectState before = base();
    h.roundTrip(before, new RemoveField(n("Product"), n("tags")));
    h.execute("INSERT INTO shop_product_tags (product_id, tag_id)"
        + " SELECT p.id, t.id FROM shop_product p JOIN shop_tag t ON t.name = 'blue'");
  }

  @Test void removeFieldUniqueAndIndexed() throws Exception {
    ProjectState before = h.migrate(base(),
        new AddField(n("Product"), n("sku"), chars(20).nullable(true).unique(true).build()),
        new AddField(n("Product"), n("slug"), Field.of(FieldType.SLUG).nullable(true).build()),
        new AddIndex(n("Product"), new Index("product_price_idx", names("price"), false, null)));
    insertProducts();
    h.execute("UPDATE shop_product SET sku = 'S' || id, slug = 'p' || id");
    alterKeepingRows(before, new RemoveField(n("Product"), n("sku")));
    alterKeepingRows(before, new RemoveField(n("Product"), n("slug")));
    // The removed columns come back empty: their data is gone, as on every database.
    assertThat(h.rows("SELECT count(*) FROM shop_product WHERE sku IS NULL AND slug IS NULL"))
        .containsExactly(List.of(2));
  }

  @Test void alterFieldChangesType() throws Exception {
    alterKeepingRows(new AlterField(n("Product"), n("stock"), Field.of(FieldType.BIG_INTEGER).nullable(true).build()));
    alterKeepingRows(new AlterField(n("Product"), n("name"), Field.of(FieldType.TEXT).build()));
    assertThat(strings("SELECT stock FROM shop_product ORDER BY id")).containsExactly("3", "4");
  }

  @Test void alterFieldFromNullToNotNullFillsNullsWithTheDefault() throws Exception {
    ProjectState before = base();
    insertProducts();
    h.execute("UPDATE shop_product SET stock = NULL WHERE name = 'ink'");
    AlterField op = new AlterField(n("Product"), n("stock"), integer().defaultValue(5).build());
    alterKeepingRows(before, op);
    h.forwards(before, op);
    assertThat(strings("SELECT stock FROM shop_product ORDER BY id")).containsExactly("3", "5");
    h.backwards(before, op);
  }

  @Test void alterFieldFromNullToNotNullWithoutDefaultRefusesNulls() throws Exception {
    ProjectState before = base();
    insertProducts();
    h.execute("UPDATE shop_product SET stock = NULL WHERE name = 'ink'");
    assertThatThrownBy(() -> h.forwards(before,
        new AlterField(n("Product"), n("stock"), integer().build())))
        .hasMessageContaining("NOT NULL");
    h.assertSchema(before, "after a failed AlterField");
  }

  /** A hand-written AlterField to or from through would drop a join table with its rows. */
  @Test void alterFieldToOrFromAThroughModelRefusesToDropTheJoinTable() throws Exception {
    ProjectState before = h.migrate(base(), createModel("ProductTag", "id", id(),
        "product", foreignKey("shop.Product"), "tag", foreignKey("shop.Tag")));
    insertProducts();
    var pairs = strings("SELECT count(*) FROM shop_product_tags");
    AlterField toThrough = new AlterField(n("Product"), n("tags"),
        manyToMany("shop.Tag").through("shop.ProductTag").build());

    assertThatThrownBy(() -> h.forwards(before, toThrough))
        .isInstanceOf(dev.cairn.schema.UnsupportedSchemaChange.class)
        .hasMessageContaining("AlterField of shop.Product.tags to use the through model"
            + " shop.ProductTag would drop a join table with its rows")
        .hasMessageContaining("SeparateDatabaseAndState");
    AlterField toAuto = new AlterField(n("Product"), n("tags"), manyToMany("shop.Tag").build());
    assertThatThrownBy(() -> h.sql(toThrough.stateForwards("shop", before), toAuto, false))
        .hasMessageContaining("to stop using the through model shop.ProductTag");
    assertThat(strings("SELECT count(*) FROM shop_product_tags")).isEqualTo(pairs);
    h.assertSchema(before, "after a refused AlterField");
  }

  /** preserve_default: false, as makemigrations writes a value given for the NULL rows. */
  @Test void alterFieldWithAOneOffDefaultFillsTheNullRowsAndKeepsItOutOfTheState() throws Exception {
    ProjectState before = base();
    insertProducts();
    h.execute("UPDATE shop_product SET stock = NULL WHERE name = 'ink'");
    AlterField op = new AlterField(n("Product"), n("stock"), integer().defaultValue(5).build(), false);
    ProjectState after = h.forwards(before, op);
    assertThat(after.requireModel("shop", n("Product")).requireField(n("stock")))
        .isEqualTo(integer().build());
    assertThat(strings("SELECT stock FROM shop_product ORDER BY id")).containsExactly("3", "5");
    h.backwards(before, op);
    h.execute("UPDATE shop_product SET stock = NULL WHERE name = 'ink'");
    h.forwards(before, op);
    assertThat(strings("SELECT stock FROM shop_product ORDER BY id")).containsExactly("3", "5");
  }

  @Test void alterFieldFromNotNullToNull() throws Exception {
    alterKeepingRows(new AlterField(n("Product"), n("price"), decimal(8, 2).nullable(true).build()));
  }

  @Test void alterFieldDbDefault() throws Exception {
    alterKeepingRows(new AlterField(n("Product"), n("stock"), integer().nullable(true).dbDefault("0").build()));
    alterKeepingRows(new AlterField(n("Product"), n("stock"), integer().nullable(true).defaultValue(4).build()));
  }

  @Test void alterFieldUniqueOnAndOff() throws Exception {
    alterKeepingRows(new AlterField(n("Product"), n("name"), chars(100).unique(true).build()));
    ProjectState unique =
        h.forwards(base(), new AlterField(n("Product"), n("name"), chars(100).unique(true).build()));
    alterKeepingRows(unique, new AlterField(n("Product"), n("name"), chars(100).build()));
    h.backwards(base(), new AlterField(n("Product"), n("name"), chars(100).unique(true).build()));
    h.execute("UPDATE shop_product SET category_id = NULL WHERE name = 'ink'");
    alterKeepingRows(new AlterField(n("Product"), n("category"),
        foreignKey("shop.Category").nullable(true).unique(true).build()));
  }

  @Test void alterFieldUniqueFailsOnDuplicatesAndChangesNothing() throws Exception {
    ProjectState before = base();
    insertProducts();
    h.execute("UPDATE shop_product SET name = 'pen'");
    assertThatThrownBy(() -> h.forwards(before,
        new AlterField(n("Product"), n("name"), chars(100).unique(true).build())))
        .hasMessageContaining("UNIQUE");
    h.assertSchema(before, "after a failed AlterField");
    assertReviewsIntact();
  }

  @Test void alterFieldDbIndexOnAndOff() throws Exception {
    alterKeepingRows(new AlterField(n("Product"), n("name"), chars(100).dbIndex(true).build()));
    alterKeepingRows(new AlterField(n("Product"), n("category"),
        foreignKey("shop.Category").nullable(true).dbIndex(false).build()));
  }

  @Test void alterFieldMaxLength() throws Exception {
    alterKeepingRows(new AlterField(n("Product"), n("name"), chars(200).build()));
  }

  @Test void narrowingKeepsEveryValueAsItWasSinceSqliteIgnoresLengthAndScale() throws Exception {
    ProjectState before = base();
    insertProducts();
    h.execute("UPDATE shop_product SET name = 'fountain pen' WHERE name = 'pen'");
    h.execute("UPDATE shop_product SET price = 9.987 WHERE name = 'ink'");
    String query = "SELECT name || '|' || price FROM shop_product ORDER BY id";
    List<String> rows = strings(query);
    ProjectState narrow = h.forwards(before, new AlterField(n("Product"), n("name"), chars(4).build()));
    h.forwards(narrow, new AlterField(n("Product"), n("price"), decimal(8, 1).build()));
    assertThat(strings(query)).isEqualTo(rows).containsExactly("fountain pen|1.5", "ink|9.987");
  }

  @Test void alterFieldOnlyItsDefaultRunsNothing() throws Exception {
    ProjectState before = base();
    var sql = h.sql(before, new AlterField(n("Product"), n("stock"),
        integer().nullable(true).defaultValue(1).build()), false);
    assertThat(sql).isEmpty();
  }

  @Test void alterFieldToAnotherForeignKeyTarget() throws Exception {
    ProjectState before = h.migrate(base(), createModel("Maker", "id", id()));
    insertProducts();
    h.execute("UPDATE shop_product SET category_id = NULL");
    alterKeepingRows(before, new AlterField(n("Product"), n("category"),
        foreignKey("shop.Maker").nullable(true).build()));
    h.forwards(before, new AlterField(n("Product"), n("category"),
        foreignKey("shop.Maker").nullable(true).build()));
    assertThat(foreignKeys("shop_product")).containsExactly(
        new SchemaSnapshot.ForeignKey("category_id", "shop_maker", "id"));
    h.backwards(before, new AlterField(n("Product"), n("category"),
        foreignKey("shop.Maker").nullable(true).build()));
    alterKeepingRows(before, new AlterField(n("Product"), n("category"),
        foreignKey("shop.Category").nullable(true).onDelete(OnDelete.PROTECT).build()));
  }

  @Test void alterFieldToAMissingTargetRowFailsTheIntegrityCheck() throws Exception {
    ProjectState before = h.migrate(base(), createModel("Maker", "id", id()));
    insertProducts();
    assertThatThrownBy(() -> h.forwards(before, new AlterField(n("Product"), n("category"),
        foreignKey("shop.Maker").nullable(true).build())))
        .hasMessageContaining("foreign key check failed");
    h.assertSchema(before, "after a failed AlterField");
  }

  @Test void alterFieldColumnAndForeignKeyTogether() throws Exception {
    ProjectState before = h.migrate(base(), createModel("Maker", "id", id()));
    insertProducts();
    h.execute("UPDATE shop_product SET category_id = NULL");
    alterKeepingRows(before, new AlterField(n("Product"), n("category"),
        foreignKey("shop.Maker").nullable(true).dbColumn("maker_ref").build()));
  }

  @Test void alterFieldPositive() throws Exception {
    alterKeepingRows(new AlterField(n("Product"), n("stock"),
        Field.of(FieldType.POSITIVE_INTEGER).nullable(true).build()));
  }

  @Test void alterFieldAutoToBigAutoRetypesTheKeysPointingAtIt() throws Exception {
    CreateModel box = createModel("Box", "id", Field.of(FieldType.AUTO).primaryKey(true),
        "parent", foreignKey("shop.Box").nullable(true), "peers", manyToMany("shop.Box"));
    CreateModel crate = createModel("Crate", "id", id(), "box", foreignKey("shop.Box"),
        "boxes", manyToMany("shop.Box"));
    ProjectState before = h.migrate(ProjectState.empty(), box, crate);
    h.execute("INSERT INTO shop_box (parent_id) VALUES (NULL)");
    h.execute("INSERT INTO shop_box (parent_id) VALUES (1)");
    h.execute("INSERT INTO shop_crate (box_id) SELECT id FROM shop_box");
    h.execute("INSERT INTO shop_crate_boxes (crate_id, box_id) SELECT id, box_id FROM shop_crate");
    AlterField big = new AlterField(n("Box"), n("id"), Field.of(FieldType.BIG_AUTO).primaryKey(true).build());
    h.forwards(before, big);
    assertThat(h.introspect().tables().get("shop_crate").column("box_id").orElseThrow().type())
        .isEqualTo("bigint");
    h.backwards(before, big);
    assertThat(strings("SELECT box_id FROM shop_crate ORDER BY id")).containsExactly("1", "2");
    assertThat(strings("SELECT box_id FROM shop_crate_boxes ORDER BY id")).containsExactly("1", "2");
    assertThat(strings("SELECT coalesce(parent_id, '-') FROM shop_box ORDER BY id"))
        .containsExactly("-", "1");
  }

  @Test void aRemakeNeverReusesTheIdsOfDeletedRows() throws Exception {
    ProjectState before = base();
    insertProducts();
    h.execute("INSERT INTO shop_product (name, price) VALUES ('gone', 1)");
    h.execute("DELETE FROM shop_product WHERE name = 'gone'");
    h.forwards(before, new AlterField(n("Product"), n("name"), chars(200).build()));
    h.execute("INSERT INTO shop_product (name, price) VALUES ('new', 1)");
    assertThat(strings("SELECT id FROM shop_product WHERE name = 'new'")).containsExactly("4");
  }

  @Test void foreignKeysOfOtherTablesStillActAfterARemake() throws Exception {
    ProjectState before = base();
    insertProducts();
    h.migrate(before, new AlterField(n("Product"), n("name"), chars(200).build()),
        new AlterModelTable(n("Product"), "item"));
    h.execute("PRAGMA foreign_keys = ON");
    h.execute("DELETE FROM item WHERE name = 'pen'");
    assertThat(strings("SELECT body FROM shop_review")).containsExactly("good ink");
    assertThatThrownBy(() -> h.execute("INSERT INTO shop_review (product_id, body) VALUES (99, 'x')"))
        .hasMessageContaining("FOREIGN KEY");
  }

  @Test void renameFieldPlain() throws Exception {
    ProjectState before = base();
    var sql = h.sql(before, new RenameField(n("Product"), n("stock"), n("amount")), false);
    assertThat(sql).extracting(s -> s.sql()).containsExactly(
        "ALTER TABLE \"shop_product\" RENAME COLUMN \"stock\" TO \"amount\"");
    alterKeepingRows(new RenameField(n("Product"), n("stock"), n("amount")));
    alterKeepingRows(new RenameField(n("Product"), n("price"), n("cost")));
  }

  @Test void renameFieldForeignKey() throws Exception {
    ProjectState before = base();
    alterKeepingRows(new RenameField(n("Product"), n("category"), n("group")));
    h.forwards(before, new RenameField(n("Product"), n("category"), n("group")));
    assertThat(h.rows("SELECT count(group_id) FROM shop_product")).containsExactly(List.of(2));
    assertThat(foreignKeys("shop_product")).containsExactly(
        new SchemaSnapshot.ForeignKey("group_id", "shop_category", "id"));
  }

  @Test void renameFieldUniqueAndIndexed() throws Exception {
    ProjectState before = h.migrate(base(),
        new AddField(n("Product"), n("sku"), chars(20).nullable(true).unique(true).build()),
        new AddField(n("Product"), n("slug"), Field.of(FieldType.SLUG).nullable(true).build()),
        new AddIndex(n("Product"), new Index("product_sku_slug", names("sku", "slug"), false, null)),
        new AddConstraint(n("Product"), Constraint.unique("product_slug_price", names("slug", "price"), null)));
    insertProducts();
    h.execute("UPDATE shop_product SET sku = 'S' || id, slug = 'p' || id");
    alterKeepingRows(before, new RenameField(n("Product"), n("sku"), n("code")));
    alterKeepingRows(before, new RenameField(n("Product"), n("slug"), n("handle")));
    alterKeepingRows(before, new RenameField(n("Category"), n("name"), n("title")));
    assertThat(strings("SELECT sku || slug FROM shop_product ORDER BY id"))
        .containsExactly("S1p1", "S2p2");
  }

  @Test void renameFieldPositiveAndOneToOne() throws Exception {
    ProjectState before = h.migrate(base(),
        new AddField(n("Product"), n("sold"), Field.of(FieldType.POSITIVE_SMALL_INTEGER).nullable(true).build()),
        new AddField(n("Product"), n("main_tag"), Field.of(FieldType.ONE_TO_ONE).to("shop.Tag").nullable(true).build()));
    insertProducts();
    alterKeepingRows(before, new RenameField(n("Product"), n("sold"), n("units_sold")));
    alterKeepingRows(before, new RenameField(n("Product"), n("main_tag"), n("label")));
  }

  @Test void renameFieldManyToMany() throws Exception {
    ProjectState before = base();
    insertProducts();
    h.forwards(before, new RenameField(n("Product"), n("tags"), n("labels")));
    assertThat(h.rows("SELECT count(*) FROM shop_product_labels")).containsExactly(List.of(2));
    h.backwards(before, new RenameField(n("Product"), n("tags"), n("labels")));
    assertThat(h.rows("SELECT count(*) FROM shop_product_tags")).containsExactly(List.of(2));
  }

  @Test void alterFieldManyToManyTarget() throws Exception {
    h.roundTrip(base(), new AlterField(n("Product"), n("tags"), manyToMany("shop.Category").build()));
  }

  // ---- indexes and constraints ----------------------------------------------------------------

  @Test void addIndexRemoveIndexAndRenameIndex() throws Exception {
    Index index = new Index("product_name_price", names("name", "price"), false, null);
    ProjectState before = base();
    ProjectState withIndex = h.forwards(before, new AddIndex(n("Product"), index));
    h.roundTrip(withIndex, new RenameIndex(n("Product"), "product_np", "product_name_price"));
    h.roundTrip(withIndex, new RemoveIndex(n("Product"), "product_name_price"));
    h.backwards(before, new AddIndex(n("Product"), index));
    h.roundTrip(before, new AddIndex(n("Product"),
        new Index("product_cheap", names("price"), true, "price < 10")));
  }

  @Test void namedIndexesAndConstraintsSurviveARemake() throws Exception {
    ProjectState before = h.migrate(base(),
        new AddIndex(n("Product"), new Index("product_name_price", names("name", "price"), false, null)),
        new AddIndex(n("Product"), new Index("product_cheap", names("price"), true, "price < 10")),
        new AddConstraint(n("Product"), Constraint.unique("product_name_cat", names("name", "category"), null)),
        new AddConstraint(n("Product"), Constraint.check("product_price_gte_0", "price >= 0")));
    insertProducts();
    alterKeepingRows(before, new AlterField(n("Product"), n("stock"), Field.of(FieldType.BIG_INTEGER).nullable(true).build()));
    alterKeepingRows(before, new RemoveField(n("Product"), n("stock")));
    assertThatThrownBy(() -> h.execute("UPDATE shop_product SET price = -1"))
        .hasMessageContaining("product_price_gte_0");
  }

  @Test void addAndRemoveUniqueConstraint() throws Exception {
    addAndRemove(Constraint.unique("product_name_category", names("name", "category"), null));
  }

  @Test void addAndRemoveConditionalUniqueConstraint() throws Exception {
    addAndRemove(Constraint.unique("product_name_stocked", names("name"), "stock > 0"));
  }

  @Test void addAndRemoveCheckConstraint() throws Exception {
    addAndRemove(Constraint.check("product_price_gte_0", "price >= 0"));
  }

  // ---- raw SQL and Java -----------------------------------------------------------------------

  @Test void runSqlGoesBackWithReverseSqlAndTellsTheStateWhatItDid() throws Exception {
    RunSQL sql = new RunSQL(List.of("ALTER TABLE shop_product ADD COLUMN note text NULL"),
        List.of("ALTER TABLE shop_product DROP COLUMN note"),
        List.of(new AddField(n("Product"), n("note"), Field.of(FieldType.TEXT).nullable(true).build())),
        false);
    alterKeepingRows(sql);
  }

  @Test void irreversibleRunSqlRefusesToGoBack() throws Exception {
    ProjectState before = base();
    RunSQL sql = new RunSQL(List.of("INSERT INTO shop_tag (name) VALUES ('x')"), null, null, false);
    h.forwards(before, sql);
    assertThat(sql.isReversible()).isFalse();
    assertThatThrownBy(() -> h.backwards(before, sql)).isInstanceOf(IrreversibleOperation.class);
    assertThat(strings("SELECT name FROM shop_tag")).containsExactly("x");
  }

  @Test void runJavaRunsItsCodeBothWays() throws Exception {
    ProjectState before = base();
    insertProducts();
    RunJava java = new RunJava(LowercaseTagNames.class.getName(),
        LowercaseTagNames.Reverse.class.getName(), false);
    h.execute("UPDATE shop_tag SET name = 'Blue' WHERE name = 'blue'");
    h.forwards(before, java);
    assertThat(strings("SELECT name FROM shop_tag ORDER BY id")).containsExactly("blue", "red");
    h.backwards(before, java);
    assertThat(strings("SELECT name FROM shop_tag ORDER BY id")).containsExactly("BLUE", "RED");
  }

  @Test void separateDatabaseAndStateRunsOneAndRecordsTheOther() throws Exception {
    ProjectState before = base();
    SeparateDatabaseAndState op = new SeparateDatabaseAndState(
        List.of(new RunSQL(List.of("CREATE TABLE legacy (id bigint PRIMARY KEY NOT NULL)"),
            List.of("DROP TABLE legacy"), null, false)),
        List.of(new CreateModel(n("Legacy"), fields("id", Field.of(FieldType.BIG_INTEGER).primaryKey(true)),
            new ModelOptions("legacy", true, null), null, null)));
    h.roundTrip(before, op);
  }

  @Test void aFailureInTheMiddleLeavesNoSchemaChange() throws Exception {
    ProjectState before = base();
    AddField add = new AddField(n("Product"), n("code"), chars(10).defaultValue("x").build());
    RunSQL broken = new RunSQL(List.of("THIS IS NOT SQL"), List.of(), null, false);
    ProjectState mid = add.stateForwards("shop", before);
    assertThatThrownBy(() -> h.inTransaction(c -> {
      var editor = dialect.schemaEditor(new ConnectionSink(c));
      add.databaseForwards(editor, "shop", before, mid);
      broken.databaseForwards(editor, "shop", mid, mid);
    })).isInstanceOf(java.sql.SQLException.class);
    assertThat(h.introspect()).isEqualTo(ExpectedSchema.of(before, dialect));
  }

  // ---- identifiers that need quoting ----------------------------------------------------------

  @Test void identifiersThatNeedQuotingSurviveEveryChange() throws Exception {
    CreateModel select = new CreateModel(n("Select"), fields(
        "id", id(),
        "order", chars(20),
        "Mixed Case", integer().nullable(true),
        "quo\"te", chars(10).nullable(true).unique(true),
        "group", foreignKey("shop.Select").nullable(true),
        "from", manyToMany("shop.Tag")),
        new ModelOptions("select", true, null),
        List.of(new Index("select \"order\" idx", names("order", "Mixed Case"), false, null)),
        List.of(Constraint.check("order \"not\" empty", "\"order\" <> ''")));
    ProjectState s = h.migrate(h.migrate(ProjectState.empty(), TAG), select);
    h.execute("INSERT INTO shop_tag (name) VALUES ('blue')");
    h.execute("INSERT INTO \"select\" (\"order\", \"Mixed Case\", \"quo\"\"te\") VALUES ('a', 1, 'q1')");
    h.execute("INSERT INTO \"select\" (\"order\", \"Mixed Case\", \"group_id\") VALUES ('b', 2, 1)");
    h.execute("INSERT INTO \"select_from\" (select_id, tag_id) VALUES (1, 1)");
    List<Operation> ops = List.of(
        new AddField(n("Select"), n("where"), integer().defaultValue(9).build()),
        new AlterField(n("Select"), n("order"), chars(40).build()),
        new AlterField(n("Select"), n("Mixed Case"), integer().nullable(true).dbIndex(true).build()),
        new RenameField(n("Select"), n("Mixed Case"), n("Upper Lower")),
        new RenameField(n("Select"), n("group"), n("table")),
        new RemoveField(n("Select"), n("quo\"te")),
        new AddIndex(n("Select"), new Index("by \"where\"", names("where"), false, null)),
        new RenameIndex(n("Select"), "by where", "by \"where\""),
        new AddConstraint(n("Select"), Constraint.unique("un\"ique", names("order"), "\"where\" > 0")),
        new AddConstraint(n("Select"), Constraint.check("where \"pos\"", "\"where\" >= 0")),
        new RenameModel(n("Select"), n("Order")),
        new AlterModelTable(n("Order"), "Table \"x\""));
    List<ProjectState> states = new ArrayList<>();
    for (Operation op : ops) {
      states.add(s);
      s = h.forwards(s, op);
    }
    assertThat(strings("SELECT \"order\" || '/' || coalesce(\"Upper Lower\", '-') || '/'"
        + " || coalesce(table_id, '-') || '/' || \"where\" FROM \"Table \"\"x\"\"\" ORDER BY id"))
        .containsExactly("a/1/-/9", "b/2/1/9");
    assertThat(h.rows("SELECT count(*) FROM \"Table \"\"x\"\"_from\"")).containsExactly(List.of(1));
    for (int i = ops.size() - 1; i >= 0; i--) h.backwards(states.get(i), ops.get(i));
    assertThat(strings("SELECT \"order\" || '/' || \"Mixed Case\" || '/' || coalesce(group_id, '-')"
        + " FROM \"select\" ORDER BY id")).containsExactly("a/1/-", "b/2/1");
    h.roundTrip(states.get(0), new DeleteModel(n("Select")));
  }

  @Test void twoLongModelNamesAlikeInTheirFirst63BytesGetTwoTables() throws Exception {
    String stem = "Inventory".repeat(6) + "Xy"; // 59 characters with "One": the join column fits
    CreateModel one = createModel(stem + "One", "id", id(), "tags", manyToMany("shop.Tag"));
    CreateModel two = createModel(stem + "Two", "id", id(), "tags", manyToMany("shop.Tag"),
        "one", foreignKey("shop." + stem + "One").nullable(true));
    ProjectState before = h.migrate(ProjectState.empty(), TAG);
    ProjectState after = h.migrate(before, one, two);
    assertThat(h.introspect().tables().keySet()).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(63))
        .hasSize(5);
    String table = after.requireModel("shop", n(stem + "Two")).table();
    h.execute("INSERT INTO \"" + table + "\" (one_id) VALUES (NULL)");
    h.roundTrip(after, new RenameField(n(stem + "Two"), n("one"), n("first")));
    h.backwards(one.stateForwards("shop", before), two);
    h.backwards(before, one);
  }

  @Test void renamingAPrimaryKeyThatOtherTablesPointAtKeepsTheirKeysAndRows() throws Exception {
    CreateModel shelf = createModel("Shelf", "sku", chars(10).primaryKey(true), "name", chars(30));
    CreateModel box = createModel("Box", "id", id(), "label", chars(30).unique(true));
    CreateModel item = createModel("Item", "id", id(),
        "shelf", foreignKey("shop.Shelf"),
        "box", foreignKey("shop.Box").nullable(true),
        "shelves", manyToMany("shop.Shelf"),
        "boxes", manyToMany("shop.Box"));
    ProjectState before = h.migrate(ProjectState.empty(), shelf, box, item);
    h.execute("INSERT INTO shop_shelf (sku, name) VALUES ('s1', 'top'), ('s2', 'low')");
    h.execute("INSERT INTO shop_box (label) VALUES ('red')");
    h.execute("INSERT INTO shop_item (shelf_id, box_id) SELECT 's2', id FROM shop_box");
    h.execute("INSERT INTO shop_item_shelves (item_id, shelf_id) SELECT id, 's1' FROM shop_item");
    h.execute("INSERT INTO shop_item_boxes (item_id, box_id) SELECT i.id, b.id FROM shop_item i, shop_box b");
    String rows = "SELECT i.shelf_id, i.box_id, s.shelf_id, b.box_id FROM shop_item i"
        + " JOIN shop_item_shelves s ON s.item_id = i.id JOIN shop_item_boxes b ON b.item_id = i.id";
    List<List<Object>> kept = h.rows(rows);
    assertThat(kept).hasSize(1);
    for (Operation rename : List.of(new RenameField(n("Shelf"), n("sku"), n("code")),
        new RenameField(n("Box"), n("id"), n("number")))) {
      ProjectState after = h.forwards(before, rename);
      assertThat(h.rows(rows)).isEqualTo(kept);
      h.backwards(before, rename);
      assertThat(h.rows(rows)).isEqualTo(kept);
      h.forwards(before, rename);
      before = after;
    }
    assertThat(h.introspect().tables().get("shop_item").foreignKeys()).containsExactlyInAnyOrder(
        new dev.cairn.schema.SchemaSnapshot.ForeignKey("shelf_id", "shop_shelf", "code"),
        new dev.cairn.schema.SchemaSnapshot.ForeignKey("box_id", "shop_box", "number"));
    assertThatThrownBy(() -> h.inTransaction(c -> {
      try (var s = c.createStatement()) {
        s.execute("INSERT INTO shop_item (shelf_id) VALUES ('nowhere')");
      }
    })).isInstanceOf(java.sql.SQLException.class);
  }

  @Test void aDatabaseMadeByDjangoEvolvesByTheNamesItHas() throws Exception {
    // Django's DDL on SQLite: inline UNIQUE and CHECK, and index names of no scheme at all, as a
    // database adopted from elsewhere may have.
    h.execute("CREATE TABLE \"shop_category\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT,"
        + " \"name\" varchar(50) NOT NULL UNIQUE)");
    h.execute("CREATE TABLE \"shop_product\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT,"
        + " \"name\" varchar(100) NOT NULL, \"code\" varchar(20) NOT NULL UNIQUE,"
        + " \"stock\" integer unsigned NOT NULL CHECK (\"stock\" >= 0), \"category_id\" bigint NULL"
        + " REFERENCES \"shop_category\" (\"id\") DEFERRABLE INITIALLY DEFERRED)");
    h.execute("CREATE INDEX legacy_product_category_idx ON shop_product (category_id)");
    h.execute("CREATE INDEX legacy_product_name_idx ON shop_product (name)");
    h.execute("INSERT INTO shop_category (name) VALUES ('office')");
    h.execute("INSERT INTO shop_product (name, code, stock, category_id) SELECT 'pen', 'p-1', 3, id"
        + " FROM shop_category");
    ProjectState adopted = adoptedState();

    List<Operation> ops = List.of(
        new AlterField(n("Product"), n("name"), chars(100).build()),
        new AlterField(n("Product"), n("code"), chars(20).build()),
        new AlterField(n("Product"), n("stock"), integer().build()),
        new RenameField(n("Product"), n("category"), n("group")),
        new AlterField(n("Product"), n("group"),
            foreignKey("shop.Category").nullable(true).onDelete(OnDelete.PROTECT).build()),
        new RenameField(n("Category"), n("name"), n("title")),
        new AlterField(n("Category"), n("title"), chars(50).build()));
    List<ProjectState> states = new java.util.ArrayList<>(List.of(adopted));
    for (Operation op : ops) states.add(h.forwardsUnchecked(states.get(states.size() - 1), op));
    h.assertSchema(states.get(ops.size()), "after evolving a database Cairn did not make");
    assertThat(h.rows("SELECT name, code, stock, group_id FROM shop_product"))
        .containsExactly(List.of("pen", "p-1", 3, 1));
    for (int i = ops.size() - 1; i >= 0; i--) h.backwards(states.get(i), ops.get(i));
    h.assertSchema(adopted, "back at the start, now with the generated names");
  }

  /** The models of the database above, as its initial migration (faked) describes them. */
  private static ProjectState adoptedState() {
    ProjectState s = createModel("Category", "id", id(), "name", chars(50).unique(true))
        .stateForwards("shop", ProjectState.empty());
    return createModel("Product", "id", id(), "name", chars(100).dbIndex(true),
        "code", chars(20).unique(true), "stock", Field.of(FieldType.POSITIVE_INTEGER),
        "category", foreignKey("shop.Category").nullable(true)).stateForwards("shop", s);
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** Category, Tag, Product (with its join table) and Review, which points at Product. */
  private ProjectState base() throws Exception {
    if (h.introspect().tables().isEmpty()) {
      return h.migrate(ProjectState.empty(), CATEGORY, TAG, PRODUCT, REVIEW);
    }
    ProjectState s = ProjectState.empty();
    for (Operation op : List.of(CATEGORY, TAG, PRODUCT, REVIEW)) s = op.stateForwards("shop", s);
    return s;
  }

  private void addAndRemove(Constraint constraint) throws Exception {
    ProjectState before = base();
    insertProducts();
    ProjectState with = alterKeepingRows(before, new AddConstraint(n("Product"), constraint));
    h.forwards(before, new AddConstraint(n("Product"), constraint));
    alterKeepingRows(with, new RemoveConstraint(n("Product"), constraint.name()));
    h.backwards(before, new AddConstraint(n("Product"), constraint));
  }

  private void insertProducts() throws Exception {
    h.execute("INSERT INTO shop_category (name) VALUES ('office')");
    h.execute("INSERT INTO shop_tag (name) VALUES ('blue'), ('red')");
    h.execute("INSERT INTO shop_product (name, price, stock, category_id)"
        + " SELECT 'pen', 1.50, 3, id FROM shop_category");
    h.execute("INSERT INTO shop_product (name, price, stock, category_id)"
        + " SELECT 'ink', 9.99, 4, id FROM shop_category");
    h.execute("INSERT INTO shop_product_tags (product_id, tag_id)"
        + " SELECT p.id, t.id FROM shop_product p JOIN shop_tag t ON t.name = 'blue'");
    h.execute("INSERT INTO shop_review (product_id, body) SELECT id, 'good ' || name FROM shop_product");
  }

  private ProjectState alterKeepingRows(Operation op) throws Exception {
    ProjectState before = base();
    if (h.rows("SELECT 1 FROM shop_product").isEmpty()) insertProducts();
    return alterKeepingRows(before, op);
  }

  /**
   * Applies and unapplies {@code op}, checking each time the rows of untouched columns, the join
   * table, and Review's key to Product.
   */
  private ProjectState alterKeepingRows(ProjectState before, Operation op) throws Exception {
    String query = "SELECT id || '|' || name || '|' || price FROM shop_product ORDER BY id";
    // The checked columns must be ones the operation leaves alone: fall back to ids otherwise.
    boolean touchesName = op.describe().contains(" name ") || op.describe().contains("price");
    if (touchesName) query = "SELECT id FROM shop_product ORDER BY id";
    List<String> rows = strings(query);
    assertThat(rows).isNotEmpty();
    ProjectState after = h.forwards(before, op);
    assertThat(strings(query)).as("after " + op.describe()).isEqualTo(rows);
    assertReviewsIntact();
    h.backwards(before, op);
    assertThat(strings(query)).as("after unapplying " + op.describe()).isEqualTo(rows);
    assertReviewsIntact();
    assertThat(h.rows("SELECT count(*) FROM shop_product_tags")).containsExactly(List.of(2));
    return after;
  }

  /** Review still points at shop_product, no key dangles, and a join on the key finds every row. */
  private void assertReviewsIntact() throws Exception {
    String product = h.introspect().tables().containsKey("shop_product") ? "shop_product" : null;
    assertThat(h.rows("PRAGMA foreign_key_check")).isEmpty();
    if (product == null || !h.introspect().tables().containsKey("shop_review")) return;
    assertThat(foreignKeys("shop_review")).containsExactly(
        new SchemaSnapshot.ForeignKey("product_id", "shop_product", "id"));
    assertThat(h.rows("SELECT count(*) FROM shop_review")).isEqualTo(
        h.rows("SELECT count(*) FROM shop_review r JOIN shop_product p ON p.id = r.product_id"));
  }

  private java.util.Set<SchemaSnapshot.ForeignKey> foreignKeys(String table) throws Exception {
    return h.introspect().tables().get(table).foreignKeys();
  }

  /** The first column of each row, as text. */
  private List<String> strings(String sql) throws Exception {
    return h.rows(sql).stream().map(r -> String.valueOf(r.get(0))).toList();
  }
}
