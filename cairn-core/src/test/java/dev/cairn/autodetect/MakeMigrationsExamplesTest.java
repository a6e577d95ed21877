package dev.cairn.autodetect;

import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.fields;
import static dev.cairn.testing.Models.foreignKey;
import static dev.cairn.testing.Models.id;
import static dev.cairn.testing.Models.integer;
import static dev.cairn.testing.Models.manyToMany;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.connect.Database;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.operations.Operation;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import dev.cairn.testing.PostgresTestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Histories that {@link MakeMigrationsProperty} once found failing, shrunk and written out: each
 * runs every check of the property on SQLite and PostgreSQL.
 */
final class MakeMigrationsExamplesTest {
  @RegisterExtension static final PostgresTestDatabase postgres = new PostgresTestDatabase();
  @TempDir Path folder;

  @Test void renamingAModelComesAfterTheOtherAppsMigrationsThatPointAtIt() throws Exception {
    ProjectState two = state(
        model("blog", "Product", fields("id", id())),
        model("shop", "Product", fields("id", id())));
    ProjectState three = state(
        model("blog", "Product", fields("id", id())),
        model("shop", "Product", fields("id", id(), "title", manyToMany("blog.Product"))));
    ProjectState four = state(
        model("blog", "Category", fields("id", id())),
        model("shop", "Product", fields("id", id(), "title", manyToMany("blog.Category"))));
    List<RandomHistory.Step> steps = List.of(step(two), step(three),
        new RandomHistory.Step(four, List.of(), Set.of("blog.product=blog.category"), Set.of()));

    List<Migration> made = checkEverywhere(steps);

    Migration rename = made.stream().filter(m -> m.name().contains("rename")).findFirst().orElseThrow();
    assertThat(rename.dependencies()).contains(new MigrationKey("shop", "0002_product_title"));
  }

  @Test void deletingAModelWaitsForTheOtherAppToDropItsRelation() throws Exception {
    ProjectState two = state(
        model("blog", "Tag", fields("id", id())),
        model("shop", "Product", fields("id", id())));
    ProjectState three = state(
        model("blog", "Tag", fields("id", id())),
        model("shop", "Product", fields("id", id(), "tags", manyToMany("blog.Tag"),
            "main", foreignKey("blog.Tag").nullable(true))));
    ProjectState four = state(model("shop", "Product", fields("id", id())));

    checkEverywhere(List.of(step(two), step(three), step(four)));
  }

  @Test void replacingAModelSplitsItsAppAroundTheOtherAppsRepointedRelation() throws Exception {
    ProjectState two = state(
        model("blog", "Category", fields("id", id())),
        model("shop", "Product", fields("id", id(),
            "category", foreignKey("blog.Category").nullable(true))));
    ProjectState three = state(
        model("blog", "Author", fields("id", id(), "rank", integer().nullable(true))),
        model("shop", "Product", fields("id", id(),
            "category", foreignKey("blog.Author").nullable(true))));

    List<Migration> made = checkEverywhere(List.of(step(two), step(three)));

    assertThat(made).extracting(m -> m.key().toString()).containsExactlyInAnyOrder(
        "blog.0001_initial", "shop.0001_initial", "blog.0002_author",
        "shop.0002_alter_product_category", "blog.0003_delete_category");
    assertThat(made.get(4).dependencies()).containsExactlyInAnyOrder(
        new MigrationKey("blog", "0002_author"), new MigrationKey("shop", "0002_alter_product_category"));
  }

  /**
   * blog.0002 comes before shop's rename in plan order but is unapplied after it: SQLite's remake
   * must point blog_author's key at shop_item, the table as it is now.
   */
  @Test void unapplyingAfterAnotherAppsRenameUsesTheTablesAsTheyAreNow() throws Exception {
    ProjectState one = state(
        model("shop", "Product", fields("id", id())),
        model("blog", "Author", fields("id", id(), "stock", foreignKey("shop.Product"))));
    ProjectState two = state(
        model("shop", "Item", fields("id", id())),
        model("blog", "Author", fields("id", id(), "stock", foreignKey("shop.Item"))));
    ProjectState three = state(
        model("shop", "Item", fields("id", id())),
        model("blog", "Author", fields("id", id(), "stock", foreignKey("shop.Item"),
            "rank", integer().nullable(true))));

    checkEverywhere(List.of(step(one),
        new RandomHistory.Step(two, List.of(), Set.of("shop.product=shop.item"), Set.of()),
        step(three)));
  }

