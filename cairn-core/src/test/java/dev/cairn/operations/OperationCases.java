package dev.cairn.operations;

import static dev.cairn.operations.OperationCase.of;
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

import dev.cairn.schema.Feature;
import dev.cairn.schema.JoinTable;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.Index;
import dev.cairn.state.OnDelete;
import java.util.ArrayList;
import java.util.List;

/**
 * Every operation type over the shop, with the interesting variants of each (AlterField over
 * type, null, default, unique, index and foreign key changes): the table {@link
 * OperationsContract#everyOperationForwardsAndBackwardsKeepsSchemaAndRows} runs on every dialect.
 * SQL in it quotes identifiers in braces, so that it runs on every dialect.
 */
final class OperationCases {
  private OperationCases() {}

  static List<OperationCase> all() {
    List<OperationCase> all = new ArrayList<>();
    all.addAll(models());
    all.addAll(addAndRemoveFields());
    all.addAll(alterFields());
    all.addAll(renameFields());
    all.addAll(indexesAndConstraints());
    all.addAll(separateDatabaseAndState());
    return all;
  }

  private static final CreateModel MAKER = createModel("Maker", "id", id());

  static List<OperationCase> models() {
    return List.of(
        of(createModel("Shelf", "id", id(), "product", foreignKey("shop.Product"),
            "tags", manyToMany("shop.Tag"), "label", chars(20).unique(true))),
        of(new DeleteModel(n("Review"))),
        of(new RenameModel(n("Product"), n("Item"))),
        of(new RenameModel(n("Tag"), n("Label"))),
        of(new RenameModel(n("Shelf"), n("Rack"))).after(new CreateModel(n("Shelf"),
            fields("id", id(), "tags", manyToMany("shop.Tag")),
            new ModelOptions("shelves", true, null), null, null)),
        of(new AlterModelTable(n("Product"), "catalog_item")),
        of(new AlterModelTable(n("Product"), null))
            .after(new AlterModelTable(n("Product"), "catalog_item")));
  }

  static List<OperationCase> addAndRemoveFields() {
    return List.of(
        of(new AddField(n("Product"), n("note"), Field.of(FieldType.TEXT).nullable(true).build())),
        of(new AddField(n("Product"), n("weight"), integer().defaultValue(7).build())),
        of(new AddField(n("Product"), n("colour"), chars(10).defaultValue("it's red").build())),
        of(new AddField(n("Product"), n("added"),
            Field.of(FieldType.DATE_TIME).nullable(true).dbDefault("CURRENT_TIMESTAMP").build())),
        of(new AddField(n("Product"), n("maker"),
            foreignKey("shop.Maker").nullable(true).onDelete(OnDelete.SET_NULL).build()))
            .after(MAKER),
        of(new AddField(n("Product"), n("related"), manyToMany("shop.Product").build())),
        of(new AddField(n("Product"), n("sku"), chars(20).nullable(true).unique(true).build())),
        of(new AddField(n("Product"), n("sold"),
            Field.of(FieldType.POSITIVE_INTEGER).defaultValue(0).build())),
        of(new RemoveField(n("Product"), n("stock"))),
        of(new RemoveField(n("Product"), n("category"))),
        of(new RemoveField(n("Product"), n("tags"))),
        of(new RemoveField(n("Product"), n("sku")))
            .after(new AddField(n("Product"), n("sku"), chars(20).nullable(true).unique(true).build()))
            .withData("UPDATE {shop_product} SET {sku} = {name}"),
        of(new RemoveField(n("Product"), n("slug")))
            .after(new AddField(n("Product"), n("slug"), Field.of(FieldType.SLUG).nullable(true).build()),
                new AddIndex(n("Product"), new Index("product_price_idx", names("price"), false, null)))
            .withData("UPDATE {shop_product} SET {slug} = {name}"));
  }

