package dev.cairn.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code cairn} in process and keeps what it printed. */
final class Cli {
  private Cli() {}

  /** The exit code and the text a run printed on each stream. Immutable. */
  record Result(int exitCode, String out, String err) {
    @Override public String toString() {
      return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
  }

  static Result cairn(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
