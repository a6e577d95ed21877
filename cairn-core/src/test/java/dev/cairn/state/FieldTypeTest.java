package dev.cairn.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class FieldTypeTest {
  @Test void theArticleFollowsHowTheNameIsSaid() {
    assertThat(FieldType.INTEGER.withArticle()).isEqualTo("an IntegerField");
    assertThat(FieldType.AUTO.withArticle()).isEqualTo("an AutoField");
    assertThat(FieldType.EMAIL.withArticle()).isEqualTo("an EmailField");
    assertThat(FieldType.CHAR.withArticle()).isEqualTo("a CharField");
    // Said "won" and "you": a consonant sound.
    assertThat(FieldType.ONE_TO_ONE.withArticle()).isEqualTo("a OneToOneField");
    assertThat(FieldType.UUID.withArticle()).isEqualTo("a UUIDField");
    assertThat(FieldType.URL.withArticle()).isEqualTo("a URLField");
  }
}
