package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.connect.Database;
import dev.cairn.models.ModelsFileSource;
import dev.cairn.schema.ExpectedSchema;
import dev.cairn.schema.SchemaSnapshot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * makemigrations as a user drives it: two apps with foreign keys both ways, five rounds of model
 * edits, renames answered at the prompt and by flag, branches merged, a squash. After each round
 * the migrations apply and the database has exactly what the models say. One subclass per
 * database.
 */
abstract class MakeMigrationsContract {
  @TempDir Path root;

  /** A JDBC URL of an empty database for this test. */
  abstract String emptyDatabase() throws Exception;

  private String url;

  @Test void fiveRoundsOfModelEditsMigrateAndLeaveTheModelsClean() throws Exception {
    url = emptyDatabase();
    writeConfig();
    models("""
        app: catalog
        models:
          Category:
            fields:
              name: {type: CharField, max_length: 50, unique: true}
              featured: {type: ForeignKey, to: shop.Product, on_delete: SET_NULL, null: true}
        """, """
        app: shop
        models:
          Product:
            fields:
              title: {type: CharField, max_length: 100, null: true}
              price: {type: DecimalField, max_digits: 8, decimal_places: 2}
              category: {type: ForeignKey, to: catalog.Category, on_delete: CASCADE, null: true}
            constraints:
              - {type: CheckConstraint, name: shop_product_price_gte_0, check: price >= 0}
        """);
    assertThat(cairn("makemigrations").exitCode()).isZero();
    migrateAndCheck();

    // Round 1: a field rename, answered at the prompt.
    replaceIn("models/shop.yaml", "title:", "name:");
    Cli.Result rename = withInput("y\n", () -> cairn("makemigrations"));
    assertThat(rename.out()).contains("Was product.title renamed to product.name (a CharField)? [y/N]")
        .contains("Rename field title on product to name");
    migrateAndCheck();

    // Round 2: a model rename, given by flag; without it --noinput stops with exit code 3.
    replaceIn("models/catalog.yaml", "  Category:", "  Kind:");
    replaceIn("models/shop.yaml", "catalog.Category", "catalog.Kind");
    Cli.Result asked = cairn("makemigrations", "--noinput");
    assertThat(asked.exitCode()).isEqualTo(3);
    assertThat(asked.err()).contains("--rename catalog.Category=catalog.Kind");
    assertThat(cairn("makemigrations", "--noinput", "--rename", "catalog.Category=catalog.Kind")
        .out()).contains("Rename model Category to Kind");
    migrateAndCheck();

    // Round 3: a NOT NULL field with a one-off default, a new model with a many-to-many to it,
    // a longer name, a unique constraint, a removed field.
    models(null, """
        app: shop
        models:
          Tag:
            fields:
              label: {type: SlugField}
          Product:
            fields:
              name: {type: CharField, max_length: 200, null: true}
              sku: {type: CharField, max_length: 20}
              category: {type: ForeignKey, to: catalog.Kind, on_delete: CASCADE, null: true}
              tags: {type: ManyToManyField, to: Tag}
            constraints:
              - {type: UniqueConstraint, name: shop_product_sku_uniq, fields: [sku]}
        """);
    assertThat(cairn("makemigrations", "--noinput").exitCode()).isEqualTo(3);
    assertThat(cairn("makemigrations", "--noinput", "--default", "product.sku='n/a'").exitCode())
        .isZero();
    migrateAndCheck();

    // Round 4: an index, a table name, a removed foreign key in the other app.
    replaceIn("models/catalog.yaml",
        "      featured: {type: ForeignKey, to: shop.Product, on_delete: SET_NULL, null: true}\n", "");
    replaceIn("models/shop.yaml", "  Tag:\n    fields:", "  Tag:\n    db_table: shop_tags\n    fields:");
    append("models/shop.yaml", "    indexes:\n      - {name: shop_product_name_idx, fields: [name]}\n");
    assertThat(cairn("makemigrations", "--noinput").exitCode()).isZero();
    migrateAndCheck();

    // Round 5: the many-to-many and its model go.
    replaceIn("models/shop.yaml", "      tags: {type: ManyToManyField, to: Tag}\n", "");
    replaceIn("models/shop.yaml", "  Tag:\n    db_table: shop_tags\n    fields:\n"
        + "      label: {type: SlugField}\n", "");
    assertThat(cairn("makemigrations", "--noinput").exitCode()).isZero();
    migrateAndCheck();

    // And all the way back.
    assertThat(cairn("migrate", "catalog", "zero").exitCode()).isZero();
    assertThat(cairn("migrate", "shop", "zero").exitCode()).isZero();
    assertThat(schema().tables()).isEmpty();
  }

