package dev.cairn.optimize;

import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.createModel;
import static dev.cairn.testing.Models.foreignKey;
import static dev.cairn.testing.Models.id;
import static dev.cairn.testing.Models.integer;
import static dev.cairn.testing.Models.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.files.MigrationWriter;
import dev.cairn.graph.MigrationGraph;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.operations.AddField;
import dev.cairn.operations.Operation;
import dev.cairn.operations.RunSQL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Building the migration that replaces a range of one app's migrations. */
final class SquasherTest {
  private static final Operation CREATE_CATEGORY = createModel("Category", "id", id());
  private static final Operation CREATE_PRODUCT = createModel("Product", "id", id(),
      "name", chars(100), "category", foreignKey("shop.Category"));
  private static final Operation ADD_STOCK =
      new AddField(n("Product"), n("stock"), integer().defaultValue(0).build());
  private static final Operation ADD_CODE =
      new AddField(n("Category"), n("code"), chars(5).build());

  private final List<Migration> shop = new ArrayList<>(List.of(
      initial("auth.0001_initial"),
      migration("shop.0001_initial", true, List.of(CREATE_CATEGORY)),
      migration("shop.0002_product", false, List.of(CREATE_PRODUCT), "shop.0001_initial",
          "auth.0001_initial"),
      migration("shop.0003_category_code", false, List.of(ADD_CODE), "shop.0002_product",
          "auth.0001_initial"),
      migration("shop.0004_add_stock", false, List.of(ADD_STOCK), "shop.0003_category_code")));

  @Test void squashingFromTheFirstMigrationIsNamedLikeDjangos() {
    Migration squashed = squash(null, "0004_add_stock");
    assertThat(squashed.key()).isEqualTo(key("shop.0001_squashed_0004_add_stock"));
  }

  @Test void squashingFromAStartNamesBothEnds() {
    Migration squashed = squash("0002_product", "0004_add_stock");
    assertThat(squashed.name()).isEqualTo("0002_product_squashed_0004_add_stock");
  }

  @Test void aSquashedNameReplacesTheGeneratedOne() {
    Migration squashed = Squasher.of(graph()).squashedName("catalogue")
        .squash("shop", "0002", "0004");
    assertThat(squashed.name()).isEqualTo("0002_catalogue");
  }

  @Test void replacesListsTheSquashedMigrationsInOrder() {
    assertThat(squash("0002", "0004").replaces()).containsExactly(key("shop.0002_product"),
        key("shop.0003_category_code"), key("shop.0004_add_stock"));
  }

  @Test void dependenciesAreThoseOutsideTheSquashedMigrationsOnce() {
    assertThat(squash("0002", "0004").dependencies())
        .containsExactly(key("auth.0001_initial"), key("shop.0001_initial"));
  }

  @Test void squashingFromTheFirstMigrationIsInitial() {
    assertThat(squash(null, "0004").initial()).isTrue();
    assertThat(squash("0002", "0004").initial()).isFalse();
  }

  @Test void operationsAreConcatenatedAndOptimized() {
    assertThat(squash(null, "0004").operations()).containsExactly(
        createModel("Category", "id", id(), "code", chars(5)),
        createModel("Product", "id", id(), "name", chars(100),
            "category", foreignKey("shop.Category"), "stock", integer().defaultValue(0)));
  }

  @Test void withoutOptimizingTheOperationsAreKeptAsTheyWere() {
    Migration squashed = Squasher.of(graph()).optimize(false).squash("shop", null, "0004");
    assertThat(squashed.operations())
        .containsExactly(CREATE_CATEGORY, CREATE_PRODUCT, ADD_CODE, ADD_STOCK);
  }

  @Test void elidableOperationsAreDroppedUnlessAskedToKeepThem() {
    RunSQL elidable = new RunSQL(List.of("UPDATE shop_product SET stock = 1"), List.of(), null, true);
    RunSQL kept = new RunSQL(List.of("UPDATE shop_product SET stock = 2"), List.of(), null, false);
    shop.add(migration("shop.0005_fill", false, List.of(elidable, kept), "shop.0004_add_stock"));

    assertThat(squash("0004", "0005").operations()).containsExactly(ADD_STOCK, kept);
    assertThat(Squasher.of(graph()).dropElidable(false).squash("shop", "0004", "0005")
        .operations()).containsExactly(ADD_STOCK, elidable, kept);
  }

  @Test void aNonAtomicMigrationMakesTheSquashNonAtomic() {
    Migration last = shop.remove(shop.size() - 1);
    shop.add(new Migration(last.key(), last.dependencies(), last.operations(), null, null, false,
        false, null, null, null));
    assertThat(squash("0002", "0004").atomic()).isFalse();
    assertThat(squash("0002", "0003").atomic()).isTrue();
  }

