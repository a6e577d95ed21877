package dev.cairn.operations;

import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.createModel;
import static dev.cairn.testing.Models.foreignKey;
import static dev.cairn.testing.Models.id;
import static dev.cairn.testing.Models.integer;
import static dev.cairn.testing.Models.manyToMany;
import static dev.cairn.testing.Models.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.schema.Feature;
import dev.cairn.schema.SchemaSnapshot.ForeignKey;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AddField, RemoveField and RenameField: what the table of cases cannot say. */
interface FieldOperationsContract extends OperationsFixture {

  /** As in Django, the default fills the rows there are; later inserts must give a value. */
  @Test default void addFieldFillsExistingRowsWithItsDefaultAndLeavesNoDatabaseDefault()
      throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    h().forwards(before, new AddField(n("Product"), n("weight"), integer().defaultValue(7).build()));
    assertThat(shop().strings("SELECT DISTINCT {weight} FROM {shop_product}")).containsExactly("7");
    assertThatThrownBy(() -> shop().execute(
        "INSERT INTO {shop_product} ({name}, {price}) VALUES ('pencil', 1)"))
        .isInstanceOf(SQLException.class);
  }

  @Test default void addFieldNotNullWithAStringDefaultFillsRowsWithIt() throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    h().forwards(before, new AddField(n("Product"), n("colour"),
        chars(10).defaultValue("it's red").build()));
    assertThat(shop().strings("SELECT DISTINCT {colour} FROM {shop_product}"))
        .containsExactly("it's red");
  }

  @Test default void addFieldWithADatabaseDefaultFillsExistingRows() throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    h().forwards(before, new AddField(n("Product"), n("added"),
        Field.of(FieldType.DATE_TIME).nullable(true).dbDefault("CURRENT_TIMESTAMP").build()));
    assertThat(shop().count("SELECT count(*) FROM {shop_product} WHERE {added} IS NOT NULL"))
        .isEqualTo(2);
  }

  @Test default void addFieldNotNullWithoutDefaultFailsOnRowsAndChangesNothing() throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    assertThatThrownBy(() -> h().forwards(before,
        new AddField(n("Product"), n("code"), chars(10).build())))
        .isInstanceOf(SQLException.class);
    h().assertSchema(before, "after a failed AddField");
    assertThat(shop().strings("SELECT {name} FROM {shop_product} ORDER BY {id}"))
        .containsExactly("pen", "ink");
  }

  /** Positive fields carry a check, as Django's PositiveIntegerField does. */
  @Test default void aPositiveFieldRefusesANegativeValue() throws Exception {
    assumeFeature(Feature.CHECK_CONSTRAINTS);
    ProjectState before = shop().base();
    shop().insertProducts();
    h().forwards(before, new AddField(n("Product"), n("sold"),
        Field.of(FieldType.POSITIVE_INTEGER).defaultValue(0).build()));
    assertThatThrownBy(() -> shop().execute("UPDATE {shop_product} SET {sold} = -1"))
        .isInstanceOf(SQLException.class);
  }

  /** Their data is gone, as on every database: unapplying RemoveField brings the column back empty. */
  @Test default void removedColumnsComeBackEmpty() throws Exception {
    ProjectState before = h().migrate(shop().base(),
        new AddField(n("Product"), n("sku"), chars(20).nullable(true).unique(true).build()),
        new AddField(n("Product"), n("slug"), Field.of(FieldType.SLUG).nullable(true).build()));
    shop().insertProducts();
    shop().execute("UPDATE {shop_product} SET {sku} = {name}, {slug} = {name}");
    h().roundTrip(before, new RemoveField(n("Product"), n("sku")));
    h().roundTrip(before, new RemoveField(n("Product"), n("slug")));
    assertThat(shop().count(
        "SELECT count(*) FROM {shop_product} WHERE {sku} IS NULL AND {slug} IS NULL")).isEqualTo(2);
  }

  @Test default void renameFieldForeignKeyKeepsItsKeyAndValues() throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    h().forwards(before, new RenameField(n("Product"), n("category"), n("group")));
    assertThat(shop().count("SELECT count({group_id}) FROM {shop_product}")).isEqualTo(2);
    assertThat(shop().foreignKeys("shop_product"))
        .containsExactly(new ForeignKey("group_id", "shop_category", "id"));
  }

  @Test default void renameFieldManyToManyRenamesTheJoinTableWithItsPairs() throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    RenameField rename = new RenameField(n("Product"), n("tags"), n("labels"));
    h().forwards(before, rename);
    assertThat(shop().count("SELECT count(*) FROM {shop_product_labels}")).isEqualTo(2);
    h().backwards(before, rename);
    assertThat(shop().count("SELECT count(*) FROM {shop_product_tags}")).isEqualTo(2);
  }

  @Test default void renamingAPrimaryKeyThatOtherTablesPointAtKeepsTheirKeysAndRows()
      throws Exception {
    CreateModel shelf = createModel("Shelf", "sku", chars(10).primaryKey(true), "name", chars(30));
    CreateModel box = createModel("Box", "id", id(), "label", chars(30).unique(true));
    CreateModel item = createModel("Item", "id", id(),
        "shelf", foreignKey("shop.Shelf"),
        "box", foreignKey("shop.Box").nullable(true),
        "shelves", manyToMany("shop.Shelf"),
        "boxes", manyToMany("shop.Box"));
    ProjectState before = h().migrate(ProjectState.empty(), shelf, box, item);
    shop().execute("INSERT INTO {shop_shelf} ({sku}, {name}) VALUES ('s1', 'top')");
    shop().execute("INSERT INTO {shop_shelf} ({sku}, {name}) VALUES ('s2', 'low')");
    shop().execute("INSERT INTO {shop_box} ({label}) VALUES ('red')");
    shop().execute("INSERT INTO {shop_item} ({shelf_id}, {box_id}) SELECT 's2', {id} FROM {shop_box}");
    shop().execute("INSERT INTO {shop_item_shelves} ({item_id}, {shelf_id})"
        + " SELECT {id}, 's1' FROM {shop_item}");
    shop().execute("INSERT INTO {shop_item_boxes} ({item_id}, {box_id})"
        + " SELECT {i}.{id}, {b}.{id} FROM {shop_item} {i}, {shop_box} {b}");
    String rows = "SELECT {i}.{shelf_id}, {i}.{box_id}, {s}.{shelf_id}, {b}.{box_id}"
        + " FROM {shop_item} {i} JOIN {shop_item_shelves} {s} ON {s}.{item_id} = {i}.{id}"
        + " JOIN {shop_item_boxes} {b} ON {b}.{item_id} = {i}.{id}";
    List<List<String>> kept = shop().rows(rows);
    assertThat(kept).hasSize(1);
    for (Operation rename : List.of(new RenameField(n("Shelf"), n("sku"), n("code")),
        new RenameField(n("Box"), n("id"), n("number")))) {
      ProjectState after = h().forwards(before, rename);
      assertThat(shop().rows(rows)).isEqualTo(kept);
      h().backwards(before, rename);
      assertThat(shop().rows(rows)).isEqualTo(kept);
      h().forwards(before, rename);
      before = after;
    }
    assertThat(shop().foreignKeys("shop_item")).containsExactlyInAnyOrder(
        new ForeignKey("shelf_id", "shop_shelf", "code"),
        new ForeignKey("box_id", "shop_box", "number"));
    assertThatThrownBy(() -> h().inTransaction(c -> {
      try (var s = c.createStatement()) {
        s.execute(shop().sql("INSERT INTO {shop_item} ({shelf_id}) VALUES ('nowhere')"));
      }
    })).isInstanceOf(SQLException.class);
  }
}
