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
}
