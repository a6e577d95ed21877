package dev.cairn.autodetect;

/** A question needs an answer but nobody can give it ({@code --noinput}); exit code 3. */
public final class NeedsAnswer extends RuntimeException {
  public NeedsAnswer(String message) {
    super(message);
  }
}
