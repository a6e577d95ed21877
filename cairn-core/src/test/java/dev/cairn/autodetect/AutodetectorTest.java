package dev.cairn.autodetect;

import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.foreignKey;
import static dev.cairn.testing.Models.id;
import static dev.cairn.testing.Models.integer;
import static dev.cairn.testing.Models.n;
import static dev.cairn.testing.Models.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.graph.MigrationGraph;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.operations.AddField;
import dev.cairn.operations.AlterModelTable;
import dev.cairn.operations.CreateModel;
import dev.cairn.operations.Operation;
import dev.cairn.optimize.Optimizer;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.Index;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.OnDelete;
import dev.cairn.state.ProjectState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What makemigrations detects between the migrations' state and the models; no database. */
final class AutodetectorTest {
  private static final Questioner NO_INPUT = new NoInputQuestioner();

  @Test void aNewModelIsCreatedWithItsFieldsInOrder() {
    ProjectState to = state(model("shop", "Product", "id", id(), "name", chars(100), "price", integer()));
    assertThat(describe(detect(ProjectState.empty(), to, "shop"))).containsExactly("Create model Product");
    CreateModel create = (CreateModel) ops(detect(ProjectState.empty(), to, "shop")).get(0);
    assertThat(create.fields().keySet()).containsExactly(n("id"), n("name"), n("price"));
  }

  @Test void aReferencedModelIsCreatedBeforeTheModelPointingAtIt() {
    ProjectState to = state(
        model("shop", "Product", "id", id(), "category", foreignKey("shop.Category").onDelete(OnDelete.CASCADE)),
        model("shop", "Category", "id", id()));
    assertThat(describe(detect(ProjectState.empty(), to, "shop")))
        .containsExactly("Create model Category", "Create model Product");
  }

  @Test void modelsPointingAtEachOtherGetTheirLaterKeyAsAnAddField() {
    ProjectState to = state(
        model("shop", "A", "id", id(), "b", foreignKey("shop.B").onDelete(OnDelete.CASCADE).nullable(true)),
        model("shop", "B", "id", id(), "a", foreignKey("shop.A").onDelete(OnDelete.CASCADE).nullable(true)));
    assertThat(describe(detect(ProjectState.empty(), to, "shop")))
        .containsExactly("Create model B", "Create model A", "Add field a to b");
  }

  /** As Django: one migration, the key that closes the circle added after both models. */
  @Test void aForeignKeyCycleInsideOneAppIsOneMigration() {
    ProjectState to = state(
        model("shop", "A", "id", id(), "b", foreignKey("shop.B").onDelete(OnDelete.CASCADE).nullable(true)),
        model("shop", "B", "id", id(), "a", foreignKey("shop.A").onDelete(OnDelete.CASCADE).nullable(true)),
        model("blog", "Post", "id", id(), "a", foreignKey("shop.A").onDelete(OnDelete.CASCADE).nullable(true)));
    List<Migration> made = maker(List.of()).make(
        new Autodetector(ProjectState.empty(), to, List.of("shop", "blog"), NO_INPUT).detect(), null);
    assertThat(made).extracting(m -> m.key().toString())
        .containsExactly("shop.0001_initial", "blog.0001_initial");
    assertThat(made.get(0).operations()).extracting(Operation::describe)
        .containsExactly("Create model B", "Create model A", "Add field a to b");
  }

