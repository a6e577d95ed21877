package dev.cairn.operations;

import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.fields;
import static dev.cairn.testing.Models.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.schema.ConnectionSink;
import dev.cairn.schema.ExpectedSchema;
import dev.cairn.schema.Feature;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.ProjectState;
import dev.cairn.testing.LowercaseTagNames;
import dev.cairn.testing.TableRows;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RunSQL, RunJava and SeparateDatabaseAndState, whose SQL is written here with the dialect's types
 * and quotes, and what a failed migration leaves.
 */
interface RawOperationsContract extends OperationsFixture {

  @Test default void runSqlGoesBackWithReverseSqlAndTellsTheStateWhatItDid() throws Exception {
    Field note = Field.of(FieldType.TEXT).nullable(true).build();
    RunSQL sql = new RunSQL(
        List.of(shop().sql("ALTER TABLE {shop_product} ADD COLUMN {note} ")
            + dialect().columnType(note) + " NULL"),
        List.of(shop().sql("ALTER TABLE {shop_product} DROP COLUMN {note}")),
        List.of(new AddField(n("Product"), n("note"), note)), false);
    ProjectState before = shop().base();
    shop().insertProducts();
    TableRows rows = TableRows.read(h());
    h().forwards(before, sql);
    shop().execute("UPDATE {shop_product} SET {note} = 'new'");
    h().backwards(before, sql);
    assertThat(TableRows.read(h())).isEqualTo(rows);
  }

  @Test default void irreversibleRunSqlRefusesToGoBack() throws Exception {
    ProjectState before = shop().base();
    RunSQL sql = new RunSQL(List.of(shop().sql("INSERT INTO {shop_tag} ({name}) VALUES ('x')")),
        null, null, false);
    h().forwards(before, sql);
    assertThat(sql.isReversible()).isFalse();
    assertThatThrownBy(() -> h().backwards(before, sql)).isInstanceOf(IrreversibleOperation.class);
    assertThat(shop().strings("SELECT {name} FROM {shop_tag}")).containsExactly("x");
  }

  @Test default void runJavaRunsItsCodeBothWays() throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    RunJava java = new RunJava(LowercaseTagNames.class.getName(),
        LowercaseTagNames.Reverse.class.getName(), false);
    shop().execute("UPDATE {shop_tag} SET {name} = 'Blue' WHERE {name} = 'blue'");
    h().forwards(before, java);
    assertThat(shop().strings("SELECT {name} FROM {shop_tag} ORDER BY {id}"))
        .containsExactly("blue", "red");
    h().backwards(before, java);
    assertThat(shop().strings("SELECT {name} FROM {shop_tag} ORDER BY {id}"))
        .containsExactly("BLUE", "RED");
  }

  @Test default void separateDatabaseAndStateRunsOneAndRecordsTheOther() throws Exception {
    Field key = Field.of(FieldType.BIG_INTEGER).primaryKey(true).build();
    SeparateDatabaseAndState op = new SeparateDatabaseAndState(
        List.of(new RunSQL(List.of(shop().sql("CREATE TABLE {legacy} ({id} ")
            + dialect().columnType(key) + " PRIMARY KEY NOT NULL)"),
            List.of(shop().sql("DROP TABLE {legacy}")), null, false)),
        List.of(new CreateModel(n("Legacy"), fields("id", key),
            new ModelOptions("legacy", true, null), null, null)));
    h().roundTrip(shop().base(), op);
  }

  /** RenameJoinTable, as makemigrations writes it when a many-to-many gets a through model. */
  @Test default void aThroughModelTakesOverTheJoinTableWithItsPairs() throws Exception {
    ProjectState before = shop().base();
    shop().insertProducts();
    String pairs = "SELECT {product_id}, {tag_id} FROM {%s} ORDER BY {id}";
    List<List<String>> kept = shop().rows(pairs.formatted("shop_product_tags"));
    assertThat(kept).hasSize(2);
    SeparateDatabaseAndState adopt = OperationCases.throughModelTakesOverTheTags();
    h().forwards(before, adopt);
    assertThat(shop().rows(pairs.formatted("shop_producttag"))).isEqualTo(kept);
    h().backwards(before, adopt);
    assertThat(shop().rows(pairs.formatted("shop_product_tags"))).isEqualTo(kept);
  }

  @Test default void aFailureInTheMiddleLeavesNoSchemaChange() throws Exception {
    assumeFeature(Feature.TRANSACTIONAL_DDL);
    ProjectState before = shop().base();
    AddField note = new AddField(n("Product"), n("note"),
        Field.of(FieldType.TEXT).nullable(true).build());
    AddField code = new AddField(n("Product"), n("code"), chars(10).defaultValue("x").build());
    RunSQL broken = new RunSQL(List.of("THIS IS NOT SQL"), List.of(), null, false);
    ProjectState withNote = note.stateForwards("shop", before);
    ProjectState withCode = code.stateForwards("shop", withNote);
    assertThatThrownBy(() -> h().inTransaction(c -> {
      var editor = dialect().schemaEditor(new ConnectionSink(c));
      note.databaseForwards(editor, "shop", before, withNote);
      code.databaseForwards(editor, "shop", withNote, withCode);
      broken.databaseForwards(editor, "shop", withCode, withCode);
    })).isInstanceOf(SQLException.class);
    assertThat(h().introspect()).isEqualTo(ExpectedSchema.of(before, dialect()));
  }
}