  @Test void twoBranchesAreMergedAndTwoBranchesChangingOneFieldAreRefused() throws Exception {
    url = emptyDatabase();
    writeConfig();
    models("app: catalog\nmodels: {}\n", """
        app: shop
        models:
          Product:
            fields:
              name: {type: CharField, max_length: 100}
        """);
    cairn("makemigrations");
    branch("0002_color", "0001_initial", "AddField", "color", "{type: CharField, max_length: 20, null: true}");
    branch("0002_size", "0001_initial", "AddField", "size", "{type: IntegerField, null: true}");
    Cli.Result refused = cairn("migrate");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("makemigrations --merge");

    Cli.Result merged = cairn("makemigrations", "--merge");
    assertThat(merged.exitCode()).isZero();
    assertThat(merged.out()).contains("Branch 0002_color", "Branch 0002_size",
        "0003_merge_0002_color_0002_size.yaml");
    assertThat(cairn("migrate").exitCode()).isZero();

    branch("0004_a", "0003_merge_0002_color_0002_size", "AlterField", "name",
        "{type: CharField, max_length: 150}");
    branch("0004_b", "0003_merge_0002_color_0002_size", "AlterField", "name",
        "{type: CharField, max_length: 300}");
    Cli.Result clash = cairn("makemigrations", "--merge");
    assertThat(clash.exitCode()).isEqualTo(2);
    assertThat(clash.err()).contains("shop.0004_a and shop.0004_b both change field product.name");
    assertThat(root.resolve("migrations/shop")).isDirectoryNotContaining("glob:**/0005_*");
  }

  @Test void migrateMergeWritesTheMergeMigrationAndThenMigrates() throws Exception {
    url = emptyDatabase();
    writeConfig();
    models("app: catalog\nmodels: {}\n", """
        app: shop
        models:
          Product:
            fields:
              name: {type: CharField, max_length: 100}
        """);
    cairn("makemigrations");
    branch("0002_color", "0001_initial", "AddField", "color", "{type: CharField, max_length: 20, null: true}");
    branch("0002_size", "0001_initial", "AddField", "size", "{type: IntegerField, null: true}");
    Cli.Result merged = cairn("migrate", "--merge");
    assertThat(merged.exitCode()).as(merged.toString()).isZero();
    assertThat(merged.out()).contains("Branch 0002_color", "Branch 0002_size",
        "Applying shop.0003_merge_0002_color_0002_size... OK");
    assertThat(root.resolve("migrations/shop/0003_merge_0002_color_0002_size.yaml")).exists();
    assertThat(schema().tables().get("shop_product").columnNames()).contains("color", "size");
  }

  @Test void aSquashAppliesAloneOnAFreshDatabaseAndIsRecordedWhereTheOriginalsRan() throws Exception {
    url = emptyDatabase();
    writeConfig();
    String shop = "app: shop\nmodels:\n  Product:\n    fields:\n"
        + "      name: {type: CharField, max_length: 100}\n";
    models("app: catalog\nmodels: {}\n", shop);
    cairn("makemigrations");
    models(null, shop + "      stock: {type: IntegerField, default: 0}\n");
    cairn("makemigrations");
    models(null, shop + "      stock: {type: IntegerField, default: 0}\n"
        + "      sku: {type: CharField, max_length: 20, null: true}\n");
    cairn("makemigrations");
    assertThat(cairn("migrate").exitCode()).isZero();
    SchemaSnapshot original = schema();

    Cli.Result squash = cairn("squashmigrations", "shop", "0003", "--noinput");
    assertThat(squash.exitCode()).as(squash.toString()).isZero();
    Path squashed = root.resolve("migrations/shop/0001_squashed_0003_product_sku.yaml");
    assertThat(Files.readString(squashed)).contains("replaces:", "shop.0001_initial",
        "- CreateModel:").doesNotContain("AddField");
    assertThat(cairn("migrate").out()).contains("No migrations to apply.");
    assertThat(cairn("showmigrations", "shop").out()).contains("[X] 0001_squashed_0003_product_sku");

    url = emptyDatabase();
    assertThat(cairn("migrate").out()).contains("Applying shop.0001_squashed_0003_product_sku...")
        .doesNotContain("Applying shop.0002");
    assertThat(schema()).isEqualTo(original);
    assertThat(cairn("makemigrations", "--check").exitCode()).isZero();
  }