  @Test void theSquashWritesAsAMigrationFile() {
    String file = new MigrationWriter().write(squash("0003", "0004"));
    assertThat(file).startsWith("dependencies:\n  - auth.0001_initial\n  - shop.0002_product\n"
        + "replaces:\n  - shop.0003_category_code\n  - shop.0004_add_stock\noperations:\n");
  }

  @Test void aSquashThatStillReplacesMigrationsIsRefused() {
    shop.add(migration("shop.0001_squashed_0002_product", true, List.of(), "auth.0001_initial"));
    Migration squash = shop.remove(shop.size() - 1);
    shop.add(new Migration(squash.key(), squash.dependencies(), squash.operations(),
        List.of(key("shop.0001_initial"), key("shop.0002_product")), null, true, true, null, null,
        null));
    shop.add(migration("shop.0005_after", false, List.of(), "shop.0001_squashed_0002_product",
        "shop.0004_add_stock"));

    assertThatThrownBy(() -> squash("0004", "0005"))
        .isInstanceOf(SquashException.class)
        .hasMessageContaining("cannot squash shop.0001_squashed_0002_product: it is itself a squash"
            + " that still replaces shop.0001_initial, shop.0002_product")
        .hasMessageContaining("remove its 'replaces' list");
  }

  @Test void migrationsThatASquashAlreadyReplacesAreNotSquashedAgain() {
    shop.add(new Migration(key("shop.0001_all"), List.of(key("auth.0001_initial")),
        List.of(CREATE_CATEGORY, CREATE_PRODUCT, ADD_CODE), List.of(key("shop.0001_initial"),
        key("shop.0002_product"), key("shop.0003_category_code")), null, true, true, null, null,
        null));
    shop.add(migration("shop.0005_after_all", false, List.of(), "shop.0004_add_stock"));

    for (String[] range : new String[][] {{"0002", "0003"}, {"0003", "0004"}, {null, "0004"}}) {
      assertThatThrownBy(() -> squash(range[0], range[1]))
          .isInstanceOf(SquashException.class)
          .hasMessageContaining("already replaced by the squash shop.0001_all")
          .hasMessageContaining("squash from after shop.0003_category_code");
    }
    assertThat(squash("0004", "0005_after_all")).isNotNull();
  }

  @Test void aRangeThatLeavesTheAppAndComesBackIsRefused() {
    shop.add(migration("auth.0002_group", false, List.of(), "auth.0001_initial",
        "shop.0003_category_code"));
    shop.add(migration("shop.0005_group", false, List.of(), "shop.0004_add_stock",
        "auth.0002_group"));

    assertThatThrownBy(() -> squash("0003", "0005"))
        .isInstanceOf(SquashException.class)
        .hasMessageContaining("not consecutive")
        .hasMessageContaining("shop.0005_group depends on auth.0002_group, which depends on"
            + " shop.0003_category_code");
  }

  @Test void aStartAfterTheEndIsRefused() {
    assertThatThrownBy(() -> squash("0004", "0002"))
        .isInstanceOf(SquashException.class)
        .hasMessage("cannot squash shop.0004_add_stock to shop.0002_product: shop.0004_add_stock"
            + " does not come before shop.0002_product; swap them, or pick migrations on one branch");
  }

  @Test void anUnknownMigrationIsNamed() {
    assertThatThrownBy(() -> squash(null, "0009"))
        .isInstanceOf(SquashException.class)
        .hasMessage("cannot squash: app shop has no migration 0009");
  }

  @Test void anAmbiguousPrefixListsTheCandidates() {
    shop.add(migration("shop.0004_other", false, List.of(), "shop.0003_category_code"));
    assertThatThrownBy(() -> squash(null, "0004"))
        .isInstanceOf(SquashException.class)
        .hasMessageContaining("(0004_add_stock, 0004_other)");
  }

  @Test void aSingleMigrationIsNotSquashed() {
    assertThatThrownBy(() -> squash("0002", "0002"))
        .isInstanceOf(SquashException.class).hasMessageContaining("nothing to squash");
  }

  private Migration squash(String from, String to) {
    return Squasher.of(graph()).squash("shop", from, to);
  }

  private MigrationGraph graph() {
    return MigrationGraph.of(shop);
  }

  private static MigrationKey key(String dotted) {
    return MigrationKey.parse(dotted);
  }

  private static Migration initial(String key) {
    return migration(key, true, List.of());
  }

  private static Migration migration(String key, boolean initial, List<Operation> ops,
      String... dependencies) {
    return new Migration(key(key), Arrays.stream(dependencies).map(SquasherTest::key).toList(),
        ops, null, null, initial, true, null, null, null);
  }
}
