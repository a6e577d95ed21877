package dev.cairn.optimize;

import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.createModel;
import static dev.cairn.testing.Models.foreignKey;
import static dev.cairn.testing.Models.id;
import static dev.cairn.testing.Models.integer;
import static dev.cairn.testing.Models.n;
import static dev.cairn.testing.Models.names;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.operations.AddConstraint;
import dev.cairn.operations.AddField;
import dev.cairn.operations.AddIndex;
import dev.cairn.operations.AlterField;
import dev.cairn.operations.AlterModelTable;
import dev.cairn.operations.CreateModel;
import dev.cairn.operations.DeleteModel;
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
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.Index;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each reduction, and when the optimizer may and may not move operations across others. */
final class OptimizerTest {
  private static final String APP = "shop";
  private static final Field STOCK = integer().defaultValue(0).build();
  private static final Field BIG_STOCK = Field.of(dev.cairn.state.FieldType.BIG_INTEGER).build();
  private static final Index NAME_INDEX = new Index("product_name_idx", names("name"), false, null);
  private static final Constraint PRICE_CHECK = Constraint.check("price_gte_0", "price >= 0");

  private final CreateModel product = createModel("Product", "id", id(), "name", chars(100));

  // CreateModel absorbs what follows on its model

  @Test void createModelAbsorbsAFollowingAddField() {
    assertThat(optimize(product, new AddField(n("Product"), n("stock"), STOCK)))
        .containsExactly(createModel("Product", "id", id(), "name", chars(100), "stock", STOCK));
  }

  @Test void createModelAbsorbsAFollowingAlterField() {
    assertThat(optimize(product, new AlterField(n("product"), n("name"), chars(200).build())))
        .containsExactly(createModel("Product", "id", id(), "name", chars(200)));
  }

  /** A new table has no NULL rows for an alteration's one-off value to fill. */
  @Test void createModelAbsorbsAnAlterFieldWithoutItsOneOffDefault() {
    CreateModel nullable = createModel("Product", "id", id(), "stock", integer().nullable(true));
    assertThat(optimize(nullable,
        new AlterField(n("product"), n("stock"), integer().defaultValue(0).build(), false)))
        .containsExactly(createModel("Product", "id", id(), "stock", integer()));
  }

  /** The added column's rows are NULL, so the alteration's one-off value fills them instead. */
  @Test void addFieldThenAlterFieldToNotNullKeepsTheOneOffDefaultForTheRows() {
    assertThat(optimize(new AddField(n("product"), n("stock"), integer().nullable(true).build()),
        new AlterField(n("product"), n("stock"), integer().defaultValue(0).build(), false)))
        .containsExactly(new AddField(n("product"), n("stock"), integer().defaultValue(0).build(),
            false));
  }

  @Test void twoAlterFieldsKeepTheFirstOnesOneOffDefaultWhileTheFieldStaysNotNull() {
    assertThat(optimize(
        new AlterField(n("product"), n("stock"), integer().defaultValue(0).build(), false),
        new AlterField(n("product"), n("stock"), Field.of(dev.cairn.state.FieldType.BIG_INTEGER).build())))
        .containsExactly(new AlterField(n("product"), n("stock"),
            Field.of(dev.cairn.state.FieldType.BIG_INTEGER).defaultValue(0).build(), false));
  }

  @Test void createModelAbsorbsAFollowingRenameFieldKeepingTheFieldsPlace() {
    assertThat(optimize(product, new RenameField(n("Product"), n("id"), n("key"))))
        .containsExactly(createModel("Product", "key", id(), "name", chars(100)));
  }

  @Test void createModelAbsorbsAFollowingRemoveField() {
    assertThat(optimize(product, new RemoveField(n("Product"), n("name"))))
        .containsExactly(createModel("Product", "id", id()));
  }

  @Test void createModelKeepsARemoveFieldOfAFieldItsIndexCovers() {
    List<Operation> ops = List.of(withIndexes(product, NAME_INDEX),
        new RemoveField(n("Product"), n("name")));
    assertThat(optimize(ops)).isEqualTo(ops);
  }

  @Test void createModelAbsorbsAddIndexAndThenRemoveIndex() {
    assertThat(optimize(product, new AddIndex(n("Product"), NAME_INDEX)))
        .containsExactly(withIndexes(product, NAME_INDEX));
    assertThat(optimize(withIndexes(product, NAME_INDEX),
        new RemoveIndex(n("Product"), NAME_INDEX.name()))).containsExactly(product);
  }

