package dev.cairn.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

final class SqlLiteralsTest {
  @Test void aQuoteInsideAStringIsDoubledSoItCannotEndTheLiteral() {
    assertThat(SqlLiterals.render("it's'); DROP TABLE x; --"))
        .isEqualTo("'it''s''); DROP TABLE x; --'");
  }

  @Test void numbersAndBooleansAreWrittenAsTheyAre() {
    assertThat(SqlLiterals.render(0)).isEqualTo("0");
    assertThat(SqlLiterals.render(-12L)).isEqualTo("-12");
    assertThat(SqlLiterals.render(new BigDecimal("1.50"))).isEqualTo("1.50");
    assertThat(SqlLiterals.render(true)).isEqualTo("TRUE");
  }

  @Test void aNulCharacterIsRefused() {
    assertThatThrownBy(() -> SqlLiterals.render("a\0b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test void anythingElseIsRefused() {
    assertThatThrownBy(() -> SqlLiterals.render(new Object()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
