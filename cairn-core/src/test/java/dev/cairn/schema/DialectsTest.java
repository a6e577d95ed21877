package dev.cairn.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class DialectsTest {
  @Test void postgresqlUrlsGetThePostgresDialect() {
    assertThat(Dialects.forUrl("jdbc:postgresql://127.0.0.1:5432/shop").name()).isEqualTo("postgresql");
  }

  @Test void anUnknownUrlNamesTheSupportedOnes() {
    assertThatThrownBy(() -> Dialects.forUrl("jdbc:oracle:thin:@x"))
        .hasMessageContaining("jdbc:oracle:thin:@x").hasMessageContaining("jdbc:postgresql:");
  }

  @Test void aStringThatIsNoJdbcUrlIsRefused() {
    assertThatThrownBy(() -> Dialects.forUrl("postgres://x")).hasMessageContaining("not a JDBC URL");
  }
}
