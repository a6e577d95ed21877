package dev.cairn.models;

import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.decimal;
import static dev.cairn.testing.Models.fields;
import static dev.cairn.testing.Models.foreignKey;
import static dev.cairn.testing.Models.id;
import static dev.cairn.testing.Models.integer;
import static dev.cairn.testing.Models.manyToMany;
import static dev.cairn.testing.Models.n;
import static dev.cairn.testing.Models.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.config.ConfigReader;
import dev.cairn.state.Constraint;
import dev.cairn.state.FieldType;
import dev.cairn.state.Index;
import dev.cairn.state.ModelKey;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.OnDelete;
import dev.cairn.state.ProjectState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ModelsFileSourceTest {
  /** The models file of DESIGN.md, word for word. */
  static final String DESIGN_EXAMPLE = """
      app: shop
      models:
        Category:
          fields:
            name: {type: CharField, max_length: 50, unique: true}
        Product:
          db_table: shop_product              # default: <app>_<model name in lower case>
          fields:                             # no primary key given: id BigAutoField is added
            name: {type: CharField, max_length: 100}
            price: {type: DecimalField, max_digits: 8, decimal_places: 2}
            category: {type: ForeignKey, to: shop.Category, on_delete: CASCADE, null: true}
          indexes:
            - {name: shop_product_name_idx, fields: [name]}
          constraints:
            - {type: UniqueConstraint, name: shop_product_name_cat_uniq, fields: [name, category]}
            - {type: CheckConstraint, name: shop_product_price_gte_0, check: "price >= 0"}
      """;

  @TempDir Path dir;

  @Test void theDesignExampleLoadsToTheExpectedState() {
    ProjectState state = load("shop", DESIGN_EXAMPLE);
    ModelState category = new ModelState("shop", n("Category"),
        fields("id", id(), "name", chars(50).unique(true)), null, true, null, List.of(), List.of());
    ModelState product = new ModelState("shop", n("Product"), fields("id", id(),
        "name", chars(100), "price", decimal(8, 2),
        "category", foreignKey("shop.Category").onDelete(OnDelete.CASCADE).nullable(true)),
        "shop_product", true, null,
        List.of(new Index("shop_product_name_idx", names("name"), false, null)),
        List.of(Constraint.unique("shop_product_name_cat_uniq", names("name", "category"), null),
            Constraint.check("shop_product_price_gte_0", "price >= 0")));
    assertThat(state).isEqualTo(ProjectState.empty().withModel(category).withModel(product));
    assertThat(state.models()).extracting(ModelState::name).containsExactly(n("Category"), n("Product"));
  }

  @Test void aModelWithoutAPrimaryKeyGetsABigAutoFieldIdAsItsFirstField() {
    ModelState m = model(load("shop", "app: shop\nmodels:\n  Tag:\n    fields:\n"
        + "      label: {type: CharField, max_length: 20}\n"), "shop", "Tag");
    assertThat(m.fields().keySet()).extracting(Name::value).containsExactly("id", "label");
    assertThat(m.fields().get(n("id"))).isEqualTo(id().build());
  }

  @Test void aModelWithNoFieldsAtAllGetsOnlyTheId() {
    ModelState m = model(load("shop", "app: shop\nmodels:\n  Marker:\n"), "shop", "Marker");
    assertThat(m.fields()).containsExactly(Map.entry(n("id"), id().build()));
  }

  @Test void aDeclaredPrimaryKeyIsKeptWhereItIsAndNoIdIsAdded() {
    ModelState m = model(load("shop", "app: shop\nmodels:\n  Country:\n    fields:\n"
        + "      name: {type: CharField, max_length: 50}\n"
        + "      code: {type: CharField, max_length: 2, primary_key: true}\n"), "shop", "Country");
    assertThat(m.fields().keySet()).extracting(Name::value).containsExactly("name", "code");
    assertThat(m.primaryKey().getKey()).isEqualTo(n("code"));
  }

  @Test void fieldsKeepTheirOrderAndModelsTheirFileOrder() {
    ProjectState state = load("shop", "app: shop\nmodels:\n  Zebra:\n    fields:\n"
        + "      z: {type: IntegerField}\n      a: {type: IntegerField}\n      m: {type: IntegerField}\n"
        + "  Aardvark:\n");
    assertThat(state.models()).extracting(ModelState::name).containsExactly(n("Zebra"), n("Aardvark"));
    assertThat(model(state, "shop", "Zebra").fields().keySet()).extracting(Name::value)
        .containsExactly("id", "z", "a", "m");
  }

  @Test void aForeignKeyMayPointAtAModelOfAnotherAppWhoseSpellingItTakes() {
    ProjectState state = load(
        "blog", "app: blog\nmodels:\n  Review:\n    fields:\n"
            + "      product: {type: ForeignKey, to: shop.product, on_delete: PROTECT}\n",
        "shop", "app: shop\nmodels:\n  Product:\n");
    assertThat(model(state, "blog", "Review").fields().get(n("product")).to()).isEqualTo("shop.Product");
    assertThat(state.models()).extracting(ModelState::key)
        .containsExactly(ModelKey.of("blog", "Review"), ModelKey.of("shop", "Product"));
  }

  @Test void aBareModelNameMeansAModelOfTheSameApp() {
    ProjectState state = load("shop", "app: shop\nmodels:\n  Product:\n    fields:\n"
        + "      category: {type: ForeignKey, to: CATEGORY, on_delete: CASCADE}\n  Category:\n");
    assertThat(model(state, "shop", "Product").fields().get(n("category")).to()).isEqualTo("shop.Category");
  }

  @Test void selfMeansTheModelItself() {
    ProjectState state = load("shop", "app: shop\nmodels:\n  Category:\n    fields:\n"
        + "      parent: {type: ForeignKey, to: self, on_delete: CASCADE, null: true}\n");
    assertThat(model(state, "shop", "Category").fields().get(n("parent")).to()).isEqualTo("shop.Category");
  }

  @Test void throughIsResolvedLikeTo() {
    ProjectState state = load("shop", "app: shop\nmodels:\n  Product:\n    fields:\n"
        + "      tags: {type: ManyToManyField, to: tag, through: shop.producttag}\n"
        + "  Tag:\n  ProductTag:\n    fields:\n"
        + "      product: {type: ForeignKey, to: Product, on_delete: CASCADE}\n"
        + "      tag: {type: ForeignKey, to: Tag, on_delete: CASCADE}\n");
    assertThat(model(state, "shop", "Product").fields().get(n("tags")))
        .isEqualTo(manyToMany("shop.Tag").through("shop.ProductTag").build());
  }

  @Test void toFieldTakesTheSpellingOfTheTargetField() {
    ProjectState state = load("shop", "app: shop\nmodels:\n  Country:\n    fields:\n"
        + "      isoCode: {type: CharField, max_length: 2, unique: true}\n  City:\n    fields:\n"
        + "      country: {type: ForeignKey, to: Country, to_field: isocode, on_delete: CASCADE}\n");
    assertThat(model(state, "shop", "City").fields().get(n("country")).toField()).isEqualTo("isoCode");
  }

  @Test void indexAndConstraintFieldsTakeTheSpellingOfTheModel() {
    ProjectState state = load("shop", "app: shop\nmodels:\n  Product:\n    fields:\n"
        + "      Name: {type: CharField, max_length: 10}\n"
        + "    indexes:\n      - {name: p_name, fields: [name]}\n"
        + "    constraints:\n      - {type: UniqueConstraint, name: p_uniq, fields: [ID, NAME]}\n");
    ModelState m = model(state, "shop", "Product");
    assertThat(m.indexes().get(0).fields()).extracting(Name::value).containsExactly("Name");
    assertThat(m.constraints().get(0).fields()).extracting(Name::value).containsExactly("id", "Name");
  }

  @Test void modelOptionsAreRead() {
    ModelState m = model(load("shop", "app: shop\nmodels:\n  Legacy:\n    db_table: old_stuff\n"
        + "    managed: false\n    db_table_comment: kept for reports\n"), "shop", "Legacy");
    assertThat(m.dbTable()).isEqualTo("old_stuff");
    assertThat(m.managed()).isFalse();
    assertThat(m.dbTableComment()).isEqualTo("kept for reports");
  }

  @Test void ofConfigReadsEachAppWithAModelsFileAndLeavesOutTheOthers() throws IOException {
    write("models/shop.yaml", "app: shop\nmodels:\n  Product:\n");
    Path config = write("cairn.yaml", "apps:\n  shop:\n    models: models/shop.yaml\n"
        + "  billing:\n    models: jpa:com.example.billing\n  legacy:\n");
    ProjectState state = ModelsFileSource.of(new ConfigReader().read(config)).load();
    assertThat(state.models()).extracting(ModelState::key).containsExactly(ModelKey.of("shop", "Product"));
  }

  @Test void theFilesMayReferToModelsOfTheBaseSource() throws IOException {
    ModelState customer = ModelState.of("billing", "Customer", fields("id", id()));
    Path file = write("models/shop.yaml", "app: shop\nmodels:\n  Order:\n    fields:\n"
        + "      customer: {type: ForeignKey, to: billing.customer, on_delete: PROTECT}\n");
    ProjectState state = new ModelsFileSource(Map.of("shop", file),
        () -> ProjectState.empty().withModel(customer)).load();
    assertThat(state.models()).extracting(ModelState::key)
        .containsExactly(ModelKey.of("billing", "Customer"), ModelKey.of("shop", "Order"));
    assertThat(model(state, "shop", "Order").fields().get(n("customer")).to()).isEqualTo("billing.Customer");
  }

  // ---- errors: each names the file and line ----

  @Test void anAppOtherThanTheOneInCairnYamlIsAnErrorNamingBoth() {
    ModelsFileException e = error("shop", "# shop's models\napp: store\nmodels: {}\n");
    assertError(e, "shop", 2, "the models file says app 'store' but cairn.yaml lists it under app 'shop'");
    assertThat(e.hint()).contains("app: shop");
  }

  @Test void aMissingAppIsAnError() {
    assertError(error("shop", "models: {}\n"), "shop", 1, "missing 'app' in the models file");
  }

  @Test void missingModelsIsAnError() {
    assertError(error("shop", "app: shop\n"), "shop", 1, "missing 'models' in the models file");
  }

  @Test void anEmptyFileIsAnError() {
    assertError(error("shop", ""), "shop", 1, "the models file is empty");
  }

  @Test void invalidYamlIsAnErrorAtItsLine() {
    ModelsFileException e = error("shop", "app: shop\nmodels:\n  Product: {fields: [}\n");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.problem()).startsWith("invalid YAML");
  }

  @Test void anUnknownTopLevelKeySuggestsTheClosest() {
    ModelsFileException e = error("shop", "app: shop\nmodel: {}\n");
    assertError(e, "shop", 2, "unknown top-level key 'model'");
    assertThat(e.hint()).isEqualTo("did you mean 'models'?");
  }

  @Test void anUnknownModelOptionSuggestsTheClosest() {
    ModelsFileException e = error("shop", "app: shop\nmodels:\n  Product:\n    feilds: {}\n");
    assertError(e, "shop", 4, "unknown model option 'feilds' in model 'Product'");
    assertThat(e.hint()).isEqualTo("did you mean 'fields'?");
  }

  @Test void anUnknownFieldTypeIsReportedAsInAMigrationFile() {
    ModelsFileException e = error("shop", "app: shop\nmodels:\n  Product:\n    fields:\n"
        + "      price: {type: DecimalFeild, max_digits: 8, decimal_places: 2}\n");
    assertError(e, "shop", 5, "unknown field type 'DecimalFeild' in field 'Product.price'");
    assertThat(e.hint()).isEqualTo("did you mean 'DecimalField'?");
  }

  @Test void aModelNameThatIsNotAnIdentifierIsAnError() {
    assertError(error("shop", "app: shop\nmodels:\n  Product:\n  shop.Item:\n"), "shop", 4,
        "model name 'shop.Item' is not an identifier");
  }

  @Test void modelNamesDifferingOnlyInCaseAreAnError() {
    assertError(error("shop", "app: shop\nmodels:\n  Product:\n  product:\n"), "shop", 4,
        "duplicate model 'product' (first on line 3)");
  }

  @Test void fieldNamesDifferingOnlyInCaseAreAnError() {
    assertError(error("shop", "app: shop\nmodels:\n  Product:\n    fields:\n"
        + "      name: {type: TextField}\n      Name: {type: TextField}\n"), "shop", 6,
        "duplicate field 'Name' in model 'Product' (first on line 5)");
  }

  @Test void aSecondPrimaryKeyIsAnError() {
    ModelsFileException e = error("shop", "app: shop\nmodels:\n  Pair:\n    fields:\n"
        + "      a: {type: IntegerField, primary_key: true}\n"
        + "      b: {type: IntegerField, primary_key: true}\n");
    assertError(e, "shop", 6, "model 'Pair' has a second primary key 'b' (the first is 'a' on line 5)");
    assertThat(e.hint()).contains("UniqueConstraint");
  }

  @Test void aNullablePrimaryKeyIsAnError() {
    assertError(error("shop", "app: shop\nmodels:\n  Pair:\n    fields:\n"
        + "      a: {type: IntegerField, primary_key: true, null: true}\n"), "shop", 5,
        "primary key 'a' of model 'Pair' is null: true");
  }

  @Test void aFieldIdThatIsNotThePrimaryKeyIsAnError() {
    ModelsFileException e = error("shop", "app: shop\nmodels:\n  Product:\n    fields:\n"
        + "      id: {type: IntegerField}\n");
    assertError(e, "shop", 5, "field 'id' of model 'Product' is not the primary key, and Django"
        + " would add a primary key 'id'");
    assertThat(e.hint()).isEqualTo("add primary_key: true to it, or rename it");
  }

  @Test void aColumnLongerThan63BytesIsAnErrorNamingTheField() {
    String name = "a".repeat(61);
    ModelsFileException e = error("shop", "app: shop\nmodels:\n  Book:\n    fields:\n"
        + "      title: {type: CharField, max_length: 10}\n"
        + "      " + name + ": {type: ForeignKey, to: Book, on_delete: CASCADE}\n");
    assertError(e, "shop", 6, "field '" + name + "' of model 'Book' has the column '" + name
        + "_id', 64 bytes long; PostgreSQL keeps 63 and would cut it");
    assertThat(e.hint()).isEqualTo("give the field a shorter name or a db_column");
    assertError(error("shop", "app: shop\nmodels:\n  Book:\n    fields:\n"
        + "      title: {type: CharField, max_length: 10, db_column: " + "é".repeat(32) + "}\n"),
        "shop", 5, "field 'title' of model 'Book' has the column '" + "é".repeat(32)
        + "', 64 bytes long; PostgreSQL keeps 63 and would cut it");
    String model = "B".repeat(61);
    assertError(error("shop", "app: shop\nmodels:\n  Tag:\n  " + model + ":\n    fields:\n"
        + "      tags: {type: ManyToManyField, to: Tag}\n"), "shop", 6, "field 'tags' of model '"
        + model + "' makes the join table column '" + model.toLowerCase() + "_id', 64 bytes long;"
        + " PostgreSQL keeps 63 and would cut it");
  }

  @Test void aTableOrIndexNameLongerThan63BytesIsAnError() {
    String table = "t".repeat(64);
    assertError(error("shop", "app: shop\nmodels:\n  Book:\n    db_table: " + table + "\n"),
        "shop", 4, "model 'Book' has the db_table '" + table
            + "', 64 bytes long; PostgreSQL keeps 63 and would cut it");
    assertError(error("shop", "app: shop\nmodels:\n  Book:\n    fields:\n"
        + "      title: {type: CharField, max_length: 10}\n    indexes:\n"
        + "      - {name: " + "i".repeat(70) + ", fields: [title]}\n"),
        "shop", 7, "index '" + "i".repeat(70) + "' of model 'Book' is 70 bytes long;"
            + " PostgreSQL keeps 63 and would cut it");
  }

  @Test void twoFieldsWithTheSameColumnAreAnError() {
    assertError(error("shop", "app: shop\nmodels:\n  Book:\n    fields:\n"
        + "      author: {type: ForeignKey, to: Book, on_delete: CASCADE}\n"
        + "      author_id: {type: IntegerField}\n"), "shop", 6,
        "field 'author_id' of model 'Book' has the column 'author_id', as field 'author' does");
  }

  @Test void aReferenceToNoModelNamesTheFieldAndListsCloseModels() {
    ModelsFileException e = error(
        "shop", "app: shop\nmodels:\n  Category:\n  Product:\n    fields:\n"
            + "      category: {type: ForeignKey, to: Categry, on_delete: CASCADE}\n",
        "blog", "app: blog\nmodels:\n  Category:\n");
    assertError(e, "shop", 6, "field 'Product.category' points at 'shop.Categry', which is not a"
        + " model of any app");
    assertThat(e.hint()).isEqualTo("did you mean one of 'shop.Category', 'blog.Category'?");
  }

  @Test void aReferenceToAnotherAppsModelUnderTheWrongAppSuggestsIt() {
    ModelsFileException e = error(
        "blog", "app: blog\nmodels:\n  Post:\n    fields:\n"
            + "      product: {type: ForeignKey, to: Product, on_delete: CASCADE}\n",
        "shop", "app: shop\nmodels:\n  Product:\n");
    assertError(e, "blog", 5, "field 'Post.product' points at 'blog.Product', which is not a model of any app");
    assertThat(e.hint()).isEqualTo("did you mean 'shop.Product'?");
  }

  @Test void aReferenceToNoModelListsAllModelsWhenNoneIsClose() {
    ModelsFileException e = error("shop", "app: shop\nmodels:\n  Product:\n    fields:\n"
        + "      owner: {type: OneToOneField, to: auth.User, on_delete: CASCADE}\n  Category:\n");
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.hint()).isEqualTo("the models are shop.Product, shop.Category");
  }

  @Test void anUnknownThroughModelIsAnError() {
    ModelsFileException e = error("shop", "app: shop\nmodels:\n  Product:\n    fields:\n"
        + "      tags:\n        type: ManyToManyField\n        to: Tag\n        through: ProductTags\n"
        + "  Tag:\n  ProductTag:\n");
    assertError(e, "shop", 8, "'through' of field 'Product.tags' points at 'shop.ProductTags',"
        + " which is not a model of any app");
    assertThat(e.hint()).isEqualTo("did you mean 'shop.ProductTag'?");
  }

  @Test void aReferenceThatIsNotAModelReferenceIsAnError() {
    assertError(error("shop", "app: shop\nmodels:\n  Product:\n    fields:\n"
        + "      c: {type: ForeignKey, to: shop.Category.x, on_delete: CASCADE}\n"), "shop", 5,
        "field 'Product.c' points at 'shop.Category.x', which is not a model reference");
  }

  @Test void anUnknownToFieldIsAnError() {
    ModelsFileException e = error("shop", "app: shop\nmodels:\n  Country:\n    fields:\n"
        + "      code: {type: CharField, max_length: 2, unique: true}\n  City:\n    fields:\n"
        + "      country: {type: ForeignKey, to: Country, to_field: cod, on_delete: CASCADE}\n");
    assertError(e, "shop", 8, "'to_field' of field 'City.country' is 'cod', which model shop.Country"
        + " does not have");
    assertThat(e.hint()).isEqualTo("did you mean 'code'?");
  }

  @Test void aToFieldThatIsNotUniqueIsAnError() {
    assertError(error("shop", "app: shop\nmodels:\n  Country:\n    fields:\n"
        + "      code: {type: CharField, max_length: 2}\n  City:\n    fields:\n"
        + "      country: {type: ForeignKey, to: Country, to_field: code, on_delete: CASCADE}\n"),
        "shop", 8, "'to_field' of field 'City.country' is shop.Country.code, which is not unique");
  }

  @Test void anIndexOnAFieldTheModelDoesNotHaveIsAnError() {
    ModelsFileException e = error("shop", "app: shop\nmodels:\n  Product:\n    fields:\n"
        + "      name: {type: TextField}\n    indexes:\n      - name: p_idx\n        fields: [nme]\n");
    assertError(e, "shop", 8, "index 'p_idx' of model 'Product' names the field 'nme', which the"
        + " model does not have");
    assertThat(e.hint()).isEqualTo("did you mean 'name'?");
  }

  @Test void aUniqueConstraintOnAFieldTheModelDoesNotHaveIsAnError() {
    assertError(error("shop", "app: shop\nmodels:\n  Product:\n    fields:\n"
        + "      name: {type: TextField}\n    constraints:\n"
        + "      - {type: UniqueConstraint, name: p_uniq, fields: [name, sku]}\n"), "shop", 7,
        "constraint 'p_uniq' of model 'Product' names the field 'sku', which the model does not have");
  }

  @Test void anIndexOnAManyToManyFieldIsAnError() {
    assertError(error("shop", "app: shop\nmodels:\n  Product:\n    fields:\n"
        + "      tags: {type: ManyToManyField, to: Product}\n    indexes:\n"
        + "      - {name: p_tags, fields: [tags]}\n"), "shop", 7,
        "index 'p_tags' of model 'Product' names the ManyToManyField 'tags', which has no column");
  }

  @Test void indexNamesAreUniqueAcrossTheProject() {
    ModelsFileException e = error(
        "shop", "app: shop\nmodels:\n  Product:\n    indexes:\n      - {name: by_id, fields: [id]}\n",
        "blog", "app: blog\nmodels:\n  Post:\n    indexes:\n      - {name: BY_ID, fields: [id]}\n");
    assertError(e, "blog", 5, "index name 'BY_ID' of blog.Post is already the name of an index of"
        + " shop.Product (" + dir.resolve("models/shop.yaml") + ":5)");
  }

  @Test void aConstraintMayNotTakeTheNameOfAnIndex() {
    assertError(error("shop", "app: shop\nmodels:\n  Product:\n    indexes:\n"
        + "      - {name: p_id, fields: [id]}\n    constraints:\n"
        + "      - {type: CheckConstraint, name: p_id, check: id > 0}\n"), "shop", 7,
        "constraint name 'p_id' of shop.Product is already the name of an index of shop.Product ("
            + dir.resolve("models/shop.yaml") + ":5)");
  }

  @Test void twoManagedModelsMayNotShareATable() {
    assertError(error("shop", "app: shop\nmodels:\n  Product:\n  Item:\n    db_table: shop_product\n"),
        "shop", 4, "model shop.Item has the table 'shop_product', as model shop.Product ("
            + dir.resolve("models/shop.yaml") + ":3) does");
  }

  @Test void anUnmanagedModelMayShareATable() {
    ProjectState state = load("shop", "app: shop\nmodels:\n  Product:\n  ProductReport:\n"
        + "    db_table: shop_product\n    managed: false\n");
    assertThat(state.models()).hasSize(2);
  }

  @Test void aMissingFileIsAnErrorNamingIt() {
    Path missing = dir.resolve("models/none.yaml");
    ModelsFileException e = catchThrowableOfType(
        () -> new ModelsFileSource(Map.of("none", missing)).load(), ModelsFileException.class);
    assertThat(e.path()).isEqualTo(missing);
    assertThat(e.line()).isZero();
    assertThat(e.problem()).isEqualTo("no such file");
    assertThat(e.hint()).isEqualTo("check the path given as 'models' for app 'none' in cairn.yaml");
    assertThat(e.getMessage()).doesNotContain("Exception");
  }

  @Test void anAppWithModelsInTheBaseSourceMayNotHaveAFileToo() throws IOException {
    Path file = write("models/shop.yaml", "app: shop\nmodels: {}\n");
    ModelsFileException e = catchThrowableOfType(() -> new ModelsFileSource(Map.of("shop", file),
        () -> ProjectState.empty().withModel(ModelState.of("shop", "Product", fields("id", id()))))
        .load(), ModelsFileException.class);
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.problem()).isEqualTo("app 'shop' already has models from another source");
  }

  @Test void aFileListingNoModelsWhereTheMigrationsHoldSomeIsAnError() {
    Path file = write("models/shop.yaml", "app: shop\nmodels:\n#  Product:\n");
    ProjectState migrated = ProjectState.empty()
        .withModel(ModelState.of("shop", "Product", fields("id", id())));
    ModelsFileException e = catchThrowableOfType(() -> new ModelsFileSource(Map.of("shop", file))
        .load(migrated, java.util.Set.of("shop")), ModelsFileException.class);
    assertError(e, "shop", 2, "'models' lists no models, but the migrations of app 'shop' hold"
        + " shop.Product: makemigrations would delete them all");
    assertThat(e.hint()).contains("models: {}");
  }

  @Test void aFileSayingModelsIsAnEmptyMappingMeansNoModelsOnPurpose() {
    Path file = write("models/shop.yaml", "app: shop\nmodels: {}\n");
    ProjectState migrated = ProjectState.empty()
        .withModel(ModelState.of("shop", "Product", fields("id", id())));
    assertThat(new ModelsFileSource(Map.of("shop", file)).load(migrated, java.util.Set.of("shop"))
        .models()).isEmpty();
  }

  // ---- helpers ----

  /** Writes each {@code app, text} pair to {@code models/<app>.yaml} and loads them in order. */
  private ProjectState load(String... appsAndTexts) {
    Map<String, Path> files = new LinkedHashMap<>();
    for (int i = 0; i < appsAndTexts.length; i += 2) {
      files.put(appsAndTexts[i], write("models/" + appsAndTexts[i] + ".yaml", appsAndTexts[i + 1]));
    }
    return new ModelsFileSource(files).load();
  }

  private ModelsFileException error(String... appsAndTexts) {
    return catchThrowableOfType(() -> load(appsAndTexts), ModelsFileException.class);
  }

  private void assertError(ModelsFileException e, String app, int line, String problem) {
    assertThat(e).as("an error").isNotNull();
    assertThat(e.path()).isEqualTo(dir.resolve("models/" + app + ".yaml"));
    assertThat(e.problem()).isEqualTo(problem);
    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
  }

  private Path write(String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ModelState model(ProjectState state, String app, String name) {
    return state.requireModel(ModelKey.of(app, name));
  }
}