  @Test void deletingAModelComesAfterTheOtherAppDeletesTheModelPointingAtIt() throws Exception {
    ProjectState one = state(
        model("shop", "Product", fields("id", id())),
        model("blog", "Product", fields("id", id())));
    ProjectState two = state(
        model("blog", "Product", fields("id", id())),
        model("shop", "Order", fields("id", id(), "rank", foreignKey("blog.Product"))));
    ProjectState three = state(model("shop", "Product", fields("id", id())));

    checkEverywhere(List.of(step(one), step(two), step(three)));
  }

  /** The deletion waits for blog's repointed key; the new model's unique name waits for it. */
  @Test void aReplacedModelsConstraintNameIsFreeWhenTheNewModelTakesIt() throws Exception {
    var unique = dev.cairn.state.Constraint.unique("shop_uq1", List.of(Name.of("price")), null);
    ProjectState one = state(
        model("shop", "Tag", fields("id", id(), "price", integer().nullable(true)))
            .withConstraint(unique),
        model("blog", "Tag", fields("id", id(), "title", foreignKey("shop.Tag").nullable(true))));
    ProjectState two = state(
        model("shop", "Note", fields("id", id(), "price", integer().nullable(true),
            "weight", integer().nullable(true))).withConstraint(unique),
        model("blog", "Tag", fields("id", id(), "title", foreignKey("shop.Note").nullable(true))));

    checkEverywhere(List.of(step(one), step(two)));
  }

  // ---- issue 8, item 5: an order that applies and unapplies ------------------------------

  /** The changed check names the renamed column: it goes before the rename and comes back after. */
  @Test void aCheckNamingARenamedFieldIsRemovedBeforeTheRenameAndAddedAfter() throws Exception {
    ProjectState one = state(model("shop", "Product", fields("id", id(), "price", integer()))
        .withConstraint(Constraint.check("price_gte_0", "\"price\" >= 0")));
    ProjectState two = state(model("shop", "Product", fields("id", id(), "full_price", integer()))
        .withConstraint(Constraint.check("price_gte_0", "\"full_price\" >= 0")));

    List<Migration> made = checkEverywhere(List.of(step(one),
        new RandomHistory.Step(two, List.of(), Set.of(), Set.of("shop.product.price=full_price"))));

    assertThat(made.get(1).operations()).extracting(Operation::describe).containsExactly(
        "Remove constraint price_gte_0 from model product",
        "Rename field price on product to full_price",
        "Create constraint price_gte_0 on model product");
  }

  /** A renamed field takes the column of a removed one: the removal goes first. */
  @Test void aRenamedFieldTakesTheColumnOfARemovedFieldAfterItIsGone() throws Exception {
    ProjectState one = state(model("shop", "Product", fields("id", id(),
        "code", chars(10).dbColumn("sku"), "ref", chars(10))));
    ProjectState two = state(model("shop", "Product", fields("id", id(), "sku", chars(10))));

    checkEverywhere(List.of(step(one),
        new RandomHistory.Step(two, List.of(), Set.of(), Set.of("shop.product.ref=sku"))));
  }

  /** A field altered onto the column another field leaves by its own alteration comes after it. */
  @Test void aFieldAlteredOntoAColumnAnotherLeavesComesAfterIt() throws Exception {
    ProjectState one = state(model("shop", "Product", fields("id", id(),
        "code", chars(10).dbColumn("legacy"), "sku", chars(10))));
    ProjectState two = state(model("shop", "Product", fields("id", id(),
        "code", chars(10).dbColumn("code2"), "sku", chars(10).dbColumn("legacy"),
        "legacy2", chars(10).nullable(true))));
    ProjectState three = state(model("shop", "Product", fields("id", id(),
        "sku", chars(10).dbColumn("code2"), "legacy", chars(10).nullable(true))));

    checkEverywhere(List.of(step(one), step(two), step(three)));
  }

