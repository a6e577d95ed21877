package dev.cairn.dialect.postgres;

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
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.Index;
import dev.cairn.state.OnDelete;
import dev.cairn.state.ProjectState;
import dev.cairn.testing.OperationHarness;
import dev.cairn.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every operation forwards and backwards on a real PostgreSQL, checked by introspection. */
final class PostgresOperationsTest {
  @RegisterExtension static final PostgresTestDatabase db = new PostgresTestDatabase();

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

  private Connection connection;
  private OperationHarness h;

  @BeforeEach void open() throws Exception {
    db.reset();
    connection = db.connect();
    h = new OperationHarness(db.dialect(), connection, "shop");
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
        "flag", Field.of(FieldType.BOOLEAN).dbDefault("true"),
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
    assertThat(h.rows("SELECT obj_description('shop_everything'::regclass, 'pg_class')"))
        .containsExactly(List.of("all the types"));
    h.backwards(before, everything);
  }

  @Test void createModelOnAnEmptyDatabaseMakesTableAndJoinTable() throws Exception {
    ProjectState before = h.migrate(ProjectState.empty(), CATEGORY, TAG);
    h.forwards(before, PRODUCT);
    assertThat(h.introspect().tables()).containsKeys("shop_product", "shop_product_tags");
    h.backwards(before, PRODUCT);
    assertThat(h.introspect().tables()).doesNotContainKeys("shop_product", "shop_product_tags");
  }

  @Test void deleteModelDropsTableAndJoinTablesAndComesBackEmpty() throws Exception {
    ProjectState before = h.migrate(ProjectState.empty(), CATEGORY, TAG, PRODUCT);
    h.execute("INSERT INTO shop_product (name, price) VALUES ('pen', 1.50)");
    h.forwards(before, new DeleteModel(n("Product")));
    assertThat(h.introspect().tables()).doesNotContainKeys("shop_product", "shop_product_tags");
    h.backwards(before, new DeleteModel(n("Product")));
  }

  @Test void renameModelRenamesTablesJoinColumnsAndKeepsRows() throws Exception {
    ProjectState before = h.migrate(ProjectState.empty(), CATEGORY, TAG, PRODUCT);
    insertProducts();
    ProjectState after = h.forwards(before, new RenameModel(n("Product"), n("Item")));
    assertThat(h.introspect().tables()).containsKeys("shop_item", "shop_item_tags");
    assertThat(h.rows("SELECT count(*) FROM shop_item_tags WHERE item_id IS NOT NULL"))
        .containsExactly(List.of(2L));
    h.backwards(before, new RenameModel(n("Product"), n("Item")));
    assertThat(h.rows("SELECT name FROM shop_product ORDER BY id"))
        .containsExactly(List.of("pen"), List.of("ink"));
    assertThat(after.model(dev.cairn.state.ModelKey.of("shop", "item"))).isPresent();
  }

  @Test void renameModelRenamesTheColumnsOfOtherModelsJoinTables() throws Exception {
    ProjectState before = h.migrate(ProjectState.empty(), CATEGORY, TAG, PRODUCT);
    insertProducts();
    h.forwards(before, new RenameModel(n("Tag"), n("Label")));
    assertThat(h.introspect().tables().get("shop_product_tags").columnNames())
        .containsExactly("id", "product_id", "label_id");
    h.backwards(before, new RenameModel(n("Tag"), n("Label")));
  }

  @Test void renameModelWithASelfRelation() throws Exception {
    CreateModel person = createModel("Person", "id", id(), "friends", manyToMany("shop.Person"),
        "boss", foreignKey("shop.Person").nullable(true));
    h.roundTrip(h.migrate(ProjectState.empty(), person), new RenameModel(n("Person"), n("Human")));
  }

  @Test void alterModelTableMovesTableAndJoinTable() throws Exception {
    ProjectState before = h.migrate(ProjectState.empty(), CATEGORY, TAG, PRODUCT);
    insertProducts();
    ProjectState after = h.forwards(before, new AlterModelTable(n("Product"), "catalog_item"));
    assertThat(h.introspect().tables()).containsKeys("catalog_item", "catalog_item_tags");
    h.roundTrip(after, new AlterModelTable(n("Product"), null));
    h.backwards(before, new AlterModelTable(n("Product"), "catalog_item"));
    assertThat(h.rows("SELECT count(*) FROM shop_product")).containsExactly(List.of(2L));
  }

  // ---- fields ---------------------------------------------------------------------------------