  /**
   * As Django: only the first app (by label) is split; the other's single migration comes
   * between, and the second part is named {@code 0002_initial}.
   */
  @Test void twoAppsPointingAtEachOthersNewModelsSplitOnlyOneOfThem() {
    ProjectState to = state(
        model("b", "Right", "id", id(), "left", foreignKey("a.Left").onDelete(OnDelete.CASCADE).nullable(true)),
        model("a", "Left", "id", id(), "right", foreignKey("b.Right").onDelete(OnDelete.CASCADE).nullable(true)));
    Map<String, List<Change>> changes =
        new Autodetector(ProjectState.empty(), to, List.of("b", "a"), NO_INPUT).detect();
    List<Migration> made = maker(List.of()).make(changes, null);
    Map<String, List<String>> deps = new LinkedHashMap<>();
    made.forEach(m -> deps.put(m.key().toString(),
        m.dependencies().stream().map(Object::toString).toList()));
    assertThat(deps).containsOnly(
        Map.entry("a.0001_initial", List.of()),
        Map.entry("b.0001_initial", List.of("a.0001_initial")),
        Map.entry("a.0002_initial", List.of("a.0001_initial", "b.0001_initial")));
  }

  /** makemigrations shop: shop's migration and the new ones it needs, and nothing else. */
  @Test void trimmingToAnAppKeepsTheNewMigrationsItNeedsAndOnlyThose() {
    ProjectState from = state(model("shop", "Product", "id", id()),
        model("catalog", "Kind", "id", id()), model("blog", "Post", "id", id()));
    ProjectState to = state(
        model("shop", "Product", "id", id(), "brand", foreignKey("catalog.Brand").nullable(true)),
        model("catalog", "Kind", "id", id()), model("catalog", "Brand", "id", id()),
        model("blog", "Post", "id", id(), "rank", integer().nullable(true)));
    List<MigrationKey> existing = List.of(key("shop.0001_initial"), key("catalog.0001_initial"),
        key("blog.0001_initial"));
    List<Migration> made = maker(existing).make(new Autodetector(from, to,
        List.of("shop", "catalog", "blog"), NO_INPUT).detect(), null);
    assertThat(MigrationMaker.onlyFor(made, Set.of("shop"))).extracting(m -> m.key().toString())
        .containsExactlyInAnyOrder("shop.0002_product_brand", "catalog.0002_brand");
    assertThat(MigrationMaker.onlyFor(made, Set.of("catalog"))).extracting(m -> m.key().toString())
        .containsExactly("catalog.0002_brand");
  }

  @Test void aForeignKeyToAnotherAppDependsOnThatAppsLatestMigration() {
    ProjectState from = state(model("catalog", "Category", "id", id()),
        model("shop", "Product", "id", id()));
    ProjectState to = state(model("catalog", "Category", "id", id()),
        model("shop", "Product", "id", id(),
            "category", foreignKey("catalog.Category").onDelete(OnDelete.CASCADE).nullable(true)));
    List<Migration> made = maker(List.of(key("catalog.0001_initial"), key("catalog.0002_x"),
        key("shop.0001_initial"))).make(new Autodetector(from, to, List.of("catalog", "shop"),
            NO_INPUT).detect(), null);
    assertThat(made).singleElement().satisfies(m -> {
      assertThat(m.key().toString()).isEqualTo("shop.0002_product_category");
      assertThat(m.dependencies()).extracting(Object::toString)
          .containsExactly("shop.0001_initial", "catalog.0002_x");
    });
  }

  @Test void addedRemovedAndAlteredFieldsAreFound() {
    ProjectState from = state(model("shop", "Product", "id", id(), "name", chars(100), "price", integer()));
    ProjectState to = state(model("shop", "Product", "id", id(), "name", chars(200),
        "stock", integer().defaultValue(0)));
    assertThat(describe(detect(from, to, "shop"))).containsExactly(
        "Remove field price from product", "Add field stock to product", "Alter field name on product");
  }

  /** As Django (#23938): no AlterField between a column and a join table. */
  @Test void aForeignKeyBecomingAManyToManyUnderTheSameNameIsRemovedAndAdded() {
    ProjectState from = state(model("shop", "Tag", "id", id()),
        model("shop", "Product", "id", id(), "tags", foreignKey("shop.Tag").nullable(true)));
    ProjectState to = state(model("shop", "Tag", "id", id()),
        model("shop", "Product", "id", id(), "tags", dev.cairn.testing.Models.manyToMany("shop.Tag")));
    assertThat(describe(detect(from, to, "shop")))
        .containsExactly("Remove field tags from product", "Add field tags to product");
    assertThat(describe(detect(to, from, "shop")))
        .containsExactly("Remove field tags from product", "Add field tags to product");
  }

