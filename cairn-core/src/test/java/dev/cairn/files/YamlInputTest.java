package dev.cairn.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.files.YamlNode.Mapping;
import dev.cairn.files.YamlNode.Scalar;
import dev.cairn.files.YamlNode.Sequence;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class YamlInputTest {
  private final YamlInput yaml = new YamlInput(Path.of("x.yaml"), InputException::new);

  @Test void mappingsKeepKeyOrderAndTheLinesOfKeysAndValues() {
    Mapping m = (Mapping) yaml.parse("# c\nz: 1\na:\n  - b\n  - {c: d}\nm: |\n  text\n");
    assertThat(m.entries().keySet()).containsExactly("z", "a", "m");
    assertThat(m.entries().get("a").line()).isEqualTo(3);
    Sequence a = (Sequence) m.get("a");
    assertThat(a.line()).isEqualTo(4);
    assertThat(a.items().get(1).line()).isEqualTo(5);
    assertThat(((Scalar) m.get("m")).value()).isEqualTo("text\n");
  }

  @Test void scalarsResolveAsYamlSaysButDecimalsKeepTheirDigits() {
    Mapping m = (Mapping) yaml.parse("a: 1.50\nb: yes\nc: ~\nd: '0'\ne: -3\nf: 12345678901\ng: .inf\n");
    assertThat(((Scalar) m.get("a")).value()).isEqualTo(new BigDecimal("1.50"));
    assertThat(((Scalar) m.get("b")).value()).isEqualTo(true);
    assertThat(((Scalar) m.get("c")).value()).isNull();
    assertThat(((Scalar) m.get("d")).value()).isEqualTo("0");
    assertThat(((Scalar) m.get("e")).value()).isEqualTo(-3);
    assertThat(((Scalar) m.get("f")).value()).isEqualTo(12345678901L);
    assertThat(((Scalar) m.get("g")).value()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test void anEmptyDocumentIsNull() {
    assertThat(yaml.parse("# only a comment\n")).isNull();
  }

  @Test void duplicateKeysNameBothLines() {
    var e = catchThrowableOfType(InputException.class, () -> yaml.parse("a: 1\nb: 2\na: 3\n"));
    assertThat(e.getMessage()).isEqualTo("x.yaml:3: duplicate key 'a' (first on line 1)\n"
        + "  remove one of them");
  }

  @Test void aTooLargeIntegerSaysSo() {
    Mapping m = (Mapping) yaml.parse("n: 12345678901\n");
    var e = catchThrowableOfType(InputException.class, () -> yaml.integer(m.get("n"), "'n'"));
    assertThat(e.problem()).isEqualTo("'n' is too large: 12345678901");
  }

  @Test void theFactoryChoosesTheExceptionType() {
    var migrations = new YamlInput(Path.of("m.yaml"), MigrationFileException::new);
    var e = catchThrowableOfType(MigrationFileException.class, () -> migrations.parse("a: [\n"));
    assertThat(e.path()).isEqualTo(Path.of("m.yaml"));
  }
}
