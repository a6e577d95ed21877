package dev.cairn.operations;

import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.createModel;
import static dev.cairn.testing.Models.fields;
import static dev.cairn.testing.Models.foreignKey;
import static dev.cairn.testing.Models.id;
import static dev.cairn.testing.Models.integer;
import static dev.cairn.testing.Models.manyToMany;
import static dev.cairn.testing.Models.n;
import static dev.cairn.testing.Models.names;
import static dev.cairn.testing.Shop.TAG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.schema.Feature;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.Index;
import dev.cairn.state.OnDelete;
import dev.cairn.state.ProjectState;
import dev.cairn.testing.TableRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Names: of indexes and constraints that must survive changes of their table, of identifiers that
 * need quoting, of long models, and of a database that Cairn did not make.
 */
interface DatabaseNamesContract extends OperationsFixture {

  /**
   * Makes, on this test's empty database, the shop as Django's backend for this database creates
   * it, with names Cairn would not choose: {@code shop_category} (id, name unique) and {@code
   * shop_product} (id, name with an index, code unique, stock with a check {@code >= 0},
   * category_id a nullable key to shop_category with an index), as {@link #adoptedState()}
   * describes them. Without it, {@link #aDatabaseMadeByDjangoEvolvesByTheNamesItHas} is skipped.
   */
  default void createDjangoShop() throws Exception {
    Assumptions.abort("no Django DDL given for " + dialect().name());
  }

  @Test default void namedIndexesAndConstraintsSurviveChangesOfTheirTable() throws Exception {
    List<Operation> setup = new ArrayList<>(List.of(
        new AddIndex(n("Product"), new Index("product_name_price", names("name", "price"), false, null)),
        new AddConstraint(n("Product"),
            Constraint.unique("product_name_cat", names("name", "category"), null))));
    if (dialect().features().has(Feature.PARTIAL_INDEXES)) {
      setup.add(new AddIndex(n("Product"), new Index("product_cheap", names("price"), true, "price < 10")));
    }
    boolean checks = dialect().features().has(Feature.CHECK_CONSTRAINTS);
    if (checks) {
      setup.add(new AddConstraint(n("Product"), Constraint.check("product_price_gte_0", "price >= 0")));
    }
    ProjectState before = h().migrate(shop().base(), setup.toArray(Operation[]::new));
    shop().insertProducts();
    TableRows rows = TableRows.read(h());
    h().roundTrip(before, new AlterField(n("Product"), n("stock"),
        Field.of(FieldType.BIG_INTEGER).nullable(true).build()));
    h().roundTrip(before, new RemoveField(n("Product"), n("stock")));
    assertThat(shop().rows("SELECT {id}, {name}, {price} FROM {shop_product} ORDER BY {id}"))
        .containsExactly(List.of("1", "pen", "1.5"), List.of("2", "ink", "9.99"));
    assertThat(TableRows.read(h()).tables().get("shop_review")).isEqualTo(rows.tables().get("shop_review"));
    if (checks) {
      assertThatThrownBy(() -> shop().execute("UPDATE {shop_product} SET {price} = -1"))
          .message().containsIgnoringCase("product_price_gte_0"); // H2 says it in upper case
    }
  }