  /** Models deleted together lose the keys between them first, so either can be made again. */
  @Test void keysBetweenModelsDeletedTogetherAreRemovedFirst() throws Exception {
    ProjectState one = state(
        model("shop", "Order", fields("id", id(), "item", foreignKey("shop.Item").nullable(true))),
        model("shop", "Item", fields("id", id(), "order", foreignKey("shop.Order").nullable(true))),
        model("shop", "Note", fields("id", id())));
    ProjectState two = state(model("shop", "Note", fields("id", id())));

    List<Migration> made = checkEverywhere(List.of(step(one), step(two)));

    assertThat(made.get(made.size() - 1).operations()).extracting(Operation::describe)
        .containsExactly("Remove field item from order", "Delete model Item", "Delete model Order");
  }

  /** The same across two apps: neither deletion may wait for the other. */
  @Test void modelsOfTwoAppsPointingAtEachOtherAreDeletedTogether() throws Exception {
    ProjectState one = state(
        model("shop", "Order", fields("id", id(), "post", foreignKey("blog.Post").nullable(true))),
        model("blog", "Post", fields("id", id(), "order", foreignKey("shop.Order").nullable(true))),
        model("blog", "Note", fields("id", id())));
    ProjectState two = state(model("blog", "Note", fields("id", id())));

    checkEverywhere(List.of(step(one), step(two)));
  }

  /** A new model takes the table of a deleted one: the deletion goes first. */
  @Test void aNewModelTakingTheTableOfADeletedOneComesAfterIt() throws Exception {
    ProjectState one = state(model("shop", "Product", fields("id", id(), "name", chars(20))));
    ProjectState two = state(model("shop", "Item", fields("id", id(), "rank", integer()))
        .withDbTable("shop_product"));

    checkEverywhere(List.of(step(one), step(two)));
  }

  // ---- issue 8, item 6: a column and a many-to-many --------------------------------------

  /** A key becomes a many-to-many under its name, then a plain column: each time remove and add. */
  @Test void aFieldChangingBetweenAColumnAndAManyToManyIsRemovedAndAdded() throws Exception {
    ProjectState one = state(model("shop", "Tag", fields("id", id())),
        model("shop", "Product", fields("id", id(), "tags", foreignKey("shop.Tag").nullable(true))));
    ProjectState two = state(model("shop", "Tag", fields("id", id())),
        model("shop", "Product", fields("id", id(), "tags", manyToMany("shop.Tag"))));
    ProjectState three = state(model("shop", "Tag", fields("id", id())),
        model("shop", "Product", fields("id", id(), "tags", chars(10).nullable(true))));

    List<Migration> made = checkEverywhere(List.of(step(one), step(two), step(three)));

    assertThat(made.subList(1, 3)).allSatisfy(m -> assertThat(m.operations())
        .extracting(Operation::describe)
        .containsExactly("Remove field tags from product", "Add field tags to product"));
  }

  /** Found by the property once it switched fields: a text column becomes a key, and back. */
  @Test void aTextColumnBecomingAKeyUnderItsNameUnappliesOnSqlite() throws Exception {
    ProjectState one = state(model("blog", "Product", fields("id", id(),
        "name", chars(20).nullable(true).unique(true))));
    ProjectState two = state(model("blog", "Product", fields("id", id(),
        "name", foreignKey("blog.Product").nullable(true))));

    checkEverywhere(List.of(step(one), step(two)));
  }

  // ---- issue 8, item 8: renames given up front ------------------------------------------