  /**
   * Adding {@code through} to a many-to-many with rows: the through model takes over the join
   * table (Django's documented recipe), its extra NOT NULL field asks for a one-off default, and
   * the pairs survive forwards, back and forwards again.
   */
  @Test void aThroughModelTakesOverTheJoinTableWithItsRows() throws Exception {
    url = emptyDatabase();
    writeConfig();
    String tagAndProduct = """
        app: shop
        models:
          Tag:
            fields:
              label: {type: CharField, max_length: 20}
          Product:
            fields:
              name: {type: CharField, max_length: 100}
        """;
    models("app: catalog\nmodels: {}\n",
        tagAndProduct + "      tags: {type: ManyToManyField, to: Tag}\n");
    assertThat(cairn("makemigrations").exitCode()).isZero();
    migrateAndCheck();
    sql("INSERT INTO shop_tag (id, label) VALUES (1, 'x'), (2, 'y')",
        "INSERT INTO shop_product (id, name) VALUES (1, 'a'), (2, 'b')",
        "INSERT INTO shop_product_tags (product_id, tag_id) VALUES (1, 1), (1, 2), (2, 2)");

    models(null, tagAndProduct + """
              tags: {type: ManyToManyField, to: Tag, through: ProductTag}
          ProductTag:
            fields:
              product: {type: ForeignKey, to: Product, on_delete: CASCADE}
              tag: {type: ForeignKey, to: Tag, on_delete: CASCADE}
              position: {type: IntegerField}
        """);
    Cli.Result asked = cairn("makemigrations", "--noinput");
    assertThat(asked.exitCode()).as(asked.toString()).isEqualTo(3);
    assertThat(asked.err()).contains("--default producttag.position=");
    Cli.Result made = cairn("makemigrations", "--noinput", "--default", "producttag.position=0");
    assertThat(made.exitCode()).as(made.toString()).isZero();
    assertThat(made.out()).contains("Add field position to producttag");
    assertThat(Files.readString(root.resolve("migrations/shop/0002_alter_product_tags_and_more.yaml")))
        .contains("SeparateDatabaseAndState", "RenameJoinTable", "old_table: shop_product_tags",
            "new_table: shop_producttag", "CreateModel", "AlterField");
    Cli.Result sql = cairn("sqlmigrate", "shop", "0002");
    assertThat(sql.exitCode()).as(sql.toString()).isZero();
    assertThat(sql.out()).contains("-- Rename join table shop_product_tags of product.tags to"
        + " shop_producttag, keeping its rows", "ALTER TABLE \"shop_product_tags\" RENAME TO"
        + " \"shop_producttag\"").doesNotContain("DROP TABLE \"shop_product_tags\"");
    migrateAndCheck();
    assertThat(rows("SELECT product_id, tag_id, position FROM shop_producttag"))
        .containsExactly("1,1,0", "1,2,0", "2,2,0");

    assertThat(cairn("migrate", "shop", "0001").exitCode()).isZero();
    assertThat(rows("SELECT product_id, tag_id FROM shop_product_tags"))
        .containsExactly("1,1", "1,2", "2,2");
    migrateAndCheck();
    assertThat(rows("SELECT product_id, tag_id, position FROM shop_producttag"))
        .containsExactly("1,1,0", "1,2,0", "2,2,0");
  }

  /**
   * Removing {@code through} together with the through model: its extra field goes, then the
   * table is handed back to the auto-created join table with its pairs, forwards and back.
   */
  @Test void removingTheThroughModelHandsItsTableBackWithItsRows() throws Exception {
    url = emptyDatabase();
    writeConfig();
    String tagAndProduct = """
        app: shop
        models:
          Tag:
            fields:
              label: {type: CharField, max_length: 20}
          Product:
            fields:
              name: {type: CharField, max_length: 100}
        """;
    models("app: catalog\nmodels: {}\n", tagAndProduct + """
              tags: {type: ManyToManyField, to: Tag, through: ProductTag}
          ProductTag:
            db_table: shop_product_tag_links
            fields:
              item: {type: ForeignKey, to: Product, on_delete: PROTECT, db_column: item}
              tag: {type: ForeignKey, to: Tag, on_delete: CASCADE}
              position: {type: IntegerField, null: true}
            constraints:
              - {type: UniqueConstraint, name: shop_link_uniq, fields: [item, tag]}
        """);
    assertThat(cairn("makemigrations").exitCode()).isZero();
    migrateAndCheck();
    sql("INSERT INTO shop_tag (id, label) VALUES (1, 'x'), (2, 'y')",
        "INSERT INTO shop_product (id, name) VALUES (1, 'a'), (2, 'b')",
        "INSERT INTO shop_product_tag_links (item, tag_id, position) VALUES (1, 1, 5), (1, 2, 6),"
            + " (2, 2, 7)");

    models(null, tagAndProduct + "      tags: {type: ManyToManyField, to: Tag}\n");
    Cli.Result made = cairn("makemigrations", "--noinput");
    assertThat(made.exitCode()).as(made.toString()).isZero();
    assertThat(made.out()).contains("Remove field position from producttag",
        "Custom state/database change combination");
    assertThat(Files.readString(root.resolve(
        "migrations/shop/0002_remove_producttag_shop_link_uniq_and_more.yaml")))
        .contains("RenameJoinTable", "old_table: shop_product_tag_links",
            "new_table: shop_product_tags", "old_columns: [id, item, tag_id]",
            "new_columns: [id, product_id, tag_id]", "DeleteModel");
    migrateAndCheck();
    assertThat(rows("SELECT product_id, tag_id FROM shop_product_tags"))
        .containsExactly("1,1", "1,2", "2,2");

    assertThat(cairn("migrate", "shop", "0001").exitCode()).isZero();
    assertThat(rows("SELECT item, tag_id FROM shop_product_tag_links"))
        .containsExactly("1,1", "1,2", "2,2");
    migrateAndCheck();
    assertThat(rows("SELECT product_id, tag_id FROM shop_product_tags"))
        .containsExactly("1,1", "1,2", "2,2");
  }

