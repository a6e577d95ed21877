package dev.cairn.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class SuggestionsTest {
  @Test void suggestsTheClosestNameWithinTwoEdits() {
    assertThat(Suggestions.closest("DecimalFeild", List.of("CharField", "DecimalField")))
        .contains("DecimalField");
  }

  @Test void ignoresCase() {
    assertThat(Suggestions.closest("charfield", List.of("CharField"))).contains("CharField");
  }

  @Test void suggestsNothingWhenEverythingIsFar() {
    assertThat(Suggestions.closest("colour", List.of("model_name", "name"))).isEmpty();
    assertThat(Suggestions.hint("colour", List.of("model_name", "name")))
        .isEqualTo("expected one of: model_name, name");
  }
}