  /** Renamed with one of its fields, pointed at from the other app: its rows stay. */
  @Test void aModelRenamedWithItsFieldsKeepsItsTable() throws Exception {
    ProjectState one = state(
        model("shop", "Author", fields("id", id(), "name", chars(50), "rank", integer())),
        model("blog", "Post", fields("id", id(), "author", foreignKey("shop.Author").nullable(true))));
    ProjectState two = state(
        model("shop", "Writer", fields("id", id(), "full_name", chars(50), "rank", integer())),
        model("blog", "Post", fields("id", id(), "author", foreignKey("shop.Writer").nullable(true))));

    List<Migration> made = checkEverywhere(List.of(step(one), new RandomHistory.Step(two,
        List.of(), Set.of("shop.author=shop.writer"), Set.of("shop.writer.name=full_name"))));

    assertThat(made).filteredOn(m -> m.app().equals("shop")).last()
        .satisfies(m -> assertThat(m.operations()).extracting(Operation::describe).containsExactly(
            "Rename model Author to Writer", "Rename field name on writer to full_name"));
  }

  /** A chain of field renames (a to b, b to c): b moves out of the way first, both keep their column. */
  @Test void aChainOfFieldRenamesRenamesTheLastLinkFirst() throws Exception {
    ProjectState one = state(model("shop", "Book", fields("id", id(), "a", integer(), "b", chars(5))));
    ProjectState two = state(model("shop", "Book", fields("id", id(), "b", integer(), "c", chars(5))));

    List<Migration> made = checkEverywhere(List.of(step(one), new RandomHistory.Step(two,
        List.of(), Set.of(), Set.of("shop.book.a=b", "shop.book.b=c"))));

    assertThat(made).last().satisfies(m -> assertThat(m.operations())
        .extracting(Operation::describe)
        .containsExactly("Rename field b on book to c", "Rename field a on book to b"));
  }

  /** A chain of model renames (A to B, B to C): B's table moves out of the way first. */
  @Test void aChainOfModelRenamesRenamesTheLastLinkFirst() throws Exception {
    ProjectState one = state(model("shop", "A", fields("id", id(), "x", integer())),
        model("shop", "B", fields("id", id(), "y", chars(5))));
    ProjectState two = state(model("shop", "B", fields("id", id(), "x", integer())),
        model("shop", "C", fields("id", id(), "y", chars(5))));

    List<Migration> made = checkEverywhere(List.of(step(one), new RandomHistory.Step(two,
        List.of(), Set.of("shop.a=shop.b", "shop.b=shop.c"), Set.of())));

    assertThat(made).last().satisfies(m -> assertThat(m.operations())
        .extracting(Operation::describe)
        .containsExactly("Rename model B to C", "Rename model A to B"));
  }

  /**
   * A through model with its keys in another order, another key's on_delete and an extra field
   * takes over the join table, then gives it back.
   */
  @Test void aThroughModelTakesOverTheJoinTableAndGivesItBack() throws Exception {
    ProjectState plain = state(
        model("shop", "Tag", fields("id", id())),
        model("shop", "Product", fields("id", id(), "tags", manyToMany("shop.Tag"))));
    ProjectState through = state(
        model("shop", "Tag", fields("id", id())),
        model("shop", "Product", fields("id", id(),
            "tags", manyToMany("shop.Tag").through("shop.Link"))),
        model("shop", "Link", fields("id", id(),
            "tag", foreignKey("shop.Tag").onDelete(dev.cairn.state.OnDelete.PROTECT),
            "item", foreignKey("shop.Product").dbColumn("item"), "rank", integer())));

    List<Migration> made = checkEverywhere(List.of(step(plain), step(through), step(plain)));

    assertThat(made.get(1).operations().get(0))
        .isInstanceOf(dev.cairn.operations.SeparateDatabaseAndState.class);
    assertThat(made.get(2).operations().get(made.get(2).operations().size() - 1))
        .isInstanceOf(dev.cairn.operations.SeparateDatabaseAndState.class);
  }

  /** Another app's key to the through model waits for the migration that makes it. */
  @Test void aKeyToANewThroughModelDependsOnTheMigrationThatMakesIt() throws Exception {
    ProjectState plain = state(
        model("blog", "Note", fields("id", id())),
        model("shop", "Tag", fields("id", id())),
        model("shop", "Product", fields("id", id(), "tags", manyToMany("shop.Tag"))));
    ProjectState through = state(
        model("blog", "Note", fields("id", id(),
            "link", foreignKey("shop.Link").nullable(true))),
        model("shop", "Tag", fields("id", id())),
        model("shop", "Product", fields("id", id(),
            "tags", manyToMany("shop.Tag").through("shop.Link"))),
        model("shop", "Link", fields("id", id(),
            "product", foreignKey("shop.Product"), "tag", foreignKey("shop.Tag"))));

    List<Migration> made = checkEverywhere(List.of(step(plain), step(through)));

    Migration note = made.stream().filter(m -> m.key().toString().equals("blog.0002_note_link"))
        .findFirst().orElseThrow();
    assertThat(note.dependencies()).contains(new MigrationKey("shop", "0002_alter_product_tags_and_more"));
  }