  @Test void addFieldNullable() throws Exception {
    h.roundTrip(base(), new AddField(n("Product"), n("note"), Field.of(FieldType.TEXT).nullable(true).build()));
  }

  @Test void addFieldFillsExistingRowsWithItsDefault() throws Exception {
    ProjectState before = base();
    insertProducts();
    h.forwards(before, new AddField(n("Product"), n("weight"), integer().defaultValue(7).build()));
    assertThat(h.rows("SELECT DISTINCT weight FROM shop_product")).containsExactly(List.of(7));
    assertThat(h.rows("SELECT column_default FROM information_schema.columns"
        + " WHERE table_name = 'shop_product' AND column_name = 'weight'"))
        .containsExactly(java.util.Collections.singletonList(null));
    h.backwards(before, new AddField(n("Product"), n("weight"), integer().defaultValue(7).build()));
  }

  @Test void addFieldForeignKey() throws Exception {
    ProjectState before = h.migrate(base(), createModel("Maker", "id", id()));
    h.roundTrip(before, new AddField(n("Product"), n("maker"),
        foreignKey("shop.Maker").nullable(true).onDelete(OnDelete.SET_NULL).build()));
  }

  @Test void addFieldManyToMany() throws Exception {
    h.roundTrip(base(), new AddField(n("Product"), n("related"), manyToMany("shop.Product").build()));
  }

  @Test void addFieldUnique() throws Exception {
    h.roundTrip(base(), new AddField(n("Product"), n("sku"), chars(20).nullable(true).unique(true).build()));
  }

  @Test void addFieldPositiveWithDefault() throws Exception {
    ProjectState before = base();
    insertProducts();
    h.roundTrip(before, new AddField(n("Product"), n("sold"),
        Field.of(FieldType.POSITIVE_INTEGER).defaultValue(0).build()));
  }

  @Test void removeFieldDropsColumnAndComesBackWithDefault() throws Exception {
    ProjectState before = base();
    insertProducts();
    RemoveField remove = new RemoveField(n("Product"), n("category"));
    h.forwards(before, remove);
    h.backwards(before, remove);
    h.roundTrip(before, new RemoveField(n("Product"), n("tags")));
    h.roundTrip(before, new RemoveField(n("Product"), n("stock")));
    assertThat(h.rows("SELECT name FROM shop_product ORDER BY id"))
        .containsExactly(List.of("pen"), List.of("ink"));
  }

  @Test void alterFieldChangesType() throws Exception {
    alterKeepingRows(new AlterField(n("Product"), n("stock"), Field.of(FieldType.BIG_INTEGER).nullable(true).build()));
    alterKeepingRows(new AlterField(n("Product"), n("name"), Field.of(FieldType.TEXT).build()));
  }

  @Test void alterFieldFromNullToNotNullFillsNullsWithTheDefault() throws Exception {
    ProjectState before = base();
    insertProducts();
    h.execute("UPDATE shop_product SET stock = NULL WHERE name = 'ink'");
    AlterField op = new AlterField(n("Product"), n("stock"), integer().defaultValue(5).build());
    h.forwards(before, op);
    assertThat(h.rows("SELECT stock FROM shop_product ORDER BY id"))
        .containsExactly(List.of(3), List.of(5));
    h.backwards(before, op);
  }

