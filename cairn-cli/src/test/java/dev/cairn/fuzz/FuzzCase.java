package dev.cairn.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.files.InputException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

/**
 * One generated file put in place of a project file, and the command run over it. {@link #check}
 * holds the rule every fuzz suite applies: the reader decides whether the file is broken; a broken
 * file makes the command exit 2 with the reader's own message (which names the file), no stack
 * trace and a database byte for byte as it was; a file the reader accepts is legitimate, however
 * odd, and the command may only end in one of the exit codes it gives for such input.
 */
record FuzzCase(String path, byte[] bytes, List<String> command) {
  @Override public String toString() {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.length() > 4_000) text = text.substring(0, 4_000) + "... (" + text.length() + " chars)";
    return path + " <-\n" + text + "\n$ cairn " + String.join(" ", command);
  }

  /**
   * Writes the file, reads it with {@code reader}, runs the command and checks the outcome; then
   * puts the file and the database back.
   *
   * @param reader reads the project as the command will, throwing the reader's InputException
   * @param validExits the exit codes allowed once the reader accepts the file
   */
  void check(FuzzProject project, Tally tally, Runnable reader, List<Integer> validExits)
      throws SQLException {
    long t0 = System.nanoTime();
    project.write(path, bytes);
    try {
      InputException rejected = null;
      try {
        reader.run();
      } catch (InputException e) {
        rejected = e;
      }
      long t1 = System.nanoTime();
      FuzzProject.Result r = project.cairn(command.toArray(String[]::new));
      long t2 = System.nanoTime();
      tally.time("write+read", t1 - t0);
      tally.time("cli", t2 - t1);
      String name = command.get(0);
      if (rejected != null) {
        assertThat(rejected.path()).as("%s", rejected.getMessage()).isNotNull();
        r.assertRefusedNaming(rejected.path().getFileName().toString());
        assertThat(r.err()).as("%s", r).contains(rejected.getMessage());
        assertThat(project.databaseIsAsSetUp()).as("database changed by %s", r).isTrue();
        tally.count("refused by the reader: " + name + " exit 2");
      } else {
        r.assertNoStackTrace();
        assertThat(r.exitCode()).as("%s", r).isIn(validExits);
        if (r.exitCode() == 2 || !name.equals("migrate")) {
          assertThat(project.databaseIsAsSetUp()).as("database changed by %s", r).isTrue();
        }
        tally.count("read, then " + name + " exit " + r.exitCode());
        if (r.exitCode() != 0) {
          String first = r.err().lines().findFirst().orElse("");
          tally.sample("read, then " + name + " exit " + r.exitCode(),
              first.substring(0, Math.min(first.length(), 300)));
        }
      }
      if (tally.total() % 100 == 0 && project.databaseIsAsSetUp()) {
        // Now and then, compare as a person would too: the schema and the history rows.
        assertThat(project.databaseState()).isEqualTo(project.baselineState());
      }
    } finally {
      long t3 = System.nanoTime();
      project.restore(path);
      if (!project.databaseIsAsSetUp()) project.restoreDatabase();
      tally.time("restore", System.nanoTime() - t3);
    }
  }
}
