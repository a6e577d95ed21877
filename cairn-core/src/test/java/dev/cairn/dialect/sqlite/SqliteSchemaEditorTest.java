package dev.cairn.dialect.sqlite;

import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.createModel;
import static dev.cairn.testing.Models.decimal;
import static dev.cairn.testing.Models.foreignKey;
import static dev.cairn.testing.Models.id;
import static dev.cairn.testing.Models.integer;
import static dev.cairn.testing.Models.manyToMany;
import static dev.cairn.testing.Models.n;
import static dev.cairn.testing.Models.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.operations.AddConstraint;
import dev.cairn.operations.AddField;
import dev.cairn.operations.AddIndex;
import dev.cairn.operations.AlterField;
import dev.cairn.operations.AlterModelTable;
import dev.cairn.operations.CreateModel;
import dev.cairn.operations.DeleteModel;
import dev.cairn.operations.Operation;
import dev.cairn.operations.RemoveField;
import dev.cairn.operations.RenameField;
import dev.cairn.operations.RenameIndex;
import dev.cairn.schema.CollectingSink;
import dev.cairn.schema.SqlStatement;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.Index;
import dev.cairn.state.ProjectState;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL each key operation emits on SQLite, collected without a database. */
final class SqliteSchemaEditorTest {
  private static final CreateModel CATEGORY =
      createModel("Category", "id", id(), "name", chars(50).unique(true));
  private static final CreateModel TAG = createModel("Tag", "id", id(), "name", chars(30));
  private static final CreateModel PRODUCT = createModel("Product",
      "id", id(),
      "name", chars(100),
      "price", decimal(8, 2),
      "stock", integer().nullable(true),
      "category", foreignKey("shop.Category").nullable(true),
      "tags", manyToMany("shop.Tag"));

  private static final String PRODUCT_COLUMNS = "(\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL,"
      + " \"name\" varchar(%d) NOT NULL, \"price\" decimal NOT NULL, \"stock\" integer NULL,"
      + " \"category_id\" bigint NULL REFERENCES \"shop_category\" (\"id\") ON DELETE CASCADE"
      + " DEFERRABLE INITIALLY DEFERRED)";

  @Test void createModelMakesAnAutoincrementKeyAndInlineReferences() throws Exception {
    assertThat(sql(beforeProduct(), PRODUCT)).startsWith(
        "CREATE TABLE \"shop_product\" " + PRODUCT_COLUMNS.formatted(100),
        "CREATE INDEX \"shop_product_category_id_14d7eea8\" ON \"shop_product\" (\"category_id\")");
  }

  @Test void createModelMakesTheJoinTableWithAUniqueIndexForThePair() throws Exception {
    assertThat(sql(beforeProduct(), PRODUCT)).contains(
        "CREATE TABLE \"shop_product_tags\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL,"
            + " \"product_id\" bigint NOT NULL REFERENCES \"shop_product\" (\"id\") ON DELETE CASCADE"
            + " DEFERRABLE INITIALLY DEFERRED, \"tag_id\" bigint NOT NULL REFERENCES \"shop_tag\""
            + " (\"id\") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED)",
        "CREATE UNIQUE INDEX \"shop_product_tags_product_id_tag_id_a244154e_uniq\""
            + " ON \"shop_product_tags\" (\"product_id\", \"tag_id\")");
  }

  @Test void createModelMakesUniqueFieldsAndConstraintsNamedIndexesAndChecksInline() throws Exception {
    CreateModel counter = new CreateModel(n("Counter"), dev.cairn.testing.Models.fields(
        "id", id(), "hits", Field.of(FieldType.POSITIVE_INTEGER), "code", chars(5).unique(true)),
        null, List.of(),
        List.of(Constraint.check("counter_hits_small", "hits < 100"),
            Constraint.unique("counter_code_hits", names("code", "hits"), "hits > 0")));
    assertThat(sql(ProjectState.empty(), counter)).containsExactly(
        "CREATE TABLE \"shop_counter\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL,"
            + " \"hits\" integer unsigned NOT NULL CONSTRAINT \"shop_counter_hits_55ff0d04_check\""
            + " CHECK (\"hits\" >= 0), \"code\" varchar(5) NOT NULL,"
            + " CONSTRAINT \"counter_hits_small\" CHECK (hits < 100))",
        "CREATE UNIQUE INDEX \"shop_counter_code_b5c60712_uniq\" ON \"shop_counter\" (\"code\")",
        "CREATE UNIQUE INDEX \"counter_code_hits\" ON \"shop_counter\" (\"code\", \"hits\")"
            + " WHERE hits > 0");
  }

  @Test void addFieldNullableIsOneAddColumn() throws Exception {
    assertThat(sql(base(), new AddField(n("Product"), n("note"),
        Field.of(FieldType.TEXT).nullable(true).build()))).containsExactly(
        "ALTER TABLE \"shop_product\" ADD COLUMN \"note\" text NULL");
  }