  /** A through model that names the join table as its own table takes it over in place. */
  @Test void aThroughModelOnTheJoinTablesOwnNameTakesItOverInPlace() throws Exception {
    ProjectState plain = state(
        model("shop", "Tag", fields("id", id())),
        model("shop", "Product", fields("id", id(), "tags", manyToMany("shop.Tag"))));
    ProjectState through = state(
        model("shop", "Tag", fields("id", id())),
        model("shop", "Product", fields("id", id(),
            "tags", manyToMany("shop.Tag").through("shop.ProductTags"))),
        model("shop", "ProductTags", fields("id", id(),
            "product", foreignKey("shop.Product").onDelete(dev.cairn.state.OnDelete.CASCADE),
            "tag", foreignKey("shop.Tag").onDelete(dev.cairn.state.OnDelete.CASCADE)))
            .withDbTable("shop_product_tags")
            .withConstraint(dev.cairn.state.Constraint.unique(
                dev.cairn.schema.JoinTable.pairUniqueName("shop_product_tags", "product_id",
                    "tag_id"), List.of(Name.of("product"), Name.of("tag")), null)));

    List<Migration> made = checkEverywhere(List.of(step(plain), step(through), step(plain)));

    assertThat(made.get(1).operations()).hasSize(1);
    assertThat(made.get(2).operations()).hasSize(1);
  }

  /** Issue 8: a renamed through model keeps its rows and the many-to-many follows it. */
  @Test void aRenamedThroughModelKeepsItsTableAndItsField() throws Exception {
    ProjectState one = state(
        model("shop", "Tag", fields("id", id())),
        model("shop", "Product", fields("id", id(),
            "tags", manyToMany("shop.Tag").through("shop.Link"))),
        model("shop", "Link", fields("id", id(),
            "product", foreignKey("shop.Product"), "tag", foreignKey("shop.Tag"))));
    ProjectState two = state(
        model("shop", "Tag", fields("id", id())),
        model("shop", "Product", fields("id", id(),
            "tags", manyToMany("shop.Tag").through("shop.Tagging"))),
        model("shop", "Tagging", fields("id", id(),
            "product", foreignKey("shop.Product"), "tag", foreignKey("shop.Tag"))));

    List<Migration> made = checkEverywhere(List.of(step(one), new RandomHistory.Step(two,
        List.of(), Set.of("shop.link=shop.tagging"), Set.of())));

    assertThat(made.get(made.size() - 1).operations()).extracting(Operation::describe)
        .containsExactly("Rename model Link to Tagging");
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** Runs the property's checks for {@code steps} on both databases; returns the migrations. */
  private List<Migration> checkEverywhere(List<RandomHistory.Step> steps) throws Exception {
    int[] n = {0};
    HistoryCheck sqlite = new HistoryCheck(steps, steps);
    sqlite.run(() -> Database.open("jdbc:sqlite:" + folder.resolve("db" + n[0]++ + ".sqlite3")));
    new HistoryCheck(steps, steps).run(() -> {
      postgres.reset();
      return new Database(postgres.url(), postgres.connect(), postgres.dialect());
    });
    return sqlite.migrations();
  }

  private static RandomHistory.Step step(ProjectState target) {
    return new RandomHistory.Step(target, List.of(), Set.of(), Set.of());
  }

  private static ModelState model(String app, String name, java.util.Map<Name, Field> fields) {
    return ModelState.of(app, name, fields);
  }

  private static ProjectState state(ModelState... models) {
    ProjectState s = ProjectState.empty();
    for (ModelState m : models) s = s.withModel(m);
    return s;
  }
}
