package dev.cairn.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.files.MigrationReader;
import dev.cairn.files.MigrationWriter;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.Index;
import dev.cairn.state.Name;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The list of operations is {@link Operation}'s {@code permits} and {@link Operations}: a new
 * operation that is not registered, has no example here, or writes arguments its kind does not
 * list fails these tests before it can reach a file.
 */
final class OperationsTest {
  private static final Index INDEX = new Index("p_name_uidx", List.of(Name.of("name")), true,
      "name IS NOT NULL");
  private static final Constraint CHECK = Constraint.check("p_id_gte_0", "id >= 0");
  private static final RenameJoinTable RENAME_JOIN_TABLE = new RenameJoinTable(Name.of("product"),
      Name.of("tags"), "shop_product_tags", "shop_link", List.of("id", "product_id", "tag_id"),
      List.of("id", "item", "tag_id"));

  /** One operation of each kind, with every argument it takes set to something not default. */
  private static final List<Operation> EVERY_ARGUMENT = List.of(
      new CreateModel(Name.of("Product"), fields(), new ModelOptions("shop_items", false, "Items"),
          List.of(INDEX), List.of(CHECK)),
      new DeleteModel(Name.of("Old")),
      new RenameModel(Name.of("Item"), Name.of("Article")),
      new AlterModelTable(Name.of("Article"), "shop_articles"),
      new AddField(Name.of("product"), Name.of("stock"),
          Field.of(FieldType.INTEGER).defaultValue(0).build(), false),
      new RemoveField(Name.of("product"), Name.of("stock")),
      new AlterField(Name.of("product"), Name.of("name"),
          Field.of(FieldType.CHAR).maxLength(200).defaultValue("x").build(), false),
      new RenameField(Name.of("product"), Name.of("name"), Name.of("title")),
      new AddIndex(Name.of("product"), INDEX),
      new RemoveIndex(Name.of("product"), "p_name_idx"),
      new RenameIndex(Name.of("product"), "new_idx", "old_idx"),
      new AddConstraint(Name.of("product"), CHECK),
      new RemoveConstraint(Name.of("product"), "p_id_gte_0"),
      new RunSQL(List.of("UPDATE product SET stock = 0", "SELECT 1"), List.of("SELECT 2"),
          List.of(new DeleteModel(Name.of("X"))), true),
      new RunJava("com.example.Backfill", "com.example.Unfill", true),
      RENAME_JOIN_TABLE,
      new SeparateDatabaseAndState(List.of(RENAME_JOIN_TABLE),
          List.of(new AlterField(Name.of("product"), Name.of("tags"),
              Field.of(FieldType.MANY_TO_MANY).to("shop.Tag").through("shop.Link").build()))));

  @Test void everyPermittedOperationIsRegistered() {
    Set<Class<?>> permitted = Set.of(Operation.class.getPermittedSubclasses());
    assertThat(Operations.all().stream().map(Operations.Kind::type).collect(Collectors.toSet()))
        .isEqualTo(permitted);
  }

  @Test void filesNameEachOperationAfterItsRecordAsDjangoNamesItsClass() {
    for (Operations.Kind kind : Operations.all()) {
      assertThat(kind.name()).isEqualTo(kind.type().getSimpleName());
      assertThat(Operations.named(kind.name())).contains(kind);
    }
  }

  @Test void everyKindHasAnExampleWithEveryArgument() {
    assertThat(EVERY_ARGUMENT.stream().map(Object::getClass).collect(Collectors.toSet()))
        .isEqualTo(Set.of(Operation.class.getPermittedSubclasses()));
  }

  @Test void anOperationWritesTheArgumentsItsKindListsInTheirOrder() {
    for (Operation op : EVERY_ARGUMENT) {
      List<String> written = new ArrayList<>();
      op.writeArguments(keysTo(written));
      assertThat(written).as(op.describe()).isEqualTo(Operations.of(op).arguments());
    }
  }

  @Test void anOperationLeavesOutArgumentsAtTheirDefault() {
    List<String> written = new ArrayList<>();
    new AddField(Name.of("product"), Name.of("stock"), Field.of(FieldType.INTEGER).build())
        .writeArguments(keysTo(written));
    assertThat(written).containsExactly("model_name", "name", "field");
  }

  @Test void everyOperationRoundTripsThroughAFileByteForByte() {
    // RenameJoinTable is read only among database_operations, where the last example holds it.
    List<Operation> ops = EVERY_ARGUMENT.stream().filter(op -> op != RENAME_JOIN_TABLE).toList();
    Migration m = new Migration(new MigrationKey("shop", "0002_x"), List.of(), ops, null, null,
        false, true, null, null, null);
    MigrationWriter writer = new MigrationWriter();
    String text = writer.write(m);
    Migration back = new MigrationReader().read(text, Path.of("migrations/shop/0002_x.yaml"), "shop");
    assertThat(back.operations()).as(text).isEqualTo(ops);
    assertThat(writer.write(back)).isEqualTo(text);
  }

  @Test void anUnregisteredNameHasNoKind() {
    assertThat(Operations.named("AddFeild")).isEmpty();
    assertThat(Operations.named("addfield")).isEmpty();
  }

  @Test void schemaObjectsReadAsTheMergerNamesThem() {
    assertThat(new RenameField(Name.of("Product"), Name.of("Name"), Name.of("Title")).changedObjects())
        .hasToString("[field product.name, field product.title]");
    assertThat(new RemoveIndex(Name.of("product"), "P_Idx").changedObjects())
        .hasToString("[index p_idx]");
  }

  @Test void separateDatabaseAndStateIsNamedAndMergedForItsStateOperations() {
    Operation sdas = EVERY_ARGUMENT.get(EVERY_ARGUMENT.size() - 1);
    assertThat(sdas.nameFragment()).isEqualTo("alter_product_tags");
    assertThat(sdas.changedObjects()).containsExactly(
        SchemaObject.field(Name.of("product"), Name.of("tags")));
    assertThat(sdas.createdObjects()).isEmpty();
  }

  private static Map<Name, Field> fields() {
    Map<Name, Field> fields = new LinkedHashMap<>();
    fields.put(Name.of("id"), Field.of(FieldType.BIG_AUTO).primaryKey(true).build());
    fields.put(Name.of("name"), Field.of(FieldType.CHAR).maxLength(100).build());
    return fields;
  }

  /** An argument writer that records only the keys, in order. */
  private static ArgumentWriter keysTo(List<String> keys) {
    return new ArgumentWriter() {
      @Override public void value(String key, Object value) {
        if (value != null) keys.add(key);
      }

      @Override public void field(String key, Field field) { keys.add(key); }

      @Override public void fields(String key, Map<Name, Field> fields) { keys.add(key); }

      @Override public void options(String key, ModelOptions options) { keys.add(key); }

      @Override public void index(String key, Index index) { keys.add(key); }

      @Override public void indexes(String key, List<Index> indexes) { keys.add(key); }

      @Override public void constraint(String key, Constraint constraint) { keys.add(key); }

      @Override public void constraints(String key, List<Constraint> constraints) { keys.add(key); }

      @Override public void statements(String key, List<String> sql) { keys.add(key); }

      @Override public void strings(String key, List<String> values) { keys.add(key); }

      @Override public void operations(String key, List<Operation> operations) { keys.add(key); }
    };
  }
}