  @Test void createModelAbsorbsARenameIndex() {
    assertThat(optimize(withIndexes(product, NAME_INDEX),
        new RenameIndex(n("Product"), "by_name", NAME_INDEX.name())))
        .containsExactly(withIndexes(product, NAME_INDEX.withName("by_name")));
  }

  @Test void createModelAbsorbsAddConstraintAndThenRemoveConstraint() {
    CreateModel checked = new CreateModel(n("Product"), product.fields(), null, List.of(),
        List.of(PRICE_CHECK));
    assertThat(optimize(product, new AddConstraint(n("Product"), PRICE_CHECK)))
        .containsExactly(checked);
    assertThat(optimize(checked, new RemoveConstraint(n("Product"), PRICE_CHECK.name())))
        .containsExactly(product);
  }

  @Test void createModelAbsorbsAlterModelTable() {
    assertThat(optimize(product, new AlterModelTable(n("Product"), "products")))
        .containsExactly(new CreateModel(n("Product"), product.fields(),
            new ModelOptions("products", true, null), List.of(), List.of()));
  }

  @Test void createModelAbsorbsRenameModelOfItselfRepointingItsOwnRelations() {
    CreateModel node = createModel("Node", "id", id(), "parent", foreignKey("Node"));
    assertThat(optimize(node, new RenameModel(n("Node"), n("Tree"))))
        .containsExactly(createModel("Tree", "id", id(), "parent", foreignKey("shop.Tree")));
  }

  @Test void createModelThenDeleteModelVanish() {
    assertThat(optimize(product, new AddField(n("Product"), n("stock"), STOCK),
        new DeleteModel(n("Product")))).isEmpty();
  }

  // Field operations

  @Test void addFieldThenRemoveFieldVanish() {
    assertThat(optimize(addStock(), new RemoveField(n("Product"), n("stock")))).isEmpty();
  }

  @Test void addFieldThenAlterFieldIsAddFieldWithTheNewField() {
    assertThat(optimize(addStock(), new AlterField(n("Product"), n("stock"), BIG_STOCK)))
        .containsExactly(new AddField(n("Product"), n("stock"), BIG_STOCK));
  }

  @Test void addFieldThenRenameFieldIsAddFieldWithTheNewName() {
    assertThat(optimize(addStock(), new RenameField(n("Product"), n("stock"), n("quantity"))))
        .containsExactly(new AddField(n("Product"), n("quantity"), STOCK));
  }

  @Test void alterFieldChainsCollapseToTheLast() {
    Field last = chars(300).build();
    assertThat(optimize(new AlterField(n("Product"), n("name"), chars(150).build()),
        new AlterField(n("Product"), n("name"), chars(200).build()),
        new AlterField(n("Product"), n("name"), last)))
        .containsExactly(new AlterField(n("Product"), n("name"), last));
  }

  @Test void alterFieldThenRemoveFieldIsTheRemoveField() {
    assertThat(optimize(new AlterField(n("Product"), n("name"), chars(150).build()),
        new RemoveField(n("Product"), n("name"))))
        .containsExactly(new RemoveField(n("Product"), n("name")));
  }

  @Test void renameFieldChainsJoin() {
    assertThat(optimize(new RenameField(n("Product"), n("a"), n("b")),
        new RenameField(n("Product"), n("b"), n("c"))))
        .containsExactly(new RenameField(n("Product"), n("a"), n("c")));
  }

  @Test void renamingAFieldAndBackToTheSameSpellingVanishes() {
    assertThat(optimize(new RenameField(n("Product"), n("a"), n("b")),
        new RenameField(n("Product"), n("b"), n("a")))).isEmpty();
  }

  @Test void renameModelChainsJoin() {
    assertThat(optimize(new RenameModel(n("A"), n("B")), new RenameModel(n("B"), n("C"))))
        .containsExactly(new RenameModel(n("A"), n("C")));
  }

  @Test void addIndexThenRemoveIndexVanish() {
    assertThat(optimize(new AddIndex(n("Product"), NAME_INDEX),
        new RemoveIndex(n("Product"), NAME_INDEX.name()))).isEmpty();
  }

  @Test void addConstraintThenRemoveConstraintVanish() {
    assertThat(optimize(new AddConstraint(n("Product"), PRICE_CHECK),
        new RemoveConstraint(n("Product"), PRICE_CHECK.name()))).isEmpty();
  }

  @Test void alterModelTableChainsCollapseToTheLast() {
    assertThat(optimize(new AlterModelTable(n("Product"), "a"), new AlterModelTable(n("Product"), "b")))
        .containsExactly(new AlterModelTable(n("Product"), "b"));
  }