  @Test void addFieldNullableForeignKeyAddsItsColumnWithReferencesAndItsIndex() throws Exception {
    assertThat(sql(base(), new AddField(n("Product"), n("maker"),
        foreignKey("shop.Tag").nullable(true).build()))).containsExactly(
        "ALTER TABLE \"shop_product\" ADD COLUMN \"maker_id\" bigint NULL REFERENCES \"shop_tag\""
            + " (\"id\") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED",
        "CREATE INDEX \"shop_product_maker_id_46862071\" ON \"shop_product\" (\"maker_id\")");
  }

  @Test void alterFieldRemakesTheTable() throws Exception {
    assertThat(sql(base(), new AlterField(n("Product"), n("name"), chars(200).build())))
        .containsExactly(
            "CREATE TABLE \"new__shop_product\" " + PRODUCT_COLUMNS.formatted(200),
            "INSERT INTO \"new__shop_product\" (\"id\", \"name\", \"price\", \"stock\","
                + " \"category_id\") SELECT \"id\", \"name\", \"price\", \"stock\", \"category_id\""
                + " FROM \"shop_product\"",
            "DELETE FROM sqlite_sequence WHERE name = ?",
            "INSERT INTO sqlite_sequence (name, seq) SELECT ?, seq FROM sqlite_sequence WHERE name = ?",
            "DROP TABLE \"shop_product\"",
            "ALTER TABLE \"new__shop_product\" RENAME TO \"shop_product\"",
            "CREATE INDEX \"shop_product_category_id_14d7eea8\" ON \"shop_product\" (\"category_id\")");
  }

  @Test void theRemakeNotesWhichTableItRemakes() throws Exception {
    List<SqlStatement> statements =
        statements(base(), new AlterField(n("Product"), n("name"), chars(200).build()));
    assertThat(statements.get(0).comment()).isEqualTo("(remake table shop_product)");
  }

  @Test void addFieldWithADefaultFillsTheRowsFromABoundValue() throws Exception {
    List<SqlStatement> statements = statements(base(),
        new AddField(n("Product"), n("weight"), integer().defaultValue(7).build()));
    SqlStatement copy = statements.get(1);
    assertThat(copy.sql()).isEqualTo("INSERT INTO \"new__shop_product\" (\"id\", \"name\","
        + " \"price\", \"stock\", \"category_id\", \"weight\") SELECT \"id\", \"name\", \"price\","
        + " \"stock\", \"category_id\", ? FROM \"shop_product\"");
    assertThat(copy.params()).containsExactly(7);
  }

  @Test void alterFieldToNotNullFillsNullsWithTheDefault() throws Exception {
    SqlStatement copy = statements(base(),
        new AlterField(n("Product"), n("stock"), integer().defaultValue(5).build())).get(1);
    assertThat(copy.sql()).contains("coalesce(\"stock\", ?)");
    assertThat(copy.params()).containsExactly(5);
  }

  @Test void renameFieldWithNothingNamedAfterItIsOneRenameColumn() throws Exception {
    assertThat(sql(base(), new RenameField(n("Product"), n("price"), n("cost")))).containsExactly(
        "ALTER TABLE \"shop_product\" RENAME COLUMN \"price\" TO \"cost\"");
  }

  @Test void renameFieldForeignKeyRemakesToRenameItsIndex() throws Exception {
    List<String> sql = sql(base(), new RenameField(n("Product"), n("category"), n("group")));
    assertThat(sql.get(0))
        .isEqualTo("ALTER TABLE \"shop_product\" RENAME COLUMN \"category_id\" TO \"group_id\"");
    assertThat(sql.get(2)).endsWith("\"group_id\") SELECT \"id\", \"name\", \"price\", \"stock\","
        + " \"group_id\" FROM \"shop_product\"");
    assertThat(sql).last().isEqualTo(
        "CREATE INDEX \"shop_product_group_id_3c3492a2\" ON \"shop_product\" (\"group_id\")");
  }

  @Test void renamingAPrimaryKeyIsOneRenameColumnWhichCarriesOtherTablesKeys() throws Exception {
    assertThat(sql(base(), new RenameField(n("Category"), n("id"), n("code")))).containsExactly(
        "ALTER TABLE \"shop_category\" RENAME COLUMN \"id\" TO \"code\"");
  }

  @Test void removeFieldRemakesWithoutTheColumn() throws Exception {
    List<String> sql = sql(base(), new RemoveField(n("Product"), n("stock")));
    assertThat(sql.get(1)).isEqualTo("INSERT INTO \"new__shop_product\" (\"id\", \"name\","
        + " \"price\", \"category_id\") SELECT \"id\", \"name\", \"price\", \"category_id\""
        + " FROM \"shop_product\"");
  }

  @Test void removeFieldManyToManyDropsTheJoinTableWithoutCascade() throws Exception {
    assertThat(sql(base(), new RemoveField(n("Product"), n("tags"))))
        .containsExactly("DROP TABLE \"shop_product_tags\"");
  }