  /** A hand-written AlterField to or from through would drop a join table with its rows. */
  @Test void alterFieldToOrFromAThroughModelRefusesToDropTheJoinTable() throws Exception {
    ProjectState before = h.migrate(base(), createModel("ProductTag", "id", id(),
        "product", foreignKey("shop.Product"), "tag", foreignKey("shop.Tag")));
    insertProducts();
    var pairs = h.rows("SELECT count(*) FROM shop_product_tags");
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
    assertThat(h.rows("SELECT count(*) FROM shop_product_tags")).isEqualTo(pairs);
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
    assertThat(h.rows("SELECT stock FROM shop_product ORDER BY id")).containsExactly(List.of(3), List.of(5));
    h.backwards(before, op);
    h.execute("UPDATE shop_product SET stock = NULL WHERE name = 'ink'");
    h.forwards(before, op);
    assertThat(h.rows("SELECT stock FROM shop_product ORDER BY id")).containsExactly(List.of(3), List.of(5));
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

  @Test void alterFieldDbIndexOnAndOff() throws Exception {
    alterKeepingRows(new AlterField(n("Product"), n("name"), chars(100).dbIndex(true).build()));
    alterKeepingRows(new AlterField(n("Product"), n("category"),
        foreignKey("shop.Category").nullable(true).dbIndex(false).build()));
  }

  @Test void alterFieldMaxLength() throws Exception {
    alterKeepingRows(new AlterField(n("Product"), n("name"), chars(200).build()));
  }

  @Test void narrowingACharFieldFailsOnATooLongValueAndKeepsIt() throws Exception {
    ProjectState before = base();
    insertProducts();
    h.execute("UPDATE shop_product SET name = 'fountain pen' WHERE name = 'pen'");
    AlterField narrow = new AlterField(n("Product"), n("name"), chars(4).build());
    assertFailsAndChangesNothing(before, narrow, "SELECT name FROM shop_product ORDER BY id");
    AlterField toText = new AlterField(n("Product"), n("name"), Field.of(FieldType.TEXT).build());
    ProjectState text = h.forwards(before, toText);
    assertFailsAndChangesNothing(text, new AlterField(n("Product"), n("name"), chars(4).build()),
        "SELECT name FROM shop_product ORDER BY id");
    h.backwards(before, toText);
    h.execute("UPDATE shop_product SET name = 'pen' WHERE name = 'fountain pen'");
    h.forwards(before, narrow);
    assertThat(h.rows("SELECT name FROM shop_product ORDER BY id"))
        .containsExactly(List.of("pen"), List.of("ink"));
  }

  @Test void reducingADecimalsScaleFailsOnAValueItWouldRound() throws Exception {
    ProjectState before = base();
    insertProducts(); // 1.50 and 9.99
    assertFailsAndChangesNothing(before, new AlterField(n("Product"), n("price"), decimal(8, 1).build()),
        "SELECT price::text FROM shop_product ORDER BY id");
    assertFailsAndChangesNothing(before, new AlterField(n("Product"), n("price"), integer().build()),
        "SELECT price::text FROM shop_product ORDER BY id");
    h.execute("UPDATE shop_product SET price = 10 WHERE name = 'ink'");
    ProjectState rounded = h.forwards(before, new AlterField(n("Product"), n("price"), decimal(8, 1).build()));
    assertThat(h.rows("SELECT price::text FROM shop_product ORDER BY id"))
        .containsExactly(List.of("1.5"), List.of("10.0"));
    assertFailsAndChangesNothing(rounded, new AlterField(n("Product"), n("price"), integer().build()),
        "SELECT price::text FROM shop_product ORDER BY id");
  }

  @Test void aCharFieldBecomesAnIntegerOnlyWhenEveryValueIsOne() throws Exception {
    ProjectState before = h.migrate(base(),
        new AddField(n("Product"), n("code"), chars(10).nullable(true).build()));
    insertProducts();
    h.execute("UPDATE shop_product SET code = '12'");
    h.execute("UPDATE shop_product SET code = '1x' WHERE name = 'ink'");
    AlterField toInteger = new AlterField(n("Product"), n("code"), integer().nullable(true).build());
    assertFailsAndChangesNothing(before, toInteger, "SELECT code FROM shop_product ORDER BY id");
    h.execute("UPDATE shop_product SET code = '7' WHERE name = 'ink'");
    h.forwards(before, toInteger);
    assertThat(h.rows("SELECT code FROM shop_product ORDER BY id"))
        .containsExactly(List.of(12), List.of(7));
    h.backwards(before, toInteger);
    assertThat(h.rows("SELECT code FROM shop_product ORDER BY id"))
        .containsExactly(List.of("12"), List.of("7"));
  }

  @Test void alterFieldToAnotherForeignKeyTarget() throws Exception {
    ProjectState before = h.migrate(base(), createModel("Maker", "id", id()));
    insertProducts();
    h.execute("UPDATE shop_product SET category_id = NULL");
    alterKeepingRows(before, new AlterField(n("Product"), n("category"),
        foreignKey("shop.Maker").nullable(true).build()));
    alterKeepingRows(before, new AlterField(n("Product"), n("category"),
        foreignKey("shop.Category").nullable(true).onDelete(OnDelete.PROTECT).build()));
  }

  @Test void alterFieldColumnAndForeignKeyTogether() throws Exception {
    ProjectState before = h.migrate(base(), createModel("Maker", "id", id()));
    insertProducts();
    h.execute("UPDATE shop_product SET category_id = NULL");
    alterKeepingRows(before, new AlterField(n("Product"), n("category"),
        foreignKey("shop.Maker").nullable(true).dbColumn("maker_ref").build()));
  }

  @Test void alterFieldForeignKeyToAPlainColumnUnderAnotherName() throws Exception {
    alterKeepingRows(new AlterField(n("Product"), n("category"),
        Field.of(FieldType.BIG_INTEGER).nullable(true).dbColumn("category_ref").build()));
  }

  @Test void alterFieldPositive() throws Exception {
    alterKeepingRows(new AlterField(n("Product"), n("stock"),
        Field.of(FieldType.POSITIVE_INTEGER).nullable(true).build()));
  }

  @Test void alterFieldAutoToBigAuto() throws Exception {
    CreateModel small = createModel("Box", "id", Field.of(FieldType.AUTO).primaryKey(true),
        "size", integer());
    ProjectState before = h.migrate(ProjectState.empty(), small);
    h.execute("INSERT INTO shop_box (size) VALUES (1), (2)");
    AlterField big = new AlterField(n("Box"), n("id"), Field.of(FieldType.BIG_AUTO).primaryKey(true).build());
    h.roundTrip(before, big);
    h.forwards(before, big);
    h.execute("INSERT INTO shop_box (size) VALUES (3)");
    assertThat(h.rows("SELECT id, size FROM shop_box ORDER BY id"))
        .containsExactly(List.of(1L, 1), List.of(2L, 2), List.of(3L, 3));
  }

  @Test void alterFieldAutoToBigAutoRetypesTheKeysPointingAtIt() throws Exception {
    CreateModel box = createModel("Box", "id", Field.of(FieldType.AUTO).primaryKey(true),
        "parent", foreignKey("shop.Box").nullable(true), "peers", manyToMany("shop.Box"));
    CreateModel crate = createModel("Crate", "id", id(), "box", foreignKey("shop.Box"),
        "boxes", manyToMany("shop.Box"));
    ProjectState before = h.migrate(ProjectState.empty(), box, crate);
    h.execute("INSERT INTO shop_box (parent_id) VALUES (NULL)");
    h.execute("INSERT INTO shop_crate (box_id) SELECT id FROM shop_box");
    h.roundTrip(before, new AlterField(n("Box"), n("id"),
        Field.of(FieldType.BIG_AUTO).primaryKey(true).build()));
    assertThat(h.rows("SELECT box_id FROM shop_crate")).containsExactly(List.of(1));
  }

  @Test void renameFieldPlain() throws Exception {
    alterKeepingRows(new RenameField(n("Product"), n("price"), n("cost")));
  }

  @Test void renameFieldForeignKey() throws Exception {
    ProjectState before = base();
    alterKeepingRows(new RenameField(n("Product"), n("category"), n("group")));
    h.forwards(before, new RenameField(n("Product"), n("category"), n("group")));
    assertThat(h.rows("SELECT count(group_id) FROM shop_product")).containsExactly(List.of(2L));
  }

  @Test void renameFieldUniqueAndIndexed() throws Exception {
    ProjectState before = h.migrate(base(),
        new AddField(n("Product"), n("sku"), chars(20).nullable(true).unique(true).build()),
        new AddField(n("Product"), n("slug"), Field.of(FieldType.SLUG).nullable(true).build()),
        new AddIndex(n("Product"), new Index("product_sku_slug", names("sku", "slug"), false, null)),
        new AddConstraint(n("Product"), Constraint.unique("product_slug_price", names("slug", "price"), null)));
    insertProducts();
    alterKeepingRows(before, new RenameField(n("Product"), n("sku"), n("code")));
    alterKeepingRows(before, new RenameField(n("Product"), n("slug"), n("handle")));
    alterKeepingRows(before, new RenameField(n("Category"), n("name"), n("title")));
  }

  @Test void renameFieldPositiveAndOneToOne() throws Exception {
    ProjectState before = h.migrate(base(),
        new AddField(n("Product"), n("sold"), Field.of(FieldType.POSITIVE_SMALL_INTEGER).nullable(true).build()),
        new AddField(n("Product"), n("main_tag"), Field.of(FieldType.ONE_TO_ONE).to("shop.Tag").nullable(true).build()));
    insertProducts();
    alterKeepingRows(before, new RenameField(n("Product"), n("sold"), n("units_sold")));
    alterKeepingRows(before, new RenameField(n("Product"), n("main_tag"), n("label")));
  }

  @Test void renameModelWithAFixedTableStillRenamesJoinColumns() throws Exception {
    CreateModel fixed = new CreateModel(n("Shelf"), fields("id", id(), "tags", manyToMany("shop.Tag")),
        new ModelOptions("shelves", true, null), null, null);
    ProjectState before = h.migrate(base(), fixed);
    h.roundTrip(before, new RenameModel(n("Shelf"), n("Rack")));
  }

  @Test void renameFieldManyToMany() throws Exception {
    ProjectState before = base();
    insertProducts();
    h.forwards(before, new RenameField(n("Product"), n("tags"), n("labels")));
    assertThat(h.rows("SELECT count(*) FROM shop_product_labels")).containsExactly(List.of(2L));
    h.backwards(before, new RenameField(n("Product"), n("tags"), n("labels")));
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

  @Test void addAndRemoveUniqueConstraint() throws Exception {
    Constraint unique = Constraint.unique("product_name_category", names("name", "category"), null);
    addAndRemove(unique);
  }

  /**
   * CREATE TABLE drops a UNIQUE that repeats the primary key or a unique field (PostgreSQL keeps
   * one index per column list), so the named constraint must come after it. Found by
   * MakeMigrationsProperty.
   */
  @Test void createModelKeepsUniqueConstraintsThatRepeatAnotherIndex() throws Exception {
    CreateModel model = new CreateModel(n("Tag"),
        fields("id", id(), "name", chars(30).unique(true)), null, List.of(),
        List.of(Constraint.unique("tag_id_uniq", names("id"), null),
            Constraint.unique("tag_name_uniq", names("name"), null)));
    ProjectState created = h.forwards(ProjectState.empty(), model);
    h.roundTrip(created, new RemoveConstraint(n("Tag"), "tag_id_uniq"));
    h.roundTrip(created, new DeleteModel(n("Tag")));
  }

  @Test void addAndRemoveConditionalUniqueConstraint() throws Exception {
    Constraint unique = Constraint.unique("product_name_stocked", names("name"), "stock > 0");
    addAndRemove(unique);
  }

  @Test void addAndRemoveCheckConstraint() throws Exception {
    Constraint check = Constraint.check("product_price_gte_0", "price >= 0");
    addAndRemove(check);
  }

  // ---- raw SQL and Java -----------------------------------------------------------------------

  @Test void runSqlGoesBackWithReverseSqlAndTellsTheStateWhatItDid() throws Exception {
    RunSQL sql = new RunSQL(List.of("ALTER TABLE shop_product ADD COLUMN note text NULL"),
        List.of("ALTER TABLE shop_product DROP COLUMN note"),
        List.of(new AddField(n("Product"), n("note"), Field.of(FieldType.TEXT).nullable(true).build())),
        false);
    h.roundTrip(base(), sql);
  }

  @Test void irreversibleRunSqlRefusesToGoBack() throws Exception {
    ProjectState before = base();
    RunSQL sql = new RunSQL(List.of("INSERT INTO shop_tag (name) VALUES ('x')"), null, null, false);
    h.forwards(before, sql);
    assertThat(sql.isReversible()).isFalse();
    assertThatThrownBy(() -> h.backwards(before, sql)).isInstanceOf(IrreversibleOperation.class);
    assertThat(h.rows("SELECT name FROM shop_tag")).containsExactly(List.of("x"));
  }

  @Test void runJavaRunsItsCodeBothWays() throws Exception {
    ProjectState before = base();
    insertProducts();
    RunJava java = new RunJava(UppercaseProductNames.class.getName(),
        UppercaseProductNames.Reverse.class.getName(), false);
    h.forwards(before, java);
    assertThat(h.rows("SELECT name FROM shop_product ORDER BY id"))
        .containsExactly(List.of("PEN"), List.of("INK"));
    h.backwards(before, java);
    assertThat(h.rows("SELECT name FROM shop_product ORDER BY id"))
        .containsExactly(List.of("pen"), List.of("ink"));
  }

  @Test void separateDatabaseAndStateRunsOneAndRecordsTheOther() throws Exception {
    ProjectState before = base();
    SeparateDatabaseAndState op = new SeparateDatabaseAndState(
        List.of(new RunSQL(List.of("CREATE TABLE legacy (id bigint PRIMARY KEY)"),
            List.of("DROP TABLE legacy"), null, false)),
        List.of(new CreateModel(n("Legacy"), fields("id", Field.of(FieldType.BIG_INTEGER).primaryKey(true)),
            new ModelOptions("legacy", true, null), null, null)));
    h.roundTrip(before, op);
  }

  @Test void aFailureInTheMiddleLeavesNoSchemaChange() throws Exception {
    ProjectState before = base();
    AddField add = new AddField(n("Product"), n("note"), Field.of(FieldType.TEXT).nullable(true).build());
    RunSQL broken = new RunSQL(List.of("THIS IS NOT SQL"), List.of(), null, false);
    ProjectState mid = add.stateForwards("shop", before);
    assertThatThrownBy(() -> h.inTransaction(c -> {
      var editor = db.dialect().schemaEditor(new ConnectionSink(c));
      add.databaseForwards(editor, "shop", before, mid);
      broken.databaseForwards(editor, "shop", mid, mid);
    })).isInstanceOf(java.sql.SQLException.class);
    assertThat(h.introspect()).isEqualTo(ExpectedSchema.of(before, db.dialect()));
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
    // Django's DDL on PostgreSQL: inline UNIQUE and CHECK named by PostgreSQL, _like indexes,
    // and, as a database adopted from elsewhere may have, names of no scheme at all.
    h.execute("CREATE TABLE shop_category (id bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS"
        + " IDENTITY, name varchar(50) NOT NULL UNIQUE)");
    h.execute("CREATE INDEX shop_category_name_11b68823_like ON shop_category (name varchar_pattern_ops)");
    h.execute("CREATE TABLE shop_product (id bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS"
        + " IDENTITY, name varchar(100) NOT NULL, code varchar(20) NOT NULL UNIQUE,"
        + " stock integer NOT NULL CHECK (stock >= 0), category_id bigint NULL)");
    h.execute("ALTER TABLE shop_product ADD CONSTRAINT legacy_product_category FOREIGN KEY"
        + " (category_id) REFERENCES shop_category (id) DEFERRABLE INITIALLY DEFERRED");
    h.execute("CREATE INDEX legacy_product_category_idx ON shop_product (category_id)");
    h.execute("CREATE INDEX legacy_product_name_idx ON shop_product (name)");
    h.execute("CREATE INDEX shop_product_name_legacy_like ON shop_product (name varchar_pattern_ops)");
    h.execute("CREATE INDEX shop_product_code_b05d4a4f_like ON shop_product (code varchar_pattern_ops)");
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
        .containsExactly(List.of("pen", "p-1", 3, 1L));
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

  private ProjectState base() throws Exception {
    if (h.introspect().tables().isEmpty()) return h.migrate(ProjectState.empty(), CATEGORY, TAG, PRODUCT);
    return base2();
  }

  /** The state of {@link #base()} without touching the database again. */
  private static ProjectState base2() {
    ProjectState s = ProjectState.empty();
    for (Operation op : List.of(CATEGORY, TAG, PRODUCT)) s = op.stateForwards("shop", s);
    return s;
  }

  private void addAndRemove(Constraint constraint) throws Exception {
    ProjectState before = base();
    insertProducts();
    ProjectState with = h.forwards(before, new AddConstraint(n("Product"), constraint));
    h.roundTrip(with, new RemoveConstraint(n("Product"), constraint.name()));
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
  }

  /** Runs {@code op}, which must fail, and checks that schema and rows are as they were. */
  private void assertFailsAndChangesNothing(ProjectState before, Operation op, String query)
      throws Exception {
    List<List<Object>> rows = h.rows(query);
    assertThatThrownBy(() -> h.forwards(before, op)).isInstanceOf(java.sql.SQLException.class);
    h.assertSchema(before, "after a failed " + op.describe());
    assertThat(h.rows(query)).isEqualTo(rows);
  }

  private ProjectState alterKeepingRows(Operation op) throws Exception {
    ProjectState before = base();
    if (h.rows("SELECT 1 FROM shop_product").isEmpty()) insertProducts();
    return alterKeepingRows(before, op);
  }

  /** Applies, unapplies and reapplies {@code op}, checking the rows of untouched columns each time. */
  private ProjectState alterKeepingRows(ProjectState before, Operation op) throws Exception {
    String query = "SELECT id, name, price::text FROM shop_product ORDER BY id";
    // The checked columns must be ones the operation leaves alone: fall back to ids otherwise.
    boolean touchesName = op.describe().contains(" name ") || op.describe().contains("price");
    if (touchesName) query = "SELECT id FROM shop_product ORDER BY id";
    List<List<Object>> rows = h.rows(query);
    assertThat(rows).isNotEmpty();
    ProjectState after = h.forwards(before, op);
    assertThat(h.rows(query)).isEqualTo(rows);
    h.backwards(before, op);
    assertThat(h.rows(query)).isEqualTo(rows);
    assertThat(h.rows("SELECT count(*) FROM shop_product_tags")).containsExactly(List.of(2L));
    return after;
  }
}