  @Test void aFieldRenameIsAskedAndBecomesRenameField() {
    ProjectState from = state(model("shop", "Product", "id", id(), "title", chars(100).nullable(true)));
    ProjectState to = state(model("shop", "Product", "id", id(), "name", chars(100).nullable(true)));
    assertThat(describe(detect(from, to, "shop", answers(Map.of("product.title", "product.name")))))
        .containsExactly("Rename field title on product to name");
    assertThat(describe(detect(from, to, "shop", new Answers(Map.of(), Set.of("product.title=product.name"),
        Map.of(), NO_INPUT)))).containsExactly("Remove field title from product", "Add field name to product");
  }

  @Test void aSwapOfTwoFieldsIsRefusedWithTheTwoRunsThatDoIt() {
    ProjectState from = state(model("shop", "Book", "id", id(), "a", integer(), "b", integer()));
    ProjectState to = state(model("shop", "Book", "id", id(), "a", integer(), "b", integer()));
    assertThatThrownBy(() -> detect(from, to, "shop",
        answers(Map.of("book.a", "book.b", "book.b", "book.a"))))
        .isInstanceOf(RefusedChange.class)
        .hasMessageContaining("--rename book.a=book.b").hasMessageContaining("cycle")
        .hasMessageContaining("two makemigrations runs");
  }

  @Test void aSwapOfTwoModelsIsRefused() {
    ProjectState from = state(model("shop", "A", "id", id()), model("shop", "B", "id", id()));
    assertThatThrownBy(() -> detect(from, from, "shop",
        answers(Map.of("shop.a", "shop.b", "shop.b", "shop.a"))))
        .isInstanceOf(RefusedChange.class).hasMessageContaining("cycle");
  }

  @Test void aFieldRenameOntoAFieldThatStaysIsRefused() {
    ProjectState from = state(model("shop", "Book", "id", id(), "a", integer(), "b", integer()));
    ProjectState to = state(model("shop", "Book", "id", id(), "b", integer()));
    assertThatThrownBy(() -> detect(from, to, "shop", answers(Map.of("book.a", "book.b"))))
        .isInstanceOf(RefusedChange.class)
        .hasMessageContaining("--rename book.a=book.b").hasMessageContaining("book.b");
  }

  @Test void aRenameAnswerThatMatchesNothingIsRefusedByName() {
    ProjectState from = state(model("shop", "Book", "id", id(), "a", integer()));
    ProjectState to = state(model("shop", "Book", "id", id(), "b", integer()));
    assertThatThrownBy(() -> detect(from, to, "shop",
        answers(Map.of("book.a", "book.b", "book.zz", "book.yy"))))
        .isInstanceOf(RefusedChange.class).hasMessageContaining("--rename book.zz=book.yy");
    assertThatThrownBy(() -> detect(from, from, "shop", answers(Map.of("shop.nope", "shop.other"))))
        .isInstanceOf(RefusedChange.class).hasMessageContaining("--rename shop.nope=shop.other");
  }

  @Test void aGivenFieldRenameThatCannotKeepTheDataIsRefused() {
    ProjectState from = state(model("shop", "Tag", "id", id()),
        model("shop", "Product", "id", id(), "tag", foreignKey("shop.Tag").nullable(true)));
    ProjectState to = state(model("shop", "Tag", "id", id()),
        model("shop", "Product", "id", id(), "tags", dev.cairn.testing.Models.manyToMany("shop.Tag")));
    assertThatThrownBy(() -> detect(from, to, "shop",
        answers(Map.of("product.tag", "product.tags"))))
        .isInstanceOf(RefusedChange.class).hasMessageContaining("--rename product.tag=product.tags");
  }

