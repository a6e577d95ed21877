package dev.cairn.operations;

import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.createModel;
import static dev.cairn.testing.Models.foreignKey;
import static dev.cairn.testing.Models.id;
import static dev.cairn.testing.Models.integer;
import static dev.cairn.testing.Models.n;
import static dev.cairn.testing.Models.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.state.Constraint;
import dev.cairn.state.Index;
import dev.cairn.state.ModelKey;
import dev.cairn.state.ModelState;
import dev.cairn.state.ProjectState;
import dev.cairn.state.StateException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How each operation changes the state; no database. */
final class OperationStateTest {
  private static final String APP = "shop";

  private final ProjectState base = apply(ProjectState.empty(),
      createModel("Category", "id", id(), "name", chars(50)),
      createModel("Product", "id", id(), "name", chars(100), "price", integer(),
          "category", foreignKey("shop.Category").nullable(true)));

  @Test void createModelAddsTheModelWithItsFieldsInOrder() {
    assertThat(product(base).fields().keySet()).containsExactly(n("id"), n("name"), n("price"),
        n("category"));
    assertThat(product(base).table()).isEqualTo("shop_product");
  }

  @Test void createModelOfAnExistingModelIsRefused() {
    assertThatThrownBy(() -> apply(base, createModel("product", "id", id())))
        .isInstanceOf(StateException.class).hasMessageContaining("already exists");
  }

  @Test void deleteModelRemovesOnlyThatModel() {
    ProjectState after = apply(base, new DeleteModel(n("Category")));
    assertThat(after.models()).extracting(ModelState::name).containsExactly(n("Product"));
  }

  @Test void renameModelMovesTheTableAndRepointsRelations() {
    ProjectState after = apply(base, new RenameModel(n("Category"), n("Kind")));
    assertThat(after.requireModel(APP, n("kind")).table()).isEqualTo("shop_kind");
    assertThat(product(after).requireField(n("category")).to()).isEqualTo("shop.Kind");
    assertThat(after.model(ModelKey.of(APP, "Category"))).isEmpty();
  }

  /** Issue 8: every reference to the renamed model follows it, {@code through} as well as {@code to}. */
  @Test void renameModelRepointsTheThroughOfManyToManysThatUseIt() {
    ProjectState withThrough = apply(base,
        createModel("Link", "id", id(), "product", foreignKey("shop.Product"),
            "category", foreignKey("shop.Category")),
        new AddField(n("Product"), n("categories"), dev.cairn.testing.Models
            .manyToMany("shop.Category").through("shop.Link").build()));

    ProjectState after = apply(withThrough, new RenameModel(n("Link"), n("Placement")));

    assertThat(product(after).requireField(n("categories")).through()).isEqualTo("shop.Placement");
    assertThat(product(after).requireField(n("categories")).to()).isEqualTo("shop.Category");
  }

  @Test void alterModelTableSetsAndClearsTheTableName() {
    ProjectState renamed = apply(base, new AlterModelTable(n("Product"), "products"));
    assertThat(product(renamed).table()).isEqualTo("products");
    assertThat(product(apply(renamed, new AlterModelTable(n("Product"), null))).table())
        .isEqualTo("shop_product");
  }

  @Test void addFieldAppendsTheFieldAndSharesUntouchedModels() {
    ProjectState after = apply(base,
        new AddField(n("Product"), n("stock"), integer().defaultValue(0).build()));
    assertThat(product(after).fields().keySet()).endsWith(n("stock"));
    assertThat(after.requireModel(APP, n("Category"))).isSameAs(base.requireModel(APP, n("Category")));
    assertThat(product(base).field(n("stock"))).isEmpty();
  }

  @Test void addFieldTwiceIsRefused() {
    assertThatThrownBy(() -> apply(base, new AddField(n("Product"), n("NAME"), chars(5).build())))
        .isInstanceOf(StateException.class).hasMessageContaining("already has a field");
  }

  @Test void removeFieldDropsTheField() {
    ProjectState after = apply(base, new RemoveField(n("Product"), n("price")));
    assertThat(product(after).fields().keySet()).containsExactly(n("id"), n("name"), n("category"));
  }

  @Test void removingAMissingFieldNamesTheModelAndField() {
    assertThatThrownBy(() -> apply(base, new RemoveField(n("Product"), n("colour"))))
        .isInstanceOf(StateException.class).hasMessageContaining("shop.Product")
        .hasMessageContaining("'colour'");
  }