  /** A through model that stays while the field stops using it would strand the pairs. */
  @Test void removingThroughButKeepingTheModelIsRefusedWithWhatToDo() throws Exception {
    url = emptyDatabase();
    writeConfig();
    String models = """
        app: shop
        models:
          Tag:
            fields:
              label: {type: CharField, max_length: 20}
          Product:
            fields:
              tags: {type: ManyToManyField, to: Tag, through: ProductTag}
          ProductTag:
            fields:
              product: {type: ForeignKey, to: Product, on_delete: CASCADE}
              tag: {type: ForeignKey, to: Tag, on_delete: CASCADE}
        """;
    models("app: catalog\nmodels: {}\n", models);
    assertThat(cairn("makemigrations").exitCode()).isZero();
    models(null, models.replace(", through: ProductTag", ""));

    Cli.Result refused = cairn("makemigrations", "--noinput");

    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
    assertThat(refused.err()).contains("removing through: shop.ProductTag from shop.Product.tags",
        "Keep through: shop.ProductTag").doesNotContain("Exception");
    assertThat(root.resolve("migrations/shop")).isDirectoryNotContaining("glob:**/0002_*");
  }

  /**
   * A nullable field made NOT NULL asks, as Django does, what to put in the rows that are NULL:
   * a one-off value (written as preserve_default: false, so the models stay clean), nothing for
   * now, or quit; --default answers up front and --noinput without it stops with exit code 3.
   */
  @Test void aFieldMadeNotNullAsksForAOneOffValueForItsNullRows() throws Exception {
    url = emptyDatabase();
    writeConfig();
    String nullable = """
        app: shop
        models:
          Product:
            fields:
              name: {type: CharField, max_length: 100, null: true}
              stock: {type: IntegerField, null: true}
        """;
    models("app: catalog\nmodels: {}\n", nullable);
    assertThat(cairn("makemigrations").exitCode()).isZero();
    migrateAndCheck();
    sql("INSERT INTO shop_product (id, name, stock) VALUES (1, 'pen', NULL), (2, NULL, 3)");

    models(null, nullable.replace("stock: {type: IntegerField, null: true}",
        "stock: {type: IntegerField}"));
    Cli.Result asked = cairn("makemigrations", "--noinput");
    assertThat(asked.exitCode()).as(asked.toString()).isEqualTo(3);
    assertThat(asked.err()).contains("product.stock", "--default product.stock=<value>");
    Cli.Result quit = withInput("3\n", () -> cairn("makemigrations"));
    assertThat(quit.exitCode()).as(quit.toString()).isEqualTo(3);
    assertThat(quit.out()).contains("It is impossible to change a nullable field 'stock' on"
        + " product to non-nullable without providing a default.",
        " 1) Provide a one-off default now", " 2) Ignore for now.", " 3) Quit");
    assertThat(root.resolve("migrations/shop")).isDirectoryNotContaining("glob:**/0002_*");

    Cli.Result made = cairn("makemigrations", "--noinput", "--default", "product.stock=0");
    assertThat(made.exitCode()).as(made.toString()).isZero();
    assertThat(Files.readString(root.resolve("migrations/shop/0002_alter_product_stock.yaml")))
        .contains("field: {type: IntegerField, default: 0}", "preserve_default: false");
    migrateAndCheck();
    assertThat(rows("SELECT id, stock FROM shop_product")).containsExactly("1,0", "2,3");
    assertThat(cairn("migrate", "shop", "0001").exitCode()).isZero();
    sql("INSERT INTO shop_product (id, name, stock) VALUES (3, 'ink', NULL)");
    migrateAndCheck();
    assertThat(rows("SELECT id, stock FROM shop_product")).containsExactly("1,0", "2,3", "3,0");

    // At the prompt: a one-off value for one field, "ignore for now" for the other.
    models(null, """
        app: shop
        models:
          Product:
            fields:
              name: {type: CharField, max_length: 100, null: true}
              stock: {type: IntegerField}
              note: {type: TextField, null: true}
        """);
    assertThat(cairn("makemigrations", "--noinput").exitCode()).isZero();
    migrateAndCheck();
    models(null, """
        app: shop
        models:
          Product:
            fields:
              name: {type: CharField, max_length: 100, null: true}
              stock: {type: IntegerField}
              note: {type: TextField}
        """);
    Cli.Result ignored = withInput("2\n", () -> cairn("makemigrations"));
    assertThat(ignored.exitCode()).as(ignored.toString()).isZero();
    assertThat(Files.readString(root.resolve("migrations/shop/0004_alter_product_note.yaml")))
        .contains("field: {type: TextField}").doesNotContain("preserve_default");
    Cli.Result failed = cairn("migrate");
    assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(4);
    sql("UPDATE shop_product SET note = ''");
    migrateAndCheck();
  }