  static List<OperationCase> alterFields() {
    AddField code = new AddField(n("Product"), n("code"), chars(10).nullable(true).build());
    AlterField uniqueName = new AlterField(n("Product"), n("name"), chars(100).unique(true).build());
    return List.of(
        of(new AlterField(n("Product"), n("stock"), Field.of(FieldType.BIG_INTEGER).nullable(true).build())),
        of(new AlterField(n("Product"), n("name"), Field.of(FieldType.TEXT).build())),
        of(new AlterField(n("Product"), n("name"), chars(200).build())),
        of(new AlterField(n("Product"), n("code"), integer().nullable(true).build()))
            .after(code).withData("UPDATE {shop_product} SET {code} = {stock} + 10"),
        of(new AlterField(n("Product"), n("stock"), integer().defaultValue(5).build())),
        of(new AlterField(n("Product"), n("price"), decimal(8, 2).nullable(true).build())),
        of(new AlterField(n("Product"), n("stock"), integer().nullable(true).dbDefault("0").build())),
        of(new AlterField(n("Product"), n("stock"), integer().nullable(true).defaultValue(4).build())),
        of(new AlterField(n("Product"), n("stock"),
            Field.of(FieldType.POSITIVE_INTEGER).nullable(true).build())),
        of(uniqueName),
        of(new AlterField(n("Product"), n("name"), chars(100).build())).after(uniqueName),
        of(new AlterField(n("Product"), n("category"),
            foreignKey("shop.Category").nullable(true).unique(true).build()))
            .withData("UPDATE {shop_product} SET {category_id} = NULL WHERE {name} = 'ink'"),
        of(new AlterField(n("Product"), n("name"), chars(100).dbIndex(true).build())),
        of(new AlterField(n("Product"), n("category"),
            foreignKey("shop.Category").nullable(true).dbIndex(false).build())),
        of(new AlterField(n("Product"), n("category"),
            foreignKey("shop.Category").nullable(true).onDelete(OnDelete.PROTECT).build())),
        of(new AlterField(n("Product"), n("category"), foreignKey("shop.Maker").nullable(true).build()))
            .after(MAKER).withData("UPDATE {shop_product} SET {category_id} = NULL"),
        of(new AlterField(n("Product"), n("category"),
            foreignKey("shop.Maker").nullable(true).dbColumn("maker_ref").build()))
            .after(MAKER).withData("UPDATE {shop_product} SET {category_id} = NULL"),
        of(new AlterField(n("Product"), n("category"),
            Field.of(FieldType.BIG_INTEGER).nullable(true).dbColumn("category_ref").build())),
        // A new target: Django drops the join table and makes the other, so its pairs go.
        of(new AlterField(n("Product"), n("tags"), manyToMany("shop.Category").build()))
            .losesRowsOf("shop_product_tags"),
        of(new AlterField(n("Box"), n("id"), Field.of(FieldType.BIG_AUTO).primaryKey(true).build()))
            .after(boxes())
            .withData(BOX_ROWS));
  }

  static List<OperationCase> renameFields() {
    return List.of(
        of(new RenameField(n("Product"), n("price"), n("cost"))),
        of(new RenameField(n("Product"), n("stock"), n("amount"))),
        of(new RenameField(n("Product"), n("category"), n("group"))),
        of(new RenameField(n("Product"), n("tags"), n("labels"))),
        of(new RenameField(n("Category"), n("name"), n("title"))),
        of(new RenameField(n("Product"), n("sku"), n("code"))).after(skuAndSlug())
            .withData("UPDATE {shop_product} SET {sku} = {name}, {slug} = {name}"),
        of(new RenameField(n("Product"), n("slug"), n("handle"))).after(skuAndSlug())
            .withData("UPDATE {shop_product} SET {sku} = {name}, {slug} = {name}"),
        of(new RenameField(n("Product"), n("sold"), n("units_sold")))
            .after(new AddField(n("Product"), n("sold"),
                Field.of(FieldType.POSITIVE_SMALL_INTEGER).nullable(true).build()))
            .withData("UPDATE {shop_product} SET {sold} = {stock}"),
        of(new RenameField(n("Product"), n("main_tag"), n("label")))
            .after(new AddField(n("Product"), n("main_tag"),
                Field.of(FieldType.ONE_TO_ONE).to("shop.Tag").nullable(true).build()))
            .withData("UPDATE {shop_product} SET {main_tag_id} = (SELECT MIN({id}) FROM {shop_tag})"
                + " WHERE {name} = 'pen'"),
        of(new RenameField(n("Box"), n("id"), n("number"))).after(boxes()).withData(BOX_ROWS));
  }

