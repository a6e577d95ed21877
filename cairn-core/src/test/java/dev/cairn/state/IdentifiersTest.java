package dev.cairn.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class IdentifiersTest {
  @Test void aNameThatFitsIsKept() {
    String name = "shop_averyveryverylongmodelnamethatgoesonandonalphaalphaalpha";
    assertThat(Identifiers.truncate(name)).isEqualTo(name);
  }

  @Test void aLongNameIsCutWithAHashAsDjangosTruncateNameDoes() {
    // hashlib.md5(name.encode()).hexdigest()[:4], as django.db.backends.utils.truncate_name
    assertThat(Identifiers.truncate("shop_" + "x".repeat(60) + "_one"))
        .isEqualTo("shop_" + "x".repeat(54) + "eda7").hasSize(63);
    assertThat(Identifiers.truncate("shop_" + "x".repeat(60) + "_two"))
        .isEqualTo("shop_" + "x".repeat(54) + "15ae");
  }

  @Test void theLimitIsInUtf8BytesAndACutNeverSplitsACharacter() {
    assertThat(Identifiers.truncate("shop_" + "é".repeat(40)))
        .isEqualTo("shop_" + "é".repeat(27) + "702b");
    String exactly63Bytes = "shop_" + "x".repeat(53) + "é" + "abc";
    assertThat(Identifiers.truncate(exactly63Bytes)).isEqualTo(exactly63Bytes);
    assertThat(Identifiers.fits("shop_" + "x".repeat(58) + "é")).isFalse();
  }

  @Test void theDefaultTableOfALongModelNameIsTruncatedToo() {
    ModelState model = ModelState.of("shop", "X".repeat(60) + "_one",
        Map.of(Name.of("id"), Field.of(FieldType.BIG_AUTO).primaryKey(true).build()));
    assertThat(model.table()).isEqualTo("shop_" + "x".repeat(54) + "eda7");
    assertThat(model.withDbTable("shop_" + "y".repeat(70)).table()).hasSize(75);
  }
}