  @Test void withNoInputARenameCandidateStopsWithTheFlagThatAnswersIt() {
    ProjectState from = state(model("shop", "Product", "id", id(), "title", chars(100)));
    ProjectState to = state(model("shop", "Product", "id", id(), "name", chars(100)));
    assertThatThrownBy(() -> detect(from, to, "shop")).isInstanceOf(NeedsAnswer.class)
        .hasMessageContaining("--rename product.title=product.name")
        .hasMessageContaining("--no-rename product.title=product.name");
  }

  @Test void aModelRenameIsAskedAndRepointsNothingElse() {
    ProjectState from = state(model("shop", "Product", "id", id(), "name", chars(100)));
    ProjectState to = state(model("shop", "Item", "id", id(), "name", chars(100)));
    assertThat(describe(detect(from, to, "shop", answers(Map.of("shop.product", "shop.item")))))
        .containsExactly("Rename model Product to Item");
    assertThatThrownBy(() -> detect(from, to, "shop")).isInstanceOf(NeedsAnswer.class)
        .hasMessageContaining("--rename shop.Product=shop.Item");
  }

  // ---- issue 8, item 8: renames -------------------------------------------------------------

  @Test void aModelRenamedWithSomeOfItsFieldsIsRenameModelAndRenameField() {
    ProjectState from = state(model("shop", "Author", "id", id(), "name", chars(100), "age", integer()));
    ProjectState to = state(model("shop", "Writer", "id", id(), "age", integer(), "full_name", chars(100)));
    assertThat(describe(detect(from, to, "shop", answers(Map.of("shop.author", "shop.writer",
        "writer.name", "writer.full_name")))))
        .containsExactly("Rename model Author to Writer", "Rename field name on writer to full_name");
    assertThatThrownBy(() -> detect(from, to, "shop")).isInstanceOf(NeedsAnswer.class)
        .hasMessageContaining("--rename shop.Author=shop.Writer");
  }

  @Test void renamesGivenUpFrontAreHonouredWhereTheDefinitionsAlsoChanged() {
    ProjectState from = state(model("shop", "Author", "id", id(), "name", chars(100)));
    ProjectState to = state(model("shop", "Writer", "id", id(), "full_name", chars(200),
        "age", integer().nullable(true)));
    assertThat(describe(detect(from, to, "shop", answers(Map.of("shop.author", "shop.writer",
        "writer.name", "writer.full_name"))))).containsExactly("Rename model Author to Writer",
        "Alter field name on writer", "Rename field name on writer to full_name",
        "Add field age to writer");
  }

  /** As Django: a field keeps its candidacy only with the same definition, or its old column. */
  @Test void aFieldIsARenameCandidateOnlyWhereItKeepsItsDefinitionOrItsColumn() {
    ProjectState from = state(model("shop", "Product", "id", id(), "code", chars(10).nullable(true).dbColumn("legacy")));
    ProjectState movedColumn = state(model("shop", "Product", "id", id(), "sku", chars(10).nullable(true)));
    assertThat(describe(detect(from, movedColumn, "shop")))
        .containsExactly("Remove field code from product", "Add field sku to product");
    ProjectState keptColumn = state(model("shop", "Product", "id", id(), "sku", chars(10).nullable(true).dbColumn("legacy")));
    assertThatThrownBy(() -> detect(from, keptColumn, "shop")).isInstanceOf(NeedsAnswer.class)
        .hasMessageContaining("--rename product.code=product.sku");
    ProjectState plain = state(model("shop", "Product", "id", id(), "title", chars(10)));
    ProjectState columnKept = state(model("shop", "Product", "id", id(), "name", chars(10).dbColumn("title")));
    assertThat(describe(detect(plain, columnKept, "shop", answers(Map.of("product.title", "product.name")))))
        .containsExactly("Alter field title on product", "Rename field title on product to name");
  }

