package dev.cairn.dialect.h2;

import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.createModel;
import static dev.cairn.testing.Models.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.connect.Database;
import dev.cairn.operations.CreateModel;
import dev.cairn.schema.Feature;
import dev.cairn.state.ProjectState;
import dev.cairn.testing.OperationHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the contracts do not say about H2: the case of names, and its features. */
final class H2DialectTest {
  private static final CreateModel CATEGORY =
      createModel("Category", "id", id(), "name", chars(50).unique(true));

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