  @Test void alterFieldReplacesTheDefinitionInPlace() {
    ProjectState after = apply(base, new AlterField(n("Product"), n("name"), chars(200).build()));
    assertThat(product(after).requireField(n("name")).maxLength()).isEqualTo(200);
    assertThat(product(after).fields().keySet()).containsExactly(n("id"), n("name"), n("price"),
        n("category"));
  }

  /** No database can run it, so the migrations that hold it fail to load, in every command. */
  @Test void alterFieldBetweenAColumnAndAManyToManyIsRefusedWithWhatToWriteInstead() {
    AlterField toMany = new AlterField(n("Product"), n("category"),
        dev.cairn.testing.Models.manyToMany("shop.Category").build());
    assertThatThrownBy(() -> apply(base, toMany)).isInstanceOf(StateException.class)
        .hasMessageContaining("shop.Product.category")
        .hasMessageContaining("RemoveField").hasMessageContaining("AddField");
  }

  @Test void renameFieldKeepsThePositionAndRenamesIndexesAndConstraints() {
    ProjectState withIndex = apply(base,
        new AddIndex(n("Product"), new Index("shop_product_name_idx", names("name"), false, null)),
        new AddConstraint(n("Product"), Constraint.unique("shop_product_name_uniq", names("name"), null)));
    ProjectState after = apply(withIndex, new RenameField(n("Product"), n("name"), n("title")));
    ModelState product = product(after);
    assertThat(product.fields().keySet()).containsExactly(n("id"), n("title"), n("price"),
        n("category"));
    assertThat(product.index("shop_product_name_idx").orElseThrow().fields()).containsExactly(n("title"));
    assertThat(product.constraint("shop_product_name_uniq").orElseThrow().fields())
        .containsExactly(n("title"));
  }

  @Test void addRemoveAndRenameIndex() {
    Index index = new Index("shop_product_name_idx", names("name"), false, null);
    ProjectState added = apply(base, new AddIndex(n("Product"), index));
    assertThat(product(added).indexes()).containsExactly(index);
    ProjectState renamed = apply(added, new RenameIndex(n("Product"), "by_name", "shop_product_name_idx"));
    assertThat(product(renamed).indexes()).extracting(Index::name).containsExactly("by_name");
    assertThat(product(apply(renamed, new RemoveIndex(n("Product"), "by_name"))).indexes()).isEmpty();
  }

  @Test void addAndRemoveConstraint() {
    Constraint check = Constraint.check("price_gte_0", "price >= 0");
    ProjectState added = apply(base, new AddConstraint(n("Product"), check));
    assertThat(product(added).constraints()).containsExactly(check);
    assertThat(product(apply(added, new RemoveConstraint(n("Product"), "price_gte_0")))
        .constraints()).isEmpty();
  }

  @Test void runSqlChangesTheStateOnlyThroughItsStateOperations() {
    RunSQL plain = new RunSQL(List.of("UPDATE shop_product SET price = 0"), List.of(), null, false);
    assertThat(apply(base, plain)).isEqualTo(base);
    RunSQL withState = new RunSQL(List.of("ALTER TABLE shop_product ADD COLUMN stock integer"),
        null, List.of(new AddField(n("Product"), n("stock"), integer().nullable(true).build())), false);
    assertThat(product(apply(base, withState)).field(n("stock"))).isPresent();
    assertThat(withState.isReversible()).isFalse();
    assertThat(plain.isReversible()).isTrue();
  }

  @Test void runJavaLeavesTheStateAlone() {
    assertThat(apply(base, new RunJava("com.example.Backfill", null, false))).isEqualTo(base);
  }

  @Test void separateDatabaseAndStateAppliesOnlyItsStateOperations() {
    Operation op = new SeparateDatabaseAndState(
        List.of(new RunSQL(List.of("SELECT 1"), List.of(), null, false)),
        List.of(new DeleteModel(n("Category")), new RemoveField(n("Product"), n("category"))));
    ProjectState after = apply(base, op);
    assertThat(after.models()).extracting(ModelState::name).containsExactly(n("Product"));
    assertThat(op.isReversible()).isTrue();
  }

  @Test void modelNamesCompareWithoutCase() {
    assertThat(base.requireModel(APP, n("PRODUCT"))).isSameAs(base.requireModel(APP, n("product")));
  }

  private static ProjectState apply(ProjectState state, Operation... ops) {
    for (Operation op : ops) state = op.stateForwards(APP, state);
    return state;
  }

  private static ModelState product(ProjectState state) {
    return state.requireModel(APP, n("Product"));
  }
}