  /**
   * A check or condition that still names a column the change renames or removes would make a
   * migration that fails, or a state that disagrees with the database: makemigrations stops,
   * naming the models file, the model, the constraint and the column.
   */
  @Test void rawSqlNamingARenamedOrRemovedColumnIsRefusedWithWhereAndWhat() throws Exception {
    url = emptyDatabase();
    writeConfig();
    String shop = """
        app: shop
        models:
          Product:
            fields:
              price: {type: IntegerField}
              stock: {type: IntegerField, null: true}
            indexes:
              - {name: shop_product_in_stock, fields: [price], condition: "\\"stock\\" > 0"}
            constraints:
              - {type: CheckConstraint, name: shop_product_price_gte_0, check: "price >= 0 AND note <> 'price'"}
        """.replace("AND note <> 'price'", "AND length('price') > 0");
    models("app: catalog\nmodels: {}\n", shop);
    assertThat(cairn("makemigrations").exitCode()).isZero();
    migrateAndCheck();

    models(null, shop.replace("price: {type: IntegerField}", "cost: {type: IntegerField}")
        .replace("fields: [price]", "fields: [cost]"));
    Cli.Result renamed = cairn("makemigrations", "--noinput", "--rename", "product.price=product.cost");
    assertThat(renamed.exitCode()).as(renamed.toString()).isEqualTo(2);
    assertThat(renamed.err()).contains("models/shop.yaml", "CheckConstraint"
        + " 'shop_product_price_gte_0' of model shop.Product names the column 'price'",
        "update the check expression in").doesNotContain("Exception");

    models(null, shop.replace("      stock: {type: IntegerField, null: true}\n", ""));
    Cli.Result removed = cairn("makemigrations", "--noinput");
    assertThat(removed.exitCode()).as(removed.toString()).isEqualTo(2);
    assertThat(removed.err()).contains("models/shop.yaml", "the condition of index"
        + " 'shop_product_in_stock' of model shop.Product names the column 'stock'");
    assertThat(root.resolve("migrations/shop")).isDirectoryNotContaining("glob:**/0002_*");

    models(null, shop.replace("      stock: {type: IntegerField, null: true}\n", "")
        .replace(", condition: \"\\\"stock\\\" > 0\"", ""));
    Cli.Result fixed = cairn("makemigrations", "--noinput");
    assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
    migrateAndCheck();
  }

  /** Issue 8, item 6: never an AlterField that nothing can run, and one written by hand is refused. */
  @Test void aForeignKeyBecomingAManyToManyIsRemovedAndAddedAndAnAlterFieldForItIsRefused()
      throws Exception {
    url = emptyDatabase();
    writeConfig();
    models("app: catalog\nmodels: {}\n", """
        app: shop
        models:
          Tag:
            fields: {}
          Product:
            fields:
              tags: {type: ForeignKey, to: Tag, on_delete: CASCADE, null: true}
        """);
    assertThat(cairn("makemigrations").exitCode()).isZero();
    migrateAndCheck();
    replaceIn("models/shop.yaml", "{type: ForeignKey, to: Tag, on_delete: CASCADE, null: true}",
        "{type: ManyToManyField, to: Tag}");

    Cli.Result made = cairn("makemigrations");
    assertThat(made.out()).contains("0002_remove_product_tags_and_more.yaml",
        "- Remove field tags from product", "- Add field tags to product");
    migrateAndCheck();
    assertThat(cairn("migrate", "shop", "0001").exitCode()).isZero();

    Files.writeString(root.resolve("migrations/shop/0002_remove_product_tags_and_more.yaml"), """
        dependencies:
          - shop.0001_initial
        operations:
          - AlterField:
              model_name: product
              name: tags
              field: {type: ManyToManyField, to: shop.Tag}
        """);
    Cli.Result check = cairn("makemigrations", "--check");
    assertThat(check.exitCode()).isEqualTo(2);
    assertThat(check.err()).contains("0002_remove_product_tags_and_more.yaml",
        "shop.Product.tags cannot change between a column and a many-to-many",
        "write RemoveField and then AddField");
    assertThat(check.err()).doesNotContain("Check the names");
  }

