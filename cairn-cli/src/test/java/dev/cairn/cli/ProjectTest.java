package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which database a project connects to: --database, then CAIRN_DATABASE_URL, then cairn.yaml. */
final class ProjectTest {
  @Test void theOptionComesBeforeTheEnvironmentAndTheFile() {
    assertThat(Project.DatabaseUrl.choose("jdbc:sqlite:a", "jdbc:sqlite:b", "jdbc:sqlite:c").get())
        .isEqualTo("jdbc:sqlite:a");
    assertThat(Project.DatabaseUrl.choose(null, "jdbc:sqlite:b", "jdbc:sqlite:c").get())
        .isEqualTo("jdbc:sqlite:b");
    assertThat(Project.DatabaseUrl.choose(null, null, "jdbc:sqlite:c").get())
        .isEqualTo("jdbc:sqlite:c");
  }

  @Test void anEmptyEnvironmentVariableIsAnErrorNotTheFileOrADefault() {
    assertThatThrownBy(() -> Project.DatabaseUrl.choose(null, "", "jdbc:sqlite:c").get())
        .isInstanceOf(CliException.class)
        .hasMessageContaining("CAIRN_DATABASE_URL is set but empty")
        .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(2));
    assertThatThrownBy(() -> Project.DatabaseUrl.choose(null, "  ", null).get())
        .hasMessageContaining("CAIRN_DATABASE_URL is set but empty");
  }

  @Test void anEmptyOptionIsAnError() {
    assertThatThrownBy(() -> Project.DatabaseUrl.choose("", "jdbc:sqlite:b", "jdbc:sqlite:c").get())
        .hasMessageContaining("--database is empty");
  }

  @Test void noUrlAnywhereSaysTheThreeWaysToGiveOne() {
    assertThatThrownBy(() -> Project.DatabaseUrl.choose(null, null, null).get())
        .hasMessageContaining("no database URL given")
        .hasMessageContaining("'database:' in cairn.yaml")
        .hasMessageContaining("--database <jdbc-url>")
        .hasMessageContaining("CAIRN_DATABASE_URL");
  }

  @Test void aSqliteUrlWithoutAPathIsRefusedNotAnInMemoryDatabase() {
    for (String url : new String[] {"jdbc:sqlite:", "jdbc:sqlite:?journal_mode=WAL", "jdbc:sqlite:file:",
        "jdbc:sqlite:file:?mode=rwc"}) {
      assertThatThrownBy(() -> Project.DatabaseUrl.choose(null, url, null).check(true))
          .as(url).isInstanceOf(CliException.class)
          .hasMessageContaining("names no database file")
          .hasMessageContaining("jdbc:sqlite:db.sqlite3")
          .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(2));
    }
  }

  @Test void anInMemorySqliteDatabaseIsRefusedForMigrateOnly() {
    for (String url : new String[] {"jdbc:sqlite::memory:", "jdbc:sqlite:file::memory:?cache=shared",
        "jdbc:sqlite:file:x?mode=memory"}) {
      assertThatThrownBy(() -> Project.DatabaseUrl.choose(url, null, null).check(true))
          .as(url).hasMessageContaining("in memory");
      assertThat(Project.DatabaseUrl.choose(url, null, null).check(false)).isEqualTo(url);
    }
  }

  @Test void aPostgresqlUrlWithoutADatabaseNameIsRefused() {
    for (String url : new String[] {"jdbc:postgresql://db.example/?user=postgres",
        "jdbc:postgresql://db.example", "jdbc:postgresql://db.example:5432?user=me",
        "jdbc:postgresql:", "jdbc:postgresql:?user=me", "jdbc:postgresql://a,b/"}) {
      assertThatThrownBy(() -> Project.DatabaseUrl.choose(url, null, null).check(false))
          .as(url).hasMessageContaining("names no database")
          .hasMessageContaining("jdbc:postgresql://localhost/shop");
    }
    for (String url : new String[] {"jdbc:postgresql://db.example/shop?user=me",
        "jdbc:postgresql:shop", "jdbc:postgresql://a:1,b:2/shop", "jdbc:sqlite:db.sqlite3"}) {
      assertThat(Project.DatabaseUrl.choose(url, null, null).check(true)).isEqualTo(url);
    }
  }

  @Test void anEmptyDatabaseInCairnYamlSaysWhatToDo() {
    assertThatThrownBy(() -> Project.DatabaseUrl.choose(null, null, "").get())
        .hasMessageContaining("'database' in cairn.yaml is empty")
        .hasMessageContaining("database: jdbc:sqlite:db.sqlite3")
        .hasMessageContaining("CAIRN_DATABASE_URL");
    assertThat(Project.DatabaseUrl.choose(null, "jdbc:sqlite:b", "").get()).isEqualTo("jdbc:sqlite:b");
  }
}