  @Test default void identifiersThatNeedQuotingSurviveEveryChange() throws Exception {
    boolean checks = dialect().features().has(Feature.CHECK_CONSTRAINTS);
    CreateModel select = new CreateModel(n("Select"), fields(
        "id", id(),
        "order", chars(20),
        "Mixed Case", integer().nullable(true),
        "quo\"te", chars(10).nullable(true).unique(true),
        "group", foreignKey("shop.Select").nullable(true),
        "from", manyToMany("shop.Tag")),
        new ModelOptions("select", true, null),
        List.of(new Index("select \"order\" idx", names("order", "Mixed Case"), false, null)),
        checks ? List.of(Constraint.check("order \"not\" empty", q("order") + " <> ''")) : List.of());
    ProjectState s = h().migrate(h().migrate(ProjectState.empty(), TAG), select);
    shop().execute("INSERT INTO {shop_tag} ({name}) VALUES ('blue')");
    shop().execute("INSERT INTO {select} ({order}, {Mixed Case}, {quo\"te}) VALUES ('a', 1, 'q1')");
    shop().execute("INSERT INTO {select} ({order}, {Mixed Case}, {group_id}) VALUES ('b', 2, 1)");
    shop().execute("INSERT INTO {select_from} ({select_id}, {tag_id}) VALUES (1, 1)");
    List<Operation> ops = new ArrayList<>(List.of(
        new AddField(n("Select"), n("where"), integer().defaultValue(9).build()),
        new AlterField(n("Select"), n("order"), chars(40).build()),
        new AlterField(n("Select"), n("Mixed Case"), integer().nullable(true).dbIndex(true).build()),
        new RenameField(n("Select"), n("Mixed Case"), n("Upper Lower")),
        new RenameField(n("Select"), n("group"), n("table")),
        new RemoveField(n("Select"), n("quo\"te")),
        new AddIndex(n("Select"), new Index("by \"where\"", names("where"), false, null)),
        new RenameIndex(n("Select"), "by where", "by \"where\"")));
    if (dialect().features().has(Feature.PARTIAL_INDEXES)) {
      ops.add(new AddConstraint(n("Select"),
          Constraint.unique("un\"ique", names("order"), q("where") + " > 0")));
    }
    if (checks) {
      ops.add(new AddConstraint(n("Select"), Constraint.check("where \"pos\"", q("where") + " >= 0")));
    }
    ops.add(new RenameModel(n("Select"), n("Order")));
    ops.add(new AlterModelTable(n("Order"), "Table \"x\""));
    List<ProjectState> states = new ArrayList<>();
    for (Operation op : ops) {
      states.add(s);
      s = h().forwards(s, op);
    }
    assertThat(shop().rows("SELECT {order}, {Upper Lower}, {table_id}, {where}"
        + " FROM {Table \"x\"} ORDER BY {id}"))
        .containsExactly(Arrays.asList("a", "1", null, "9"), Arrays.asList("b", "2", "1", "9"));
    assertThat(shop().count("SELECT count(*) FROM {Table \"x\"_from}")).isEqualTo(1);
    for (int i = ops.size() - 1; i >= 0; i--) h().backwards(states.get(i), ops.get(i));
    assertThat(shop().rows("SELECT {order}, {Mixed Case}, {group_id} FROM {select} ORDER BY {id}"))
        .containsExactly(Arrays.asList("a", "1", null), Arrays.asList("b", "2", "1"));
    h().roundTrip(states.get(0), new DeleteModel(n("Select")));
  }

  /**
   * A database adopted with {@code --fake-initial} keeps the names its maker gave; the schema editor
   * finds them (or rebuilds the table) instead of assuming Cairn's, and leaves Cairn's behind.
   */
  @Test default void aDatabaseMadeByDjangoEvolvesByTheNamesItHas() throws Exception {
    createDjangoShop();
    shop().execute("INSERT INTO {shop_category} ({name}) VALUES ('office')");
    shop().execute("INSERT INTO {shop_product} ({name}, {code}, {stock}, {category_id})"
        + " SELECT 'pen', 'p-1', 3, {id} FROM {shop_category}");
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
    List<ProjectState> states = new ArrayList<>(List.of(adopted));
    for (Operation op : ops) states.add(h().forwardsUnchecked(states.get(states.size() - 1), op));
    h().assertSchema(states.get(ops.size()), "after evolving a database Cairn did not make");
    assertThat(shop().rows("SELECT {name}, {code}, {stock}, {group_id} FROM {shop_product}"))
        .containsExactly(List.of("pen", "p-1", "3", "1"));
    for (int i = ops.size() - 1; i >= 0; i--) h().backwards(states.get(i), ops.get(i));
    h().assertSchema(adopted, "back at the start, now with the generated names");
  }

  /** The models of {@link #createDjangoShop}'s database, as its initial migration (faked) says. */
  static ProjectState adoptedState() {
    ProjectState s = createModel("Category", "id", id(), "name", chars(50).unique(true))
        .stateForwards("shop", ProjectState.empty());
    return createModel("Product", "id", id(), "name", chars(100).dbIndex(true),
        "code", chars(20).unique(true), "stock", Field.of(FieldType.POSITIVE_INTEGER),
        "category", foreignKey("shop.Category").nullable(true)).stateForwards("shop", s);
  }

  @Test default void twoLongModelNamesAlikeInTheirFirstCharactersGetTwoTables() throws Exception {
    int max = dialect().features().maxIdentifierLength();
    String stem = "Inventory".repeat(6) + "Xy"; // 59 characters with "One": the join column fits
    CreateModel one = createModel(stem + "One", "id", id(), "tags", manyToMany("shop.Tag"));
    CreateModel two = createModel(stem + "Two", "id", id(), "tags", manyToMany("shop.Tag"),
        "one", foreignKey("shop." + stem + "One").nullable(true));
    ProjectState before = h().migrate(ProjectState.empty(), TAG);
    ProjectState after = h().migrate(before, one, two);
    assertThat(h().introspect().tables().keySet())
        .allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(max)).hasSize(5);
    String table = after.requireModel("shop", n(stem + "Two")).table();
    h().execute("INSERT INTO " + q(table) + " (" + q("one_id") + ") VALUES (NULL)");
    h().roundTrip(after, new RenameField(n(stem + "Two"), n("one"), n("first")));
    h().backwards(one.stateForwards("shop", before), two);
    h().backwards(before, one);
  }
}