  /** Migrations name models as Django writes them, in lower case; the models as declared. */
  @Test void aModelNameOrReferenceDifferingOnlyInCaseIsNoChange() {
    ProjectState from = state(model("shop", "vendor", "id", id(), "name", chars(10)),
        model("shop", "Product", "id", id(), "vendor", foreignKey("shop.vendor").nullable(true),
            "maker", foreignKey("Vendor").nullable(true)),
        model("blog", "Post", "id", id(), "vendor", foreignKey("shop.VENDOR").nullable(true)));
    ProjectState to = state(model("shop", "Vendor", "id", id(), "name", chars(10)),
        model("shop", "Product", "id", id(), "vendor", foreignKey("shop.Vendor").nullable(true),
            "maker", foreignKey("shop.Vendor").nullable(true)),
        model("blog", "Post", "id", id(), "vendor", foreignKey("shop.Vendor").nullable(true)));
    assertThat(new Autodetector(from, to, List.of("shop", "blog"), NO_INPUT).detect()).isEmpty();
  }

  @Test void aNewNotNullFieldWithoutDefaultTakesAOneOffDefaultThatTheStateDoesNotKeep() {
    ProjectState from = state(model("shop", "Product", "id", id()));
    ProjectState to = state(model("shop", "Product", "id", id(), "sku", chars(20)));
    assertThatThrownBy(() -> detect(from, to, "shop")).isInstanceOf(NeedsAnswer.class)
        .hasMessageContaining("--default product.sku=");
    List<Operation> ops = ops(detect(from, to, "shop",
        new Answers(Map.of(), Set.of(), Map.of("product.sku", "n/a"), NO_INPUT)));
    AddField add = (AddField) ops.get(0);
    assertThat(add.field().defaultValue()).isEqualTo("n/a");
    assertThat(add.preserveDefault()).isFalse();
    assertThat(add.stateForwards("shop", from)).isEqualTo(to);
  }

  @Test void aNewDbTableIsAnAlterModelTable() {
    ProjectState from = state(model("shop", "Product", "id", id()));
    ModelState renamed = model("shop", "Product", "id", id()).withDbTable("products");
    List<Operation> ops = ops(detect(from, state(renamed), "shop"));
    assertThat(ops).singleElement().isEqualTo(new AlterModelTable(n("Product"), "products"));
  }

  @Test void indexesAndConstraintsAreAddedRemovedAndRenamed() {
    ModelState base = model("shop", "Product", "id", id(), "name", chars(100), "price", integer());
    ProjectState from = state(base
        .withIndex(new Index("old_name_idx", names("name"), false, null))
        .withConstraint(Constraint.check("price_gte_0", "price >= 0")));
    ProjectState to = state(base
        .withIndex(new Index("new_name_idx", names("name"), false, null))
        .withIndex(new Index("price_idx", names("price"), false, null))
        .withConstraint(Constraint.check("price_gte_0", "price > 0")));
    assertThat(describe(detect(from, to, "shop"))).containsExactly(
        "Remove constraint price_gte_0 from model product",
        "Rename index old_name_idx on product to new_name_idx",
        "Create index price_idx on product",
        "Create constraint price_gte_0 on model product");
  }

  /** As Django: the keys between deleted models go first; the optimizer folds them in again. */
  @Test void modelsPointingAtDeletedModelsAreDeletedFirst() {
    ProjectState from = state(model("shop", "Category", "id", id()),
        model("shop", "Product", "id", id(), "category", foreignKey("shop.Category").onDelete(OnDelete.CASCADE)));
    Map<String, List<Change>> changes = detect(from, ProjectState.empty(), "shop");
    assertThat(describe(changes)).containsExactly("Remove field category from product",
        "Delete model Product", "Delete model Category");
    assertThat(new Optimizer().optimize(ops(changes), "shop")).extracting(Operation::describe)
        .containsExactly("Delete model Product", "Delete model Category");
  }