  @Test void deleteModelDropsJoinTablesThenTheTable() throws Exception {
    assertThat(sql(base(), new DeleteModel(n("Product"))))
        .containsExactly("DROP TABLE \"shop_product_tags\"", "DROP TABLE \"shop_product\"");
  }

  @Test void alterModelTableRenamesThenRemakesForTheGeneratedNames() throws Exception {
    List<String> sql = sql(base(), new AlterModelTable(n("Product"), "item"));
    assertThat(sql.get(0)).isEqualTo("ALTER TABLE \"shop_product\" RENAME TO \"item\"");
    assertThat(sql).contains(
        "CREATE INDEX \"item_category_id_03b07192\" ON \"item\" (\"category_id\")",
        "ALTER TABLE \"shop_product_tags\" RENAME TO \"item_tags\"",
        "ALTER TABLE \"new__item_tags\" RENAME TO \"item_tags\"");
  }

  @Test void addUniqueConstraintIsAUniqueIndexAndRenameIndexMakesItAgain() throws Exception {
    assertThat(sql(base(), new AddConstraint(n("Product"),
        Constraint.unique("product_name_uniq", names("name"), null)))).containsExactly(
        "CREATE UNIQUE INDEX \"product_name_uniq\" ON \"shop_product\" (\"name\")");
    ProjectState indexed = new AddIndex(n("Product"),
        new Index("product_price", names("price"), false, null)).stateForwards("shop", base());
    assertThat(sql(indexed, new RenameIndex(n("Product"), "product_cost", "product_price")))
        .containsExactly("DROP INDEX \"product_price\"",
            "CREATE INDEX \"product_cost\" ON \"shop_product\" (\"price\")");
  }

  @Test void identifiersAndLiteralsAreQuoted() throws Exception {
    CreateModel odd = new CreateModel(n("Odd"), dev.cairn.testing.Models.fields(
        "id", id(), "select", chars(5)), new dev.cairn.operations.ModelOptions("it's \"odd\"", true, null),
        null, null);
    ProjectState s = odd.stateForwards("shop", ProjectState.empty());
    List<String> sql = sql(s, new AlterField(n("Odd"), n("select"), chars(9).build()));
    assertThat(sql).contains(
        "CREATE TABLE \"new__it's \"\"odd\"\"\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL,"
            + " \"select\" varchar(9) NOT NULL)",
        "DELETE FROM sqlite_sequence WHERE name = ?",
        "ALTER TABLE \"new__it's \"\"odd\"\"\" RENAME TO \"it's \"\"odd\"\"\"");
  }

  /** SQLite would read {@code "price"} as the string 'price': the editor refuses it instead. */
  @Test void aCheckOrConditionNamingAQuotedColumnTheTableLacksIsRefused() {
    assertThatThrownBy(() -> sql(base(), new AddConstraint(n("Product"),
        Constraint.check("price_gte_0", "\"cost\" >= 0"))))
        .isInstanceOf(dev.cairn.schema.UnsupportedSchemaChange.class)
        .hasMessageStartingWith("CheckConstraint 'price_gte_0' of model shop.Product names the"
            + " column \"cost\", which table shop_product does not have (its columns: id, name,"
            + " price, stock, category_id)");
    assertThatThrownBy(() -> sql(base(), new AddIndex(n("Product"),
        new Index("product_cheap", names("price"), false, "\"cheap\" = 1"))))
        .isInstanceOf(dev.cairn.schema.UnsupportedSchemaChange.class)
        .hasMessageStartingWith("the condition of 'product_cheap' of model shop.Product names the"
            + " column \"cheap\"");
  }

  /** As SQLite compares names, whatever their case; functions and collations are no columns. */
  @Test void aCheckNamingItsColumnsQuotedInAnyCaseIsKept() throws Exception {
    assertThat(sql(base(), new AddConstraint(n("Product"), Constraint.check("named",
        "\"PRICE\" >= 0 AND \"lower\"(\"name\") COLLATE \"NOCASE\" <> 'x'"))))
        .anyMatch(s -> s.contains("CHECK (\"PRICE\" >= 0"));
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static ProjectState beforeProduct() {
    return state(CATEGORY, TAG);
  }

  private static ProjectState base() {
    return state(CATEGORY, TAG, PRODUCT);
  }

  private static ProjectState state(Operation... ops) {
    ProjectState s = ProjectState.empty();
    for (Operation op : ops) s = op.stateForwards("shop", s);
    return s;
  }

  private static List<String> sql(ProjectState before, Operation op) throws SQLException {
    return statements(before, op).stream().map(SqlStatement::sql).toList();
  }

  private static List<SqlStatement> statements(ProjectState before, Operation op)
      throws SQLException {
    CollectingSink sink = new CollectingSink();
    op.databaseForwards(new SqliteDialect().schemaEditor(sink), "shop", before,
        op.stateForwards("shop", before));
    return sink.statements();
  }
}