  static List<OperationCase> indexesAndConstraints() {
    Index index = new Index("product_name_price", names("name", "price"), false, null);
    Constraint unique = Constraint.unique("product_name_category", names("name", "category"), null);
    Constraint partial = Constraint.unique("product_name_stocked", names("name"), "stock > 0");
    Constraint check = Constraint.check("product_price_gte_0", "price >= 0");
    return List.of(
        of(new AddIndex(n("Product"), index)),
        of(new RemoveIndex(n("Product"), index.name())).after(new AddIndex(n("Product"), index)),
        of(new RenameIndex(n("Product"), "product_np", index.name()))
            .after(new AddIndex(n("Product"), index)),
        of(new AddIndex(n("Product"), new Index("product_cheap", names("price"), true, "price < 10")))
            .needs(Feature.PARTIAL_INDEXES),
        of(new AddConstraint(n("Product"), unique)),
        of(new RemoveConstraint(n("Product"), unique.name())).after(new AddConstraint(n("Product"), unique)),
        of(new AddConstraint(n("Product"), partial)).needs(Feature.PARTIAL_INDEXES),
        of(new RemoveConstraint(n("Product"), partial.name()))
            .after(new AddConstraint(n("Product"), partial)).needs(Feature.PARTIAL_INDEXES),
        of(new AddConstraint(n("Product"), check)).needs(Feature.CHECK_CONSTRAINTS),
        of(new RemoveConstraint(n("Product"), check.name()))
            .after(new AddConstraint(n("Product"), check)).needs(Feature.CHECK_CONSTRAINTS));
  }

  /**
   * The recipe by which a through model takes over an auto-created join table, as makemigrations
   * writes it: RenameJoinTable inside SeparateDatabaseAndState. (RunSQL, whose SQL needs the
   * dialect's types, is in {@link RawOperationsContract}.)
   */
  static List<OperationCase> separateDatabaseAndState() {
    return List.of(of(throughModelTakesOverTheTags()));
  }

  /** Product.tags gets the through model ProductTag, which takes over shop_product_tags. */
  static SeparateDatabaseAndState throughModelTakesOverTheTags() {
    String table = "shop_producttag";
    List<String> columns = List.of("id", "product_id", "tag_id");
    CreateModel productTag = new CreateModel(n("ProductTag"), fields(
        "id", id(),
        "product", foreignKey("shop.Product"),
        "tag", foreignKey("shop.Tag")), null, List.of(),
        List.of(Constraint.unique(JoinTable.pairUniqueName(table, "product_id", "tag_id"),
            names("product", "tag"), null)));
    return new SeparateDatabaseAndState(
        List.of(new RenameJoinTable(n("Product"), n("tags"), "shop_product_tags", table, columns,
            columns)),
        List.of(productTag, new AlterField(n("Product"), n("tags"),
            manyToMany("shop.Tag").through("shop.ProductTag").build())));
  }

  /** Two boxes, the second inside the first and its peer, each in a crate. */
  private static final String[] BOX_ROWS = {
      "INSERT INTO {shop_box} ({parent_id}) VALUES (NULL)",
      "INSERT INTO {shop_box} ({parent_id}) SELECT MIN({id}) FROM {shop_box}",
      "INSERT INTO {shop_crate} ({box_id}) SELECT {id} FROM {shop_box}",
      "INSERT INTO {shop_crate_boxes} ({crate_id}, {box_id}) SELECT {id}, {box_id}"
          + " FROM {shop_crate}",
      "INSERT INTO {shop_box_peers} ({from_box_id}, {to_box_id}) SELECT MIN({id}), MAX({id})"
          + " FROM {shop_box}"};

  /** Box (an AutoField key, a key to itself, a many-to-many to itself) and Crate pointing at it. */
  private static Operation[] boxes() {
    return new Operation[] {
        createModel("Box", "id", Field.of(FieldType.AUTO).primaryKey(true),
            "parent", foreignKey("shop.Box").nullable(true), "peers", manyToMany("shop.Box")),
        createModel("Crate", "id", id(), "box", foreignKey("shop.Box"), "boxes", manyToMany("shop.Box"))};
  }

  private static Operation[] skuAndSlug() {
    return new Operation[] {
        new AddField(n("Product"), n("sku"), chars(20).nullable(true).unique(true).build()),
        new AddField(n("Product"), n("slug"), Field.of(FieldType.SLUG).nullable(true).build()),
        new AddIndex(n("Product"), new Index("product_sku_slug", names("sku", "slug"), false, null)),
        new AddConstraint(n("Product"),
            Constraint.unique("product_slug_price", names("slug", "price"), null))};
  }
}
