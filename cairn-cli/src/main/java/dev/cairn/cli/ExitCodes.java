package dev.cairn.cli;

/** The exit codes of DESIGN.md, in one place. */
final class ExitCodes {
  static final int OK = 0;
  /** A {@code --check} found something to do. */
  static final int CHECK_FAILED = 1;
  /** Bad input or usage; nothing in the database changed. */
  static final int BAD_INPUT = 2;
  /** A question needs an answer but {@code --noinput} was given. */
  static final int NEEDS_INPUT = 3;
  /** The database refused or failed. */
  static final int DATABASE_ERROR = 4;

  private ExitCodes() {}
}
