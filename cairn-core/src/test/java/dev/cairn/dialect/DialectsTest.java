package dev.cairn.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

final class DialectsTest {
  @Test void postgresqlUrlsGetThePostgresDialect() {
    assertThat(Dialects.forUrl("jdbc:postgresql://127.0.0.1:5432/shop").name()).isEqualTo("postgresql");
  }

  @Test void sqliteUrlsGetTheSqliteDialect() {
    assertThat(Dialects.forUrl("jdbc:sqlite:db.sqlite3").name()).isEqualTo("sqlite");
  }

  @Test void h2UrlsGetTheH2DialectInMemoryAndInAFile() {
    assertThat(Dialects.forUrl("jdbc:h2:mem:test").name()).isEqualTo("h2");
    assertThat(Dialects.forUrl("jdbc:h2:file:./db").name()).isEqualTo("h2");
  }

  @Test void anH2ConnectionReportsAProductNameThatPicksTheH2Dialect() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:")) {
      assertThat(Dialects.forProductName(c.getMetaData().getDatabaseProductName()).name())
          .isEqualTo("h2");
    }
  }

  @Test void anUnknownUrlNamesTheSupportedOnes() {
    assertThatThrownBy(() -> Dialects.forUrl("jdbc:oracle:thin:@x"))
        .hasMessageContaining("jdbc:oracle:thin:@x").hasMessageContaining("jdbc:postgresql:")
        .hasMessageContaining("jdbc:sqlite:").hasMessageContaining("jdbc:h2:");
  }

  @Test void aStringThatIsNoJdbcUrlIsRefused() {
    assertThatThrownBy(() -> Dialects.forUrl("postgres://x")).hasMessageContaining("not a JDBC URL");
  }

  @Test void theProductNameALiveConnectionReportsPicksItsDialect() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      assertThat(Dialects.forProductName(c.getMetaData().getDatabaseProductName()).name())
          .isEqualTo("sqlite");
    }
    assertThat(Dialects.forProductName("PostgreSQL").name()).isEqualTo("postgresql");
  }

  @Test void anUnknownProductNameNamesTheSupportedOnes() {
    assertThatThrownBy(() -> Dialects.forProductName("Oracle"))
        .hasMessageContaining("'Oracle'").hasMessageContaining("postgresql, sqlite");
  }
}
