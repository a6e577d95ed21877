package dev.cairn.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class GeneratedNamesTest {
  @Test void aNameDependsOnlyOnTableColumnsAndSuffix() {
    String a = GeneratedNames.of("shop_product", List.of("name"), "uniq", 63);
    assertThat(a).startsWith("shop_product_name_").endsWith("_uniq").hasSize(31);
    assertThat(GeneratedNames.of("shop_product", List.of("name"), "uniq", 63)).isEqualTo(a);
    assertThat(GeneratedNames.of("shop_item", List.of("name"), "uniq", 63)).isNotEqualTo(a);
  }

  @Test void aLongNameIsCutToTheLimitButKeepsItsHashAndSuffix() {
    String name = GeneratedNames.of("t".repeat(80), List.of("c".repeat(40)), "fk", 63);
    assertThat(name).hasSize(63).endsWith("_fk");
    assertThat(GeneratedNames.of("t".repeat(80), List.of("d".repeat(40)), "fk", 63))
        .isNotEqualTo(name);
  }
}