  @Test void noChangesMeansNothingToWrite() {
    ProjectState same = state(model("shop", "Product", "id", id(), "name", chars(100)));
    assertThat(detect(same, same, "shop")).isEmpty();
  }

  @Test void namesFollowDjango() {
    Field stock = integer().defaultValue(0).build();
    assertThat(MigrationNamer.suggest(List.of(new AddField(n("product"), n("stock"), stock)), false))
        .isEqualTo("product_stock");
    assertThat(MigrationNamer.suggest(List.of(new dev.cairn.operations.RemoveField(n("product"),
        n("price"))), false)).isEqualTo("remove_product_price");
    assertThat(MigrationNamer.suggest(List.of(new AddField(n("product"), n("stock"), stock),
        new AddField(n("product"), n("sku"), stock)), false)).isEqualTo("product_stock_and_more");
    assertThat(MigrationNamer.suggest(List.of(), true)).isEqualTo("initial");
  }

  // ---- helpers --------------------------------------------------------------------------------

  @Test void aFieldMadeNotNullWithoutADefaultNeedsAValueForItsNullRows() {
    ProjectState from = state(model("shop", "Product", "id", id(), "stock", integer().nullable(true)));
    ProjectState to = state(model("shop", "Product", "id", id(), "stock", integer()));
    assertThatThrownBy(() -> detect(from, to, "shop")).isInstanceOf(NeedsAnswer.class)
        .hasMessageContaining("field product.stock becomes NOT NULL")
        .hasMessageContaining("--default product.stock=<value>");

    Questioner answers = new Answers(Map.of(), Set.of(), Map.of("shop.product.stock", 7), NO_INPUT);
    var alter = (dev.cairn.operations.AlterField) ops(detect(from, to, "shop", answers)).get(0);
    assertThat(alter.field()).isEqualTo(integer().defaultValue(7).build());
    assertThat(alter.preserveDefault()).isFalse();
    assertThat(alter.stateForwards("shop", from)).isEqualTo(to);
  }

  @Test void ignoringTheNullRowsWritesAPlainAlterField() {
    ProjectState from = state(model("shop", "Product", "id", id(), "stock", integer().nullable(true)));
    ProjectState to = state(model("shop", "Product", "id", id(), "stock", integer()));
    Questioner ignore = new Questioner() {
      @Override public boolean isModelRenamed(dev.cairn.state.ModelKey a, dev.cairn.state.ModelKey b) {
        return false;
      }

      @Override public boolean isFieldRenamed(dev.cairn.state.ModelKey m, Name a, Name b, Field f) {
        return false;
      }

      @Override public Object oneOffDefault(dev.cairn.state.ModelKey m, Name n, Field f) {
        throw new AssertionError("not asked");
      }

      @Override public java.util.Optional<Object> notNullAlterationDefault(
          dev.cairn.state.ModelKey model, Name fieldName, Field field) {
        return java.util.Optional.empty();
      }
    };
    assertThat(ops(detect(from, to, "shop", ignore)))
        .containsExactly(new dev.cairn.operations.AlterField(n("product"), n("stock"), integer().build()));
  }

  @Test void aFieldMadeNotNullWithADefaultAsksNothing() {
    ProjectState from = state(model("shop", "Product", "id", id(), "stock", integer().nullable(true)));
    ProjectState to = state(model("shop", "Product", "id", id(), "stock", integer().defaultValue(0)));
    assertThat(describe(detect(from, to, "shop"))).containsExactly("Alter field stock on product");
  }

