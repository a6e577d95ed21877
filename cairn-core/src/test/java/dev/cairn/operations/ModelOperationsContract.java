package dev.cairn.operations;

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
import static dev.cairn.testing.Shop.CATEGORY;
import static dev.cairn.testing.Shop.PRODUCT;
import static dev.cairn.testing.Shop.TAG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.schema.Feature;
import dev.cairn.schema.SchemaSnapshot.ForeignKey;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.Index;
import dev.cairn.state.ModelKey;
import dev.cairn.state.OnDelete;
import dev.cairn.state.ProjectState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CreateModel, DeleteModel, RenameModel and AlterModelTable: what the table of cases cannot say. */
interface ModelOperationsContract extends OperationsFixture {

  @Test default void createModelMakesEveryFieldTypeWithColumnsInOrder() throws Exception {
    ProjectState before = h().migrate(ProjectState.empty(), CATEGORY, TAG);
    List<Index> indexes = new ArrayList<>(List.of(
        new Index("everything_day_idx", names("day", "clock"), false, null)));
    List<Constraint> constraints = new ArrayList<>(List.of(
        Constraint.unique("everything_char_int_uniq", names("char", "int"), null)));
    if (dialect().features().has(Feature.PARTIAL_INDEXES)) {
      indexes.add(new Index("everything_char_partial", names("char"), false, q("int") + " > 0"));
      constraints.add(Constraint.unique("everything_slug_live_uniq", names("slug"), q("flag")));
    }
    if (dialect().features().has(Feature.CHECK_CONSTRAINTS)) {
      constraints.add(Constraint.check("everything_int_small", q("int") + " < 1000"));
    }
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
        new ModelOptions(null, true, "all the types"), indexes, constraints);
    h().forwards(before, everything);
    h().assertSchemaInOrder(everything.stateForwards("shop", before));
    h().backwards(before, everything);
  }

  @Test default void createModelOnAnEmptyDatabaseMakesTableAndJoinTable() throws Exception {
    ProjectState before = h().migrate(ProjectState.empty(), CATEGORY, TAG);
    h().forwards(before, PRODUCT);
    assertThat(h().introspect().tables()).containsKeys("shop_product", "shop_product_tags");
    assertThat(shop().foreignKeys("shop_product"))
        .containsExactly(new ForeignKey("category_id", "shop_category", "id"));
    h().backwards(before, PRODUCT);
    assertThat(h().introspect().tables()).doesNotContainKeys("shop_product", "shop_product_tags");
  }

  /**
   * CREATE TABLE drops a UNIQUE that repeats the primary key or a unique field (PostgreSQL keeps
   * one index per column list), so the named constraint must come after it. Found by
   * MakeMigrationsProperty.
   */
  @Test default void createModelKeepsUniqueConstraintsThatRepeatAnotherIndex() throws Exception {
    CreateModel model = new CreateModel(n("Tag"),
        fields("id", id(), "name", chars(30).unique(true)), null, List.of(),
        List.of(Constraint.unique("tag_id_uniq", names("id"), null),
            Constraint.unique("tag_name_uniq", names("name"), null)));
    ProjectState created = h().forwards(ProjectState.empty(), model);
    h().roundTrip(created, new RemoveConstraint(n("Tag"), "tag_id_uniq"));
    h().roundTrip(created, new DeleteModel(n("Tag")));
  }

  @Test default void deleteModelDropsTableAndJoinTablesAndComesBackEmpty() throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    DeleteModel review = new DeleteModel(n("Review"));
    DeleteModel product = new DeleteModel(n("Product"));
    ProjectState withoutReview = h().forwards(before, review);
    assertThat(h().introspect().tables()).doesNotContainKey("shop_review");
    h().forwards(withoutReview, product);
    assertThat(h().introspect().tables()).doesNotContainKeys("shop_product", "shop_product_tags");
    h().backwards(withoutReview, product);
    assertThat(shop().count("SELECT count(*) FROM {shop_product}")).isZero();
    assertThat(shop().count("SELECT count(*) FROM {shop_product_tags}")).isZero();
    h().backwards(before, review);
    assertThat(shop().count("SELECT count(*) FROM {shop_review}")).isZero();
  }

  @Test default void renameModelRenamesTablesJoinColumnsAndKeysToIt() throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    RenameModel rename = new RenameModel(n("Product"), n("Item"));
    ProjectState after = h().forwards(before, rename);
    assertThat(after.model(ModelKey.of("shop", "item"))).isPresent();
    assertThat(h().introspect().tables()).containsKeys("shop_item", "shop_item_tags");
    assertThat(h().introspect().tables().get("shop_item_tags").columnNames())
        .containsExactly("id", "item_id", "tag_id");
    assertThat(shop().count("SELECT count(*) FROM {shop_item_tags} WHERE {item_id} IS NOT NULL"))
        .isEqualTo(2);
    assertReviewsPointAt("shop_item");
    h().backwards(before, rename);
    assertThat(shop().strings("SELECT {name} FROM {shop_product} ORDER BY {id}"))
        .containsExactly("pen", "ink");
    assertReviewsPointAt("shop_product");
  }

  @Test default void renameModelRenamesTheColumnsOfOtherModelsJoinTables() throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    RenameModel rename = new RenameModel(n("Tag"), n("Label"));
    h().forwards(before, rename);
    assertThat(h().introspect().tables().get("shop_product_tags").columnNames())
        .containsExactly("id", "product_id", "label_id");
    assertThat(shop().count("SELECT count(*) FROM {shop_product_tags} {pt} JOIN {shop_label} {l}"
        + " ON {l}.{id} = {pt}.{label_id}")).isEqualTo(2);
    h().backwards(before, rename);
    assertThat(shop().count("SELECT count(*) FROM {shop_product_tags} {pt} JOIN {shop_tag} {t}"
        + " ON {t}.{id} = {pt}.{tag_id}")).isEqualTo(2);
  }

  @Test default void renameModelWithASelfRelationKeepsItsRowsAndKeys() throws Exception {
    CreateModel person = createModel("Person", "id", id(), "friends", manyToMany("shop.Person"),
        "boss", foreignKey("shop.Person").nullable(true));
    ProjectState before = h().migrate(ProjectState.empty(), person);
    shop().execute("INSERT INTO {shop_person} ({boss_id}) VALUES (NULL)");
    shop().execute("INSERT INTO {shop_person} ({boss_id}) SELECT MIN({id}) FROM {shop_person}");
    shop().execute("INSERT INTO {shop_person_friends} ({from_person_id}, {to_person_id})"
        + " SELECT MIN({id}), MAX({id}) FROM {shop_person}");
    RenameModel rename = new RenameModel(n("Person"), n("Human"));
    h().forwards(before, rename);
    assertThat(shop().rows("SELECT {from_human_id}, {to_human_id} FROM {shop_human_friends}"))
        .containsExactly(List.of("1", "2"));
    assertThat(shop().foreignKeys("shop_human"))
        .containsExactly(new ForeignKey("boss_id", "shop_human", "id"));
    h().backwards(before, rename);
    assertThat(shop().strings("SELECT {boss_id} FROM {shop_person} ORDER BY {id}"))
        .containsExactly(null, "1");
  }

  @Test default void alterModelTableMovesTableAndJoinTableAndKeysToIt() throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    AlterModelTable move = new AlterModelTable(n("Product"), "catalog_item");
    ProjectState after = h().forwards(before, move);
    assertThat(h().introspect().tables()).containsKeys("catalog_item", "catalog_item_tags");
    assertReviewsPointAt("catalog_item");
    h().roundTrip(after, new AlterModelTable(n("Product"), null));
    h().backwards(before, move);
    assertThat(shop().count("SELECT count(*) FROM {shop_product}")).isEqualTo(2);
    assertThat(shop().count("SELECT count(*) FROM {shop_product_tags}")).isEqualTo(2);
    assertReviewsPointAt("shop_product");
  }
}