  // Moving across other operations

  @Test void anOperationIsOptimizedThroughAnUnrelatedModel() {
    CreateModel category = createModel("Category", "id", id());
    // Moving right, the merged CreateModel takes the AddField's place, as in Django.
    assertThat(optimize(product, category, new AddField(n("Product"), n("stock"), STOCK)))
        .containsExactly(category,
            createModel("Product", "id", id(), "name", chars(100), "stock", STOCK));
  }

  @Test void aFieldOperationIsOptimizedThroughAnotherFieldOfTheSameModel() {
    AddField price = new AddField(n("Product"), n("price"), integer().build());
    assertThat(optimize(addStock(), price, new RemoveField(n("Product"), n("stock"))))
        .containsExactly(price);
  }

  @Test void nothingIsOptimizedThroughAForeignKeyToTheModel() {
    List<Operation> ops = List.of(product,
        createModel("Review", "id", id(), "product", foreignKey("shop.Product")),
        new DeleteModel(n("Product")));
    assertThat(optimize(ops)).isEqualTo(ops);
  }

  @Test void aModelIsNotRenamedAcrossAModelPointingAtIt() {
    List<Operation> ops = List.of(product,
        createModel("Review", "id", id(), "product", foreignKey("Product")),
        new RenameModel(n("Product"), n("Item")));
    assertThat(optimize(ops)).isEqualTo(ops);
  }

  @Test void nothingIsOptimizedThroughRunSql() {
    List<Operation> ops = List.of(addStock(),
        new RunSQL(List.of("UPDATE shop_category SET name = ''"), List.of(), List.of(), false),
        new RemoveField(n("Product"), n("stock")));
    assertThat(optimize(ops)).isEqualTo(ops);
  }

  @Test void nothingIsOptimizedThroughRunJava() {
    List<Operation> ops = List.of(product, new RunJava("com.example.Fill", null, false),
        new DeleteModel(n("Product")));
    assertThat(optimize(ops)).isEqualTo(ops);
  }

  @Test void elidableOperationsAreKeptByTheOptimizer() {
    RunSQL elidable = new RunSQL(List.of("SELECT 1"), List.of(), List.of(), true);
    assertThat(optimize(elidable, product)).containsExactly(elidable, product);
  }

  @Test void aLaterOperationMovesLeftAcrossOnesThatCommuteWithIt() {
    // Category points at Product, so CreateModel(Product) cannot move right across it; the
    // AddField on Product moves left across the unrelated Tag instead.
    CreateModel category = createModel("Category", "id", id(), "top", foreignKey("Product"));
    CreateModel tag = createModel("Tag", "id", id());
    assertThat(optimize(product, category, tag, new AddField(n("Product"), n("stock"), STOCK)))
        .hasSize(3).doesNotHaveDuplicates()
        .contains(category, tag)
        .doesNotContain(product);
  }

  @Test void optimizingRunsToAFixedPoint() {
    List<Operation> ops = new ArrayList<>();
    ops.add(product);
    for (int i = 0; i < 20; i++) {
      ops.add(new AddField(n("Product"), n("f" + i), STOCK));
      ops.add(new AlterField(n("Product"), n("f" + i), BIG_STOCK));
      ops.add(new RenameField(n("Product"), n("f" + i), n("g" + i)));
    }
    for (int i = 0; i < 20; i += 2) ops.add(new RemoveField(n("Product"), n("g" + i)));
    ops.add(new RenameModel(n("Product"), n("Item")));

    List<Operation> optimized = optimize(ops);

    assertThat(optimized).hasSize(1);
    CreateModel item = (CreateModel) optimized.get(0);
    assertThat(item.name()).isEqualTo(n("Item"));
    assertThat(item.fields().keySet()).containsExactlyElementsOf(names("id", "name", "g1", "g3",
        "g5", "g7", "g9", "g11", "g13", "g15", "g17", "g19"));
    assertThat(item.fields().get(n("g1"))).isEqualTo(BIG_STOCK);
    assertThat(new Optimizer().optimize(optimized, APP)).isEqualTo(optimized);
  }

  private static AddField addStock() {
    return new AddField(n("Product"), n("stock"), STOCK);
  }

  private static CreateModel withIndexes(CreateModel m, Index... indexes) {
    return new CreateModel(m.name(), m.fields(), m.options(), List.of(indexes), m.constraints());
  }

  private static List<Operation> optimize(Operation... ops) {
    return optimize(List.of(ops));
  }

  private static List<Operation> optimize(List<Operation> ops) {
    return new Optimizer().optimize(ops, APP);
  }
}
