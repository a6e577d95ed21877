package dev.cairn.dialect.h2;

import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.createModel;
import static dev.cairn.testing.Models.decimal;
import static dev.cairn.testing.Models.fields;
import static dev.cairn.testing.Models.foreignKey;
import static dev.cairn.testing.Models.id;
import static dev.cairn.testing.Models.integer;
import static dev.cairn.testing.Models.n;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.connect.Database;
import dev.cairn.operations.CreateModel;
import dev.cairn.operations.ModelOptions;
import dev.cairn.schema.Feature;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.ProjectState;
import dev.cairn.testing.OperationHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

final class H2DialectTest {
  private static final CreateModel CATEGORY =
      createModel("Category", "id", id(), "name", chars(50).unique(true));
  private static final CreateModel EVERYTHING = new CreateModel(n("Everything"), fields(
      "id", Field.of(FieldType.AUTO).primaryKey(true),
      "char", chars(20),
      "text", Field.of(FieldType.TEXT),
      "int", integer(),
      "big", Field.of(FieldType.BIG_INTEGER),
      "small", Field.of(FieldType.SMALL_INTEGER),
      "pos", Field.of(FieldType.POSITIVE_INTEGER),
      "flag", Field.of(FieldType.BOOLEAN).dbDefault("TRUE"),
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
      "category", foreignKey("shop.Category")),
      new ModelOptions(null, true, "all the types"), List.of(),
      List.of(Constraint.check("everything_int_gte_0", "int >= 0")));

  @Test void everyFieldTypeIsReadBackAsItWasWritten() throws Exception {
    try (Database db = open("")) {
      OperationHarness h = new OperationHarness(db.dialect(), db.connection(), "shop");
      ProjectState state = h.migrate(ProjectState.empty(), CATEGORY, EVERYTHING);
      h.assertSchemaInOrder(state);
      assertThat(h.introspect().tables().get("shop_everything").column("moment").orElseThrow()
          .type()).isEqualTo("timestamp(6) with time zone");
    }
  }

  @Test void namesAreWrittenInUpperCaseAsH2ReadsUnquotedNames() throws Exception {
    try (Database db = open("")) {
      new OperationHarness(db.dialect(), db.connection(), "shop").migrate(ProjectState.empty(),
          CATEGORY);
      assertThat(tables(db)).containsExactly("SHOP_CATEGORY");
      try (var s = db.connection().createStatement()) {
        s.execute("INSERT INTO shop_category (name) VALUES ('ink')"); // unquoted, as RunSQL is
      }
    }
  }

  @Test void aDatabaseThatFoldsToLowerCaseKeepsTheNamesAsTheyAre() throws Exception {
    try (Database db = open(";DATABASE_TO_LOWER=TRUE")) {
      OperationHarness h = new OperationHarness(db.dialect(), db.connection(), "shop");
      ProjectState state = h.migrate(ProjectState.empty(), CATEGORY);
      assertThat(tables(db)).containsExactly("shop_category");
      h.assertSchemaInOrder(state);
    }
  }

  @Test void withoutADatabaseTheUrlsSettingsDecideTheCase() {
    assertThat(new H2Dialect("jdbc:h2:file:./db").quote("shop_product"))
        .isEqualTo("\"SHOP_PRODUCT\"");
    assertThat(new H2Dialect("jdbc:h2:file:./db;database_to_lower=true").quote("shop_product"))
        .isEqualTo("\"shop_product\"");
    assertThat(new H2Dialect("jdbc:h2:file:./db;DATABASE_TO_UPPER=FALSE").quote("Shop"))
        .isEqualTo("\"Shop\"");
  }

  @Test void ddlCommitsSoMigrationsAreNotAtomic() throws Exception {
    try (Database db = open("")) {
      assertThat(db.dialect().version().major()).isEqualTo(2);
      assertThat(db.dialect().features().has(Feature.TRANSACTIONAL_DDL)).isFalse();
      assertThat(db.dialect().features().has(Feature.PARTIAL_INDEXES)).isFalse();
      assertThat(db.dialect().features().has(Feature.DEFERRABLE_CONSTRAINTS)).isFalse();
      assertThat(db.dialect().features().has(Feature.RENAME_COLUMN)).isTrue();
    }
  }

  private static Database open(String settings) throws Exception {
    return Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + settings);
  }

  private static List<String> tables(Database db) throws Exception {
    List<String> tables = new ArrayList<>();
    try (var rs = db.connection().getMetaData().getTables(null, db.connection().getSchema(), "%",
        new String[] {"BASE TABLE"})) {
      while (rs.next()) tables.add(rs.getString("TABLE_NAME"));
    }
    return tables;
  }
}