  /**
   * Issue 8: moving the primary key to another field is refused up front (migrate cannot run it),
   * and an AlterField that does it, written by hand, is refused when the migrations are read.
   */
  @Test void movingThePrimaryKeyToAnotherFieldIsRefusedAndAnAlterFieldForItToo() throws Exception {
    url = emptyDatabase();
    writeConfig();
    String shop = """
        app: shop
        models:
          Product:
            fields:
              code: {type: CharField, max_length: 10, unique: true}
        """;
    models("app: catalog\nmodels: {}\n", shop);
    assertThat(cairn("makemigrations").exitCode()).isZero();
    migrateAndCheck();
    models(null, shop.replace("unique: true", "primary_key: true"));

    Cli.Result refused = cairn("makemigrations", "--noinput");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
    assertThat(refused.err()).contains("models/shop.yaml", "shop.Product",
        "primary key from 'id' to 'code'", "unique: true");
    assertThat(refused.err()).doesNotContain("Exception", "\tat ");
    assertThat(root.resolve("migrations/shop")).isDirectoryNotContaining("glob:**/0002_*");

    models(null, shop);
    Files.writeString(root.resolve("migrations/shop/0002_alter_product_code.yaml"), """
        dependencies:
          - shop.0001_initial
        operations:
          - AlterField:
              model_name: product
              name: code
              field: {type: CharField, max_length: 10, primary_key: true}
        """);
    Cli.Result check = cairn("makemigrations", "--check");
    assertThat(check.exitCode()).as(check.toString()).isEqualTo(2);
    assertThat(check.err()).contains("0002_alter_product_code.yaml",
        "shop.Product.code cannot become the primary key");
    assertThat(check.err()).doesNotContain("Check the names");
  }

  /**
   * Issue 8: a check naming a quoted column the table does not have is refused by migrate on
   * both databases (SQLite would read {@code "price"} as a string and the check would always
   * pass), and nothing is made.
   */
  @Test void aCheckNamingAQuotedColumnTheTableLacksIsRefusedByMigrate() throws Exception {
    url = emptyDatabase();
    writeConfig();
    models("app: catalog\nmodels: {}\n", """
        app: shop
        models:
          Product:
            fields:
              cost: {type: IntegerField}
            constraints:
              - {type: CheckConstraint, name: shop_product_price_gte_0, check: "\\"price\\" >= 0"}
        """);
    assertThat(cairn("makemigrations").exitCode()).isZero();

    Cli.Result migrate = cairn("migrate");
    assertThat(migrate.exitCode()).as(migrate.toString()).isNotZero();
    assertThat(migrate.err()).contains("price").doesNotContain("\tat ");
    try (Database db = Database.open(url)) {
      assertThat(db.dialect().introspect(db.connection()).tables()).doesNotContainKey("shop_product");
    }
  }

  /** Issue 8, item 8: Django writes references in lower case; the models spell them as declared. */
  @Test void migrationsNamingModelsInLowerCaseMatchModelsThatCapitaliseThem() throws Exception {
    url = emptyDatabase();
    writeConfig();
    models("app: catalog\nmodels: {}\n", """
        app: shop
        models:
          Vendor:
            fields:
              name: {type: CharField, max_length: 50}
          Product:
            fields:
              vendor: {type: ForeignKey, to: Vendor, on_delete: CASCADE}
        """);
    Files.createDirectories(root.resolve("migrations/shop"));
    Files.writeString(root.resolve("migrations/shop/0001_initial.yaml"), """
        initial: true
        operations:
          - CreateModel:
              name: vendor
              fields:
                id: {type: BigAutoField, primary_key: true}
                name: {type: CharField, max_length: 50}
          - CreateModel:
              name: product
              fields:
                id: {type: BigAutoField, primary_key: true}
                vendor: {type: ForeignKey, to: shop.vendor, on_delete: CASCADE}
        """);
    Cli.Result check = cairn("makemigrations", "--check");
    assertThat(check.exitCode()).as(check.toString()).isZero();
    migrateAndCheck();
  }

  /** Issue 8, item 12: makemigrations shop brings catalog's new model, not catalog's other changes. */
  @Test void makemigrationsForOneAppWritesTheOtherAppsMigrationsItNeedsAndOnlyThose()
      throws Exception {
    url = emptyDatabase();
    writeConfig();
    models("""
        app: catalog
        models:
          Kind:
            fields:
              name: {type: CharField, max_length: 50}
        """, """
        app: shop
        models:
          Product:
            fields:
              name: {type: CharField, max_length: 50}
        """);
    assertThat(cairn("makemigrations").exitCode()).isZero();
    migrateAndCheck();
    models("""
        app: catalog
        models:
          Kind:
            fields:
              name: {type: CharField, max_length: 50}
          Brand:
            fields:
              name: {type: CharField, max_length: 50}
        """, null);
    append("models/shop.yaml",
        "      brand: {type: ForeignKey, to: catalog.Brand, on_delete: CASCADE, null: true}\n");

    Cli.Result shop = cairn("makemigrations", "shop");
    assertThat(shop.exitCode()).as(shop.toString()).isZero();
    assertThat(shop.out()).contains("migrations/catalog/0002_brand.yaml",
        "migrations/shop/0002_product_brand.yaml");
    migrateAndCheck();

    append("models/shop.yaml", "      rank: {type: IntegerField, null: true}\n");
    append("models/catalog.yaml", "      code: {type: CharField, max_length: 5, null: true}\n");
    Cli.Result shopOnly = cairn("makemigrations", "shop");
    assertThat(shopOnly.out()).contains("migrations/shop/0003_product_rank.yaml")
        .doesNotContain("migrations/catalog/");
  }

