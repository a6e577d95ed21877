package dev.cairn.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class LockWaitTest {
  @Test void readsANumberAndAUnit() {
    assertThat(LockWait.parse("30s").limit()).isEqualTo(Duration.ofSeconds(30));
    assertThat(LockWait.parse("10m").limit()).isEqualTo(Duration.ofMinutes(10));
    assertThat(LockWait.parse("1h").limit()).isEqualTo(Duration.ofHours(1));
    assertThat(LockWait.parse("500ms").limit()).isEqualTo(Duration.ofMillis(500));
    assertThat(LockWait.parse("0").limit()).isZero();
  }

  @Test void printsAsItReadsInTheLargestExactUnit() {
    assertThat(LockWait.DEFAULT).hasToString("10m");
    assertThat(LockWait.parse("120s")).hasToString("2m");
    assertThat(LockWait.parse("1500ms")).hasToString("1500ms");
    assertThat(LockWait.parse("0")).hasToString("0");
    assertThat(LockWait.FOREVER).hasToString("forever");
  }

  @Test void aValueWithoutAUnitIsRefusedSayingHowToWriteIt() {
    assertThatThrownBy(() -> LockWait.parse("10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'10' is not a duration: write a number and a unit, such as 30s, 10m or 1h"
            + " (ms, s, m, h), or 0 not to wait");
    assertThatThrownBy(() -> LockWait.parse("-5s")).isInstanceOf(IllegalArgumentException.class);
  }
}
