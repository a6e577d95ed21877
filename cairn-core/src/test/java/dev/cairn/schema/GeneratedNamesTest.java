package dev.cairn.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The expected names are Django's, from its _create_index_name and names_digest. */
final class GeneratedNamesTest {
  @Test void theNamesAreDjangosForEachKindOfObject() {
    assertThat(GeneratedNames.index("shop_product", "category_id"))
        .isEqualTo("shop_product_category_id_14d7eea8");
    assertThat(GeneratedNames.foreignKey("shop_product", "category_id", "shop_category", "id"))
        .isEqualTo("shop_product_category_id_14d7eea8_fk_shop_category_id");
    assertThat(GeneratedNames.unique("shop_product", "name")).isEqualTo("shop_product_name_b8d5e94c_uniq");
    assertThat(GeneratedNames.unique("shop_product_tags", List.of("product_id", "tag_id")))
        .isEqualTo("shop_product_tags_product_id_tag_id_a244154e_uniq");
  }

  @Test void aLongNameIsShortenedAsDjangoShortensIt() {
    // Django's own: the key of auth_permission to django_content_type.
    assertThat(GeneratedNames.foreignKey("auth_permission", "content_type_id",
        "django_content_type", "id")).isEqualTo("auth_permission_content_type_id_2f476e4b_fk_django_co");
    assertThat(GeneratedNames.of("t".repeat(80), List.of("c".repeat(40)), "_fk"))
        .isEqualTo("t".repeat(25) + "_" + "c".repeat(25) + "_cf80535f_fk");
  }

  @Test void aShortenedNameIsAtMost63BytesAndCutsNoCharacter() {
    String name = GeneratedNames.index("shop_" + "é".repeat(40), "prix");
    assertThat(name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
    assertThat(name).startsWith("shop_ééé").doesNotContain("\uFFFD");
  }
}