  @Test void migrateWarnsAboutModelChangesThatNoMigrationHoldsYet() throws Exception {
    url = emptyDatabase();
    writeConfig();
    String shop = "app: shop\nmodels:\n  Product:\n    fields:\n"
        + "      name: {type: CharField, max_length: 100}\n";
    models("app: catalog\nmodels: {}\n", shop);
    assertThat(cairn("makemigrations").exitCode()).isZero();
    Cli.Result clean = cairn("migrate");
    assertThat(clean.exitCode()).as(clean.toString()).isZero();
    assertThat(clean.err()).doesNotContain("Your models");

    models(null, shop + "      stock: {type: IntegerField, default: 0}\n");
    Cli.Result warned = cairn("migrate");
    assertThat(warned.exitCode()).as(warned.toString()).isZero();
    assertThat(warned.out()).contains("No migrations to apply.").doesNotContain("Your models");
    assertThat(warned.err()).contains("Your models in app(s): 'shop' have changes that are not yet"
        + " reflected in a migration, and so won't be applied.\n"
        + "  Run 'cairn makemigrations' to make new migrations, and then re-run 'cairn migrate' to"
        + " apply them.");

    // A change that makemigrations would ask about is a change all the same.
    models(null, shop.replace("name:", "title:"));
    assertThat(cairn("migrate").err()).contains("Your models in app(s): 'shop' have changes");

    // Models that cannot be read give no warning and do not fail migrate.
    models(null, "app: shop\nmodels: [\n");
    Cli.Result unreadable = cairn("migrate");
    assertThat(unreadable.exitCode()).as(unreadable.toString()).isZero();
    assertThat(unreadable.err()).doesNotContain("Your models");

    // The answer kept for unchanged files is the answer for those files, both ways.
    models(null, shop);
    assertThat(cairn("migrate").err()).doesNotContain("Your models");
    models(null, shop + "      stock: {type: IntegerField, default: 0}\n");
    assertThat(cairn("migrate").err()).contains("Your models in app(s): 'shop' have changes");
    assertThat(cairn("migrate").err()).contains("Your models in app(s): 'shop' have changes");
    Files.writeString(root.resolve("migrations/shop/0002_stock.yaml"), "dependencies:\n"
        + "  - shop.0001_initial\noperations:\n  - AddField:\n      model_name: product\n"
        + "      name: stock\n      field: {type: IntegerField, default: 0}\n");
    Cli.Result migrated = cairn("migrate");
    assertThat(migrated.out()).contains("Applying shop.0002_stock... OK");
    assertThat(migrated.err()).doesNotContain("Your models");
  }

  /** Issue 8, item 8: the renames given up front are honoured, and the rows stay. */
  @Test void aModelRenamedWithOneOfItsFieldsKeepsItsRows() throws Exception {
    url = emptyDatabase();
    writeConfig();
    models("app: catalog\nmodels: {}\n", """
        app: shop
        models:
          Author:
            fields:
              name: {type: CharField, max_length: 50}
              age: {type: IntegerField}
        """);
    assertThat(cairn("makemigrations").exitCode()).isZero();
    migrateAndCheck();
    try (Database db = Database.open(url); var s = db.connection().createStatement()) {
      s.executeUpdate("INSERT INTO shop_author (name, age) VALUES ('Ann', 40)");
    }
    replaceIn("models/shop.yaml", "Author:", "Writer:");
    replaceIn("models/shop.yaml", "name:", "full_name:");

    Cli.Result made = cairn("makemigrations", "--noinput", "--rename", "shop.Author=shop.Writer",
        "--rename", "writer.name=writer.full_name");
    assertThat(made.exitCode()).as(made.toString()).isZero();
    assertThat(made.out()).contains("- Rename model Author to Writer",
        "- Rename field name on writer to full_name").doesNotContain("Delete model", "Create model");
    migrateAndCheck();
    try (Database db = Database.open(url); var s = db.connection().createStatement();
        var rows = s.executeQuery("SELECT full_name, age FROM shop_writer")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("Ann");
      assertThat(rows.getInt(2)).isEqualTo(40);
    }
  }

  /** A chain of renames answered up front (a to b, b to c): b moves first and both keep their rows. */
  @Test void aChainOfFieldRenamesKeepsTheRowsOfBoth() throws Exception {
    url = emptyDatabase();
    writeConfig();
    models("app: catalog\nmodels: {}\n", """
        app: shop
        models:
          Book:
            fields:
              a: {type: IntegerField, null: true}
              b: {type: CharField, max_length: 5, null: true}
        """);
    assertThat(cairn("makemigrations").exitCode()).isZero();
    migrateAndCheck();
    sql("INSERT INTO shop_book (a, b) VALUES (1, 'x')");
    replaceIn("models/shop.yaml", "b: {type: CharField", "c: {type: CharField");
    replaceIn("models/shop.yaml", "a: {type: IntegerField", "b: {type: IntegerField");

    Cli.Result made = cairn("makemigrations", "--noinput", "--rename", "book.a=book.b",
        "--rename", "book.b=book.c");
    assertThat(made.exitCode()).as(made.toString()).isZero();
    assertThat(made.out()).contains("- Rename field b on book to c", "- Rename field a on book to b")
        .doesNotContain("Remove field", "Add field");
    migrateAndCheck();
    assertThat(rows("SELECT b, c FROM shop_book")).containsExactly("1,x");
  }

