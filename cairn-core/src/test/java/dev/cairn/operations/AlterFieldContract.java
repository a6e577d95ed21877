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
import dev.cairn.schema.UnsupportedSchemaChange;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.ProjectState;
import dev.cairn.testing.Shop;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** AlterField: what the table of cases cannot say (values it changes, changes it refuses). */
interface AlterFieldContract extends OperationsFixture {

  @Test default void alterFieldFromNullToNotNullFillsNullsWithTheDefault() throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    shop().execute("UPDATE {shop_product} SET {stock} = NULL WHERE {name} = 'ink'");
    AlterField op = new AlterField(n("Product"), n("stock"), integer().defaultValue(5).build());
    h().forwards(before, op);
    assertThat(shop().strings("SELECT {stock} FROM {shop_product} ORDER BY {id}"))
        .containsExactly("3", "5");
    h().backwards(before, op);
    assertThat(shop().strings("SELECT {stock} FROM {shop_product} ORDER BY {id}"))
        .containsExactly("3", "5");
  }

  @Test default void alterFieldFromNullToNotNullWithoutDefaultRefusesNulls() throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    shop().execute("UPDATE {shop_product} SET {stock} = NULL WHERE {name} = 'ink'");
    assertThatThrownBy(() -> h().forwards(before,
        new AlterField(n("Product"), n("stock"), integer().build())))
        .isInstanceOf(SQLException.class);
    h().assertSchema(before, "after a failed AlterField");
  }

  /** preserve_default: false, as makemigrations writes a value given for the NULL rows. */
  @Test default void alterFieldWithAOneOffDefaultFillsTheNullRowsAndKeepsItOutOfTheState()
      throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    shop().execute("UPDATE {shop_product} SET {stock} = NULL WHERE {name} = 'ink'");
    AlterField op = new AlterField(n("Product"), n("stock"), integer().defaultValue(5).build(), false);
    ProjectState after = h().forwards(before, op);
    assertThat(after.requireModel("shop", n("Product")).requireField(n("stock")))
        .isEqualTo(integer().build());
    assertThat(shop().strings("SELECT {stock} FROM {shop_product} ORDER BY {id}"))
        .containsExactly("3", "5");
    h().backwards(before, op);
    shop().execute("UPDATE {shop_product} SET {stock} = NULL WHERE {name} = 'ink'");
    h().forwards(before, op);
    assertThat(shop().strings("SELECT {stock} FROM {shop_product} ORDER BY {id}"))
        .containsExactly("3", "5");
  }

  /** A hand-written AlterField to or from through would drop a join table with its rows. */
  @Test default void alterFieldToOrFromAThroughModelRefusesToDropTheJoinTable() throws Exception {
    ProjectState before = h().migrate(shop().base(), createModel("ProductTag", "id", id(),
        "product", foreignKey("shop.Product"), "tag", foreignKey("shop.Tag")));
    shop().insertProducts();
    AlterField toThrough = new AlterField(n("Product"), n("tags"),
        manyToMany("shop.Tag").through("shop.ProductTag").build());

    assertThatThrownBy(() -> h().forwards(before, toThrough))
        .isInstanceOf(UnsupportedSchemaChange.class)
        .hasMessageContaining("AlterField of shop.Product.tags to use the through model"
            + " shop.ProductTag would drop a join table with its rows")
        .hasMessageContaining("SeparateDatabaseAndState");
    AlterField toAuto = new AlterField(n("Product"), n("tags"), manyToMany("shop.Tag").build());
    assertThatThrownBy(() -> h().sql(toThrough.stateForwards("shop", before), toAuto, false))
        .hasMessageContaining("to stop using the through model shop.ProductTag");
    assertThat(shop().count("SELECT count(*) FROM {shop_product_tags}")).isEqualTo(2);
    h().assertSchema(before, "after a refused AlterField");
  }

  @Test default void alterFieldUniqueFailsOnDuplicatesAndChangesNothing() throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    shop().execute("UPDATE {shop_product} SET {name} = 'pen'");
    assertThatThrownBy(() -> h().forwards(before,
        new AlterField(n("Product"), n("name"), chars(100).unique(true).build())))
        .isInstanceOf(SQLException.class);
    h().assertSchema(before, "after a failed AlterField");
    assertReviewsPointAt("shop_product");
  }

  /** Django's default lives in the model only, so changing it changes no table. */
  @Test default void alterFieldOfOnlyItsDefaultRunsNothing() throws Exception {
    assertThat(h().sql(Shop.baseState(), new AlterField(n("Product"), n("stock"),
        integer().nullable(true).defaultValue(1).build()), false)).isEmpty();
  }

  @Test default void alterFieldToAnotherTargetPointsTheKeyThere() throws Exception {
    ProjectState before = h().migrate(shop().base(), createModel("Maker", "id", id()));
    shop().insertProducts();
    shop().execute("UPDATE {shop_product} SET {category_id} = NULL");
    AlterField retarget = new AlterField(n("Product"), n("category"),
        foreignKey("shop.Maker").nullable(true).build());
    h().forwards(before, retarget);
    assertThat(shop().foreignKeys("shop_product"))
        .containsExactly(new ForeignKey("category_id", "shop_maker", "id"));
    h().backwards(before, retarget);
    assertThat(shop().foreignKeys("shop_product"))
        .containsExactly(new ForeignKey("category_id", "shop_category", "id"));
  }

  @Test default void alterFieldToATargetMissingTheRowsFailsAndChangesNothing() throws Exception {
    assumeFeature(Feature.TRANSACTIONAL_DDL); // the old key, dropped first, comes back with it
    ProjectState before = h().migrate(shop().base(), createModel("Maker", "id", id()));
    shop().insertProducts();
    assertThatThrownBy(() -> h().forwards(before, new AlterField(n("Product"), n("category"),
        foreignKey("shop.Maker").nullable(true).build())))
        .isInstanceOf(SQLException.class);
    h().assertSchema(before, "after a failed AlterField");
  }

  @Test default void alterFieldAutoToBigAutoKeepsCountingTheKey() throws Exception {
    CreateModel small = createModel("Box", "id", Field.of(FieldType.AUTO).primaryKey(true),
        "size", integer());
    ProjectState before = h().migrate(ProjectState.empty(), small);
    shop().execute("INSERT INTO {shop_box} ({size}) VALUES (1)");
    shop().execute("INSERT INTO {shop_box} ({size}) VALUES (2)");
    AlterField big = new AlterField(n("Box"), n("id"),
        Field.of(FieldType.BIG_AUTO).primaryKey(true).build());
    h().roundTrip(before, big);
    h().forwards(before, big);
    shop().execute("INSERT INTO {shop_box} ({size}) VALUES (3)");
    assertThat(shop().rows("SELECT {id}, {size} FROM {shop_box} ORDER BY {id}"))
        .containsExactly(java.util.List.of("1", "1"), java.util.List.of("2", "2"),
            java.util.List.of("3", "3"));
  }

  @Test default void alterFieldAutoToBigAutoRetypesTheKeysPointingAtIt() throws Exception {
    CreateModel box = createModel("Box", "id", Field.of(FieldType.AUTO).primaryKey(true),
        "parent", foreignKey("shop.Box").nullable(true), "peers", manyToMany("shop.Box"));
    CreateModel crate = createModel("Crate", "id", id(), "box", foreignKey("shop.Box"),
        "boxes", manyToMany("shop.Box"));
    ProjectState before = h().migrate(ProjectState.empty(), box, crate);
    shop().execute("INSERT INTO {shop_box} ({parent_id}) VALUES (NULL)");
    shop().execute("INSERT INTO {shop_box} ({parent_id}) SELECT MIN({id}) FROM {shop_box}");
    shop().execute("INSERT INTO {shop_crate} ({box_id}) SELECT {id} FROM {shop_box}");
    AlterField big = new AlterField(n("Box"), n("id"),
        Field.of(FieldType.BIG_AUTO).primaryKey(true).build());
    h().forwards(before, big);
    assertThat(h().introspect().tables().get("shop_crate").column("box_id").orElseThrow().type())
        .isEqualTo(dialect().introspectedType(Field.of(FieldType.BIG_INTEGER).build()));
    h().backwards(before, big);
    assertThat(shop().strings("SELECT {box_id} FROM {shop_crate} ORDER BY {id}"))
        .containsExactly("1", "2");
  }

  /** A table that is rebuilt (SQLite's remake) must keep counting where it was. */
  @Test default void afterAnAlterFieldNoNewRowGetsTheIdOfADeletedOne() throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    shop().execute("INSERT INTO {shop_product} ({name}, {price}) VALUES ('gone', 1)");
    shop().execute("DELETE FROM {shop_product} WHERE {name} = 'gone'");
    h().forwards(before, new AlterField(n("Product"), n("name"), chars(200).build()));
    shop().execute("INSERT INTO {shop_product} ({name}, {price}) VALUES ('new', 1)");
    assertThat(shop().strings("SELECT {id} FROM {shop_product} WHERE {name} = 'new'"))
        .containsExactly("4");
  }
}
