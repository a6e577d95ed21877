package dev.cairn.files;

import java.nio.file.Path;

/**
 * Bad input in a file a person wrote or edited, reported like a compiler does: where ({@code
 * file:line}), what is wrong, and on a second line what to do. The CLI maps it to exit code 2.
 */
public class InputException extends RuntimeException {
  /** Makes the exception type a reader reports its errors with. */
  @FunctionalInterface
  public interface Factory {
    InputException create(Path path, int line, String problem, String hint, Throwable cause);
  }

  private final transient Path path;
  private final int line;
  private final String problem;
  private final String hint;

  /**
   * @param line 1-based, or 0 when the problem is with the file as a whole
   * @param hint what to do about it, or {@code null}
   */
  public InputException(Path path, int line, String problem, String hint, Throwable cause) {
    super(format(path, line, problem, hint), cause);
    this.path = path;
    this.line = line;
    this.problem = problem;
    this.hint = hint;
  }

  public InputException(Path path, int line, String problem, String hint) {
    this(path, line, problem, hint, null);
  }

  /** The file, or {@code null} for text that came from no file. */
  public Path path() {
    return path;
  }

  /** The 1-based line, or 0 when no line applies. */
  public int line() {
    return line;
  }

  /** What is wrong, without the location: {@code unknown field type 'DecimalFeild' in ...}. */
  public String problem() {
    return problem;
  }

  /** What to do, or {@code null}: {@code did you mean 'DecimalField'?}. */
  public String hint() {
    return hint;
  }

  private static String format(Path path, int line, String problem, String hint) {
    String where = path == null ? "<input>" : path.toString();
    if (line > 0) where += ":" + line;
    return where + ": " + problem + (hint == null ? "" : "\n  " + hint);
  }
}
