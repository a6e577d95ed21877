package dev.cairn.dialect.h2;

import static dev.cairn.testing.Models.chars;
import static dev.cairn.testing.Models.createModel;
import static dev.cairn.testing.Models.decimal;
import static dev.cairn.testing.Models.id;
import static dev.cairn.testing.Models.integer;
import static dev.cairn.testing.Models.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.operations.AlterField;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.ProjectState;
import dev.cairn.testing.OperationHarness;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A type change on H2 keeps every value or fails with the value in place: H2's SET DATA TYPE
 * refuses a string too long, and Cairn's guard refuses what H2 would round or change.
 */
final class H2TypeChangeTest {
  private static final String TABLE = "SHOP_ITEM"; // unquoted names: H2 folds them to upper case
  private Connection connection;
  private OperationHarness h;
  private ProjectState state;

  @BeforeEach void open() throws Exception {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    connection = DriverManager.getConnection(url);
    h = new OperationHarness(new H2Dialect(url), connection, "shop");
    state = h.migrate(ProjectState.empty(), createModel("Item", "id", id(),
        "name", chars(20), "price", decimal(8, 2), "stock", integer().nullable(true),
        "note", Field.of(FieldType.TEXT).nullable(true)));
    h.execute("INSERT INTO shop_item (name, price, stock, note) VALUES"
        + " ('stationery', 1.25, 300, '{\"a\": 1}')");
  }

  @AfterEach void close() throws Exception {
    connection.close();
  }

  @Test void narrowingACharFieldBelowAValueFailsAndKeepsIt() {
    assertThatThrownBy(() -> h.forwards(state, alter("name", chars(4).build())))
        .hasMessageContaining("Value too long");
    assertValue("name", "stationery");
  }

  @Test void fewerDecimalPlacesThanAValueHasIsRefusedNamingTheColumn() {
    assertThatThrownBy(() -> h.forwards(state, alter("price", decimal(8, 1).build())))
        .hasMessageContaining("cannot change column \"PRICE\" of table \"" + TABLE
            + "\" to numeric(8, 1): some values would be rounded");
    assertValue("price", new BigDecimal("1.25"));
  }

  @Test void aNumberNoBooleanHoldsIsRefused() {
    assertThatThrownBy(() -> h.forwards(state, alter("stock",
        Field.of(FieldType.BOOLEAN).nullable(true).build())))
        .hasMessageContaining("cannot change column \"STOCK\"");
    assertValue("stock", 300);
  }

  @Test void textThatH2WouldTurnIntoAJsonStringIsRefused() {
    assertThatThrownBy(() -> h.forwards(state, alter("note",
        Field.of(FieldType.JSON).nullable(true).build())))
        .hasMessageContaining("cannot change column \"NOTE\"");
    assertValue("note", "{\"a\": 1}");
  }

  @Test void wideningKeepsEveryValueWithoutAGuard() throws Exception {
    AlterField wider = alter("price", decimal(10, 3).build());
    assertThat(h.sql(state, wider, false)).extracting(s -> s.sql()).containsExactly(
        "ALTER TABLE \"" + TABLE + "\" ALTER COLUMN \"PRICE\" SET DATA TYPE numeric(10, 3)");
    ProjectState after = h.forwards(state, wider);
    h.forwards(after, alter("stock", Field.of(FieldType.BIG_INTEGER).nullable(true).build()));
    assertValue("price", new BigDecimal("1.250"));
    assertValue("stock", 300L);
  }

  @Test void aChangeThatKeepsEveryValueRunsPastTheGuard() throws Exception {
    h.execute("UPDATE shop_item SET price = 1.2");
    h.forwards(state, alter("price", decimal(8, 1).build()));
    assertValue("price", new BigDecimal("1.2"));
  }

  private static AlterField alter(String field, Field to) {
    return new AlterField(n("Item"), n(field), to);
  }

  private void assertValue(String column, Object expected) {
    try {
      assertThat(h.rows("SELECT " + column + " FROM shop_item"))
          .containsExactly(List.of(expected));
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }
}
