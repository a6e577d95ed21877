package dev.cairn.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.dialect.postgres.PostgresDialect;
import dev.cairn.dialect.sqlite.SqliteDialect;
import dev.cairn.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServerVersionTest {
  @RegisterExtension static final PostgresTestDatabase postgres = new PostgresTestDatabase();

  @Test void readsTheVersionFromWhatDriversReport() {
    assertThat(ServerVersion.parse("postgresql", "16.4 (Debian 16.4-1.pgdg120+1)"))
        .isEqualTo(new ServerVersion("postgresql", 16, 4, 0));
    assertThat(ServerVersion.parse("mariadb", "10.11.6-MariaDB-0+deb12u1"))
        .isEqualTo(new ServerVersion("mariadb", 10, 11, 6));
    assertThat(ServerVersion.parse("h2", "2.3.232 (2024-08-11)"))
        .isEqualTo(new ServerVersion("h2", 2, 3, 232));
    assertThatThrownBy(() -> ServerVersion.parse("x", "unknown"))
        .hasMessageContaining("'unknown'");
  }

  @Test void comparesMajorThenMinorThenPatch() {
    ServerVersion v = new ServerVersion("mysql", 8, 0, 29);
    assertThat(v.atLeast(8, 0, 29)).isTrue();
    assertThat(v.atLeast(8, 0, 30)).isFalse();
    assertThat(v.atLeast(5, 7)).isTrue();
    assertThat(v.atLeast(8, 1)).isFalse();
  }

  @Test void aConnectedDialectKnowsItsServersVersion() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      Dialect sqlite = new SqliteDialect().connectedTo(c);
      assertThat(sqlite.version().product()).isEqualTo("sqlite");
      assertThat(sqlite.version().atLeast(3, 35)).isTrue();
      assertThat(sqlite.features().has(Feature.RENAME_COLUMN)).isTrue();
    }
    try (Connection c = postgres.connect()) {
      Dialect pg = new PostgresDialect().connectedTo(c);
      assertThat(pg.version().major()).isEqualTo(c.getMetaData().getDatabaseMajorVersion());
      assertThat(pg.features().has(Feature.TRANSACTIONAL_DDL)).isTrue();
    }
  }

  @Test void featuresAreComputedFromTheVersion() {
    assertThat(new PostgresDialect(new ServerVersion("postgresql", 10, 0, 0)).features()
        .has(Feature.INSTANT_ADD_COLUMN)).isFalse();
    assertThat(new PostgresDialect(new ServerVersion("postgresql", 11, 0, 0)).features()
        .has(Feature.INSTANT_ADD_COLUMN)).isTrue();
    assertThat(new SqliteDialect(new ServerVersion("sqlite", 3, 24, 0)).features()
        .has(Feature.RENAME_COLUMN)).isFalse();
  }
}