  /** A rename answer that cannot be honoured stops with exit 2 and writes nothing. */
  @Test void aRenameAnswerThatCannotBeHonouredIsRefusedAndWritesNothing() throws Exception {
    url = emptyDatabase();
    writeConfig();
    models("app: catalog\nmodels: {}\n", """
        app: shop
        models:
          Book:
            fields:
              a: {type: IntegerField, null: true}
              b: {type: IntegerField, null: true}
        """);
    assertThat(cairn("makemigrations").exitCode()).isZero();
    replaceIn("models/shop.yaml", "a: {type", "tmp: {type");

    Cli.Result malformed = cairn("makemigrations", "--noinput", "--rename", "a=tmp");
    assertThat(malformed.exitCode()).as(malformed.toString()).isEqualTo(2);
    assertThat(malformed.err()).contains("--rename 'a=tmp'");
    Cli.Result unmatched = cairn("makemigrations", "--noinput", "--rename", "book.a=book.tmp",
        "--rename", "book.zz=book.yy");
    assertThat(unmatched.exitCode()).as(unmatched.toString()).isEqualTo(2);
    assertThat(unmatched.err()).contains("--rename book.zz=book.yy").doesNotContain("book.a=");
    replaceIn("models/shop.yaml", "tmp: {type", "a: {type");
    Cli.Result swap = cairn("makemigrations", "--noinput", "--rename", "book.a=book.b",
        "--rename", "book.b=book.a");
    assertThat(swap.exitCode()).as(swap.toString()).isEqualTo(2);
    assertThat(swap.err()).contains("cycle", "two makemigrations runs");
    try (var files = Files.list(root.resolve("migrations/shop"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(n -> n.startsWith("0002"));
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private void migrateAndCheck() throws Exception {
    Cli.Result migrate = cairn("migrate");
    assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
    Cli.Result check = cairn("makemigrations", "--check");
    assertThat(check.exitCode()).as(check.toString()).isZero();
    try (Database db = Database.open(url)) {
      var target = new ModelsFileSource(Map.of("catalog", root.resolve("models/catalog.yaml"),
          "shop", root.resolve("models/shop.yaml"))).load();
      assertThat(db.dialect().introspect(db.connection()).withSortedColumns())
          .isEqualTo(ExpectedSchema.of(target, db.dialect()).withSortedColumns());
    }
  }

  private void sql(String... statements) throws Exception {
    try (Database db = Database.open(url); var s = db.connection().createStatement()) {
      for (String statement : statements) s.execute(statement);
    }
  }

  /** Each row as its values joined by commas, in order of the columns. */
  private List<String> rows(String query) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Database db = Database.open(url); var s = db.connection().createStatement();
        var r = s.executeQuery(query + " ORDER BY 1, 2")) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= n; i++) values.add(r.getString(i));
        rows.add(String.join(",", values));
      }
    }
    return rows;
  }

  private SchemaSnapshot schema() throws Exception {
    try (Database db = Database.open(url)) {
      return db.dialect().introspect(db.connection());
    }
  }

  private Cli.Result cairn(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--config", root.resolve("cairn.yaml").toString(), "--database", url));
    return Cli.cairn(all.toArray(String[]::new));
  }

  private static Cli.Result withInput(String input, java.util.function.Supplier<Cli.Result> run) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return run.get();
    } finally {
      System.setIn(saved);
    }
  }

  private void writeConfig() throws IOException {
    Files.writeString(root.resolve("cairn.yaml"), """
        apps:
          catalog:
            models: models/catalog.yaml
          shop:
            models: models/shop.yaml
        """);
  }

  private void models(String catalog, String shop) throws IOException {
    Files.createDirectories(root.resolve("models"));
    if (catalog != null) Files.writeString(root.resolve("models/catalog.yaml"), catalog);
    if (shop != null) Files.writeString(root.resolve("models/shop.yaml"), shop);
  }

  private void replaceIn(String file, String from, String to) throws IOException {
    Path p = root.resolve(file);
    String text = Files.readString(p);
    assertThat(text).contains(from);
    Files.writeString(p, text.replace(from, to));
  }

  private void append(String file, String text) throws IOException {
    Path p = root.resolve(file);
    Files.writeString(p, Files.readString(p) + text);
  }

  private void branch(String name, String parent, String op, String field, String definition)
      throws IOException {
    String argument = op.equals("AddField") || op.equals("AlterField") ? "field" : "";
    Files.writeString(root.resolve("migrations/shop/" + name + ".yaml"), "dependencies:\n"
        + "  - shop." + parent + "\noperations:\n  - " + op + ":\n      model_name: product\n"
        + "      name: " + field + "\n      " + argument + ": " + definition + "\n");
  }
}