  @Test void aCheckNamingARemovedColumnIsRefusedNamingModelConstraintAndColumn() {
    Constraint check = Constraint.check("price_gte_0", "price >= 0 OR stock IS NULL");
    ProjectState from = state(model("shop", "Product", "id", id(), "price", integer(),
        "stock", integer().nullable(true)).withConstraint(check));
    ProjectState to = state(model("shop", "Product", "id", id(), "price", integer())
        .withConstraint(check));
    assertThatThrownBy(() -> detect(from, to, "shop")).isInstanceOf(RefusedChange.class)
        .hasMessageStartingWith("CheckConstraint 'price_gte_0' of model shop.Product names the"
            + " column 'stock', which this change renames or removes")
        .hasMessageContaining("update the check expression in the models file")
        .extracting(e -> ((RefusedChange) e).app()).isEqualTo("shop");
  }

  @Test void aConditionNamingAColumnThatStaysOrOnlyAStringIsFine() {
    Index index = new Index("product_cheap", names("price"), false,
        "\"price\" < 10 AND upper('stock') <> 'STOCK'");
    ProjectState from = state(model("shop", "Product", "id", id(), "price", integer(),
        "stock", integer().nullable(true)).withIndex(index));
    ProjectState to = state(model("shop", "Product", "id", id(), "price", integer())
        .withIndex(index));
    assertThat(describe(detect(from, to, "shop"))).containsExactly("Remove field stock from product");
  }

  @Test void rawSqlNamesAColumnAsAWordThatCallsNothingOrExactlyQuoted() {
    assertThat(StaleColumnReferences.names("length(\"Name\") > 2", "Name")).isTrue();
    assertThat(StaleColumnReferences.names("note <> 'it''s cost'", "cost")).isFalse();
    assertThat(StaleColumnReferences.names("cost(1) > 0", "cost")).isFalse();
    assertThat(StaleColumnReferences.names("COST > 0", "cost")).isTrue();
    assertThat(StaleColumnReferences.names("\"COST\" > 0", "cost")).isFalse();
    assertThat(StaleColumnReferences.names("cost_2 > 0", "cost")).isFalse();
  }

  private static Map<String, List<Change>> detect(ProjectState from, ProjectState to, String app) {
    return detect(from, to, app, NO_INPUT);
  }

  private static Map<String, List<Change>> detect(ProjectState from, ProjectState to, String app,
      Questioner questioner) {
    return new Autodetector(from, to, List.of(app), questioner).detect();
  }

  private static Answers answers(Map<String, String> renames) {
    return new Answers(renames, Set.of(), Map.of(), NO_INPUT);
  }

  private static List<Operation> ops(Map<String, List<Change>> changes) {
    List<Operation> ops = new ArrayList<>();
    changes.values().forEach(list -> list.forEach(c -> ops.add(c.operation())));
    return ops;
  }

  private static List<String> describe(Map<String, List<Change>> changes) {
    return ops(changes).stream().map(Operation::describe).toList();
  }

  private static MigrationMaker maker(List<MigrationKey> existing) {
    List<Migration> migrations = new ArrayList<>();
    MigrationKey previous = null;
    for (MigrationKey k : existing) {
      List<MigrationKey> deps = previous != null && previous.app().equals(k.app())
          ? List.of(previous) : List.of();
      migrations.add(new Migration(k, deps, List.of(), List.of(), List.of(), false, true, null,
          null, null));
      previous = k;
    }
    return new MigrationMaker(MigrationGraph.of(migrations), existing, "# test",
        new Optimizer()::optimize);
  }

  private static MigrationKey key(String dotted) {
    return MigrationKey.parse(dotted);
  }

  private static ModelState model(String app, String name, Object... pairs) {
    Map<Name, Field> fields = new LinkedHashMap<>(dev.cairn.testing.Models.fields(pairs));
    return ModelState.of(app, name, fields);
  }

  private static ProjectState state(ModelState... models) {
    ProjectState s = ProjectState.empty();
    for (ModelState m : models) s = s.withModel(m);
    return s;
  }
}
