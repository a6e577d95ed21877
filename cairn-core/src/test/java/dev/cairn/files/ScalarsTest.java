package dev.cairn.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.files.YamlNode.Mapping;
import dev.cairn.files.YamlNode.Scalar;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class ScalarsTest {
  private static final String ALPHABET = "ab -:#,[]{}'\"|>?!&*%@`\\\n\t.+~=<0123yesnull é😀\u00a0\u2028\r";

  private final YamlInput yaml = new YamlInput(Path.of("t.yaml"), InputException::new);

  @Test void plainStringsStayUnquoted() {
    assertThat(Scalars.string("shop.Category", true)).isEqualTo("shop.Category");
    assertThat(Scalars.string("price >= 0", true)).isEqualTo("price >= 0");
    assertThat(Scalars.string("SELECT a, b FROM t", false)).isEqualTo("SELECT a, b FROM t");
  }

  @Test void stringsThatWouldReadAsSomethingElseAreQuoted() {
    assertThat(Scalars.string("yes", false)).isEqualTo("\"yes\"");
    assertThat(Scalars.string("0", false)).isEqualTo("\"0\"");
    assertThat(Scalars.string("a: b", false)).isEqualTo("\"a: b\"");
    assertThat(Scalars.string("a, b", true)).isEqualTo("\"a, b\"");
    assertThat(Scalars.string("say \"hi\"\n", false)).isEqualTo("\"say \\\"hi\\\"\\n\"");
  }

  @Test void numbersKeepTheirDigits() {
    assertThat(Scalars.scalar(new BigDecimal("1.50"), true)).isEqualTo("1.50");
    assertThat(Scalars.scalar(-3, true)).isEqualTo("-3");
    assertThat(Scalars.scalar(2.0, true)).isEqualTo("2.0");
  }

  @Test void randomStringsReadBackTheSameInBlockAndFlowContext() {
    Random random = new Random(7);
    for (int i = 0; i < 10000; i++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        int at = random.nextInt(ALPHABET.length());
        char c = ALPHABET.charAt(at);
        if (Character.isHighSurrogate(c)) sb.append(c).append(ALPHABET.charAt(at + 1));
        else if (!Character.isLowSurrogate(c)) sb.append(c);
      }
      String s = sb.toString();
      String block = "k:" + Scalars.blockValue(s, 2) + "\n";
      String flow = "k: {v: " + Scalars.string(s, true) + "}\n";
      assertThat(value((Mapping) yaml.parse(block))).as(block).isEqualTo(s);
      assertThat(value((Mapping) ((Mapping) yaml.parse(flow)).get("k"), "v")).as(flow).isEqualTo(s);
    }
  }

  private static Object value(Mapping m) {
    return value(m, "k");
  }

  private static Object value(Mapping m, String key) {
    return ((Scalar) m.get(key)).value();
  }
}
