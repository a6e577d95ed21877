package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.autodetect.NeedsAnswer;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The prompt when input ends before an answer: exit code 3, and the flag that answers it. */
final class InteractiveQuestionerTest {
  private static final ModelKey PRODUCT = ModelKey.of("shop", "Product");
  private final StringWriter printed = new StringWriter();

  @Test void aRenameQuestionAtTheEndOfInputSaysInputEndedNotNoinput() {
    assertThatThrownBy(() -> closedInput().isFieldRenamed(PRODUCT, Name.of("title"),
        Name.of("name"), Field.of(FieldType.CHAR).maxLength(100).build()))
        .isInstanceOf(NeedsAnswer.class)
        .hasMessageContaining("Input ended before it was answered")
        .hasMessageContaining("--rename product.title=product.name")
        .hasMessageNotContaining("--noinput");
  }

  @Test void aModelRenameQuestionAtTheEndOfInputSaysInputEndedNotNoinput() {
    assertThatThrownBy(() -> closedInput().isModelRenamed(PRODUCT, ModelKey.of("shop", "Item")))
        .isInstanceOf(NeedsAnswer.class)
        .hasMessageContaining("Input ended before it was answered")
        .hasMessageNotContaining("--noinput");
  }

  @Test void aOneOffDefaultAtTheEndOfInputSaysInputEndedNotNoinput() {
    assertThatThrownBy(() -> closedInput().oneOffDefault(PRODUCT, Name.of("sku"),
        Field.of(FieldType.CHAR).maxLength(20).build()))
        .isInstanceOf(NeedsAnswer.class)
        .hasMessageContaining("Input ended before it was answered")
        .hasMessageContaining("--default product.sku=")
        .hasMessageNotContaining("--noinput");
  }

  @Test void anAnswerIsTaken() {
    InteractiveQuestioner q = new InteractiveQuestioner(
        new BufferedReader(new StringReader("y\n")), new PrintWriter(printed));
    assertThat(q.isModelRenamed(PRODUCT, ModelKey.of("shop", "Item"))).isTrue();
  }

  private InteractiveQuestioner closedInput() {
    return new InteractiveQuestioner(new BufferedReader(new StringReader("")),
        new PrintWriter(printed));
  }
}
