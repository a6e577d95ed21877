package dev.cairn.schema;

/**
 * A yes-or-no fact about a database server that SQL generation, the executor, lint and tests ask
 * instead of the dialect's name, as Django's {@code DatabaseFeatures} flags are asked. A dialect
 * computes its set from the server version ({@link Dialect#features()}).
 */
public enum Feature {
  /** DDL runs inside a transaction and rolls back with it; without it each statement commits. */
  TRANSACTIONAL_DDL,
  /** Indexes with a {@code WHERE} condition, and so unique constraints with one. */
  PARTIAL_INDEXES,
  /** Foreign keys checked at commit ({@code DEFERRABLE INITIALLY DEFERRED}). */
  DEFERRABLE_CONSTRAINTS,
  /** {@code ALTER TABLE .. RENAME COLUMN}. */
  RENAME_COLUMN,
  /** Renaming an index in place. */
  RENAME_INDEX,
  /** Renaming a constraint in place. */
  RENAME_CONSTRAINT,
  /** {@code CHECK} constraints that the server enforces. */
  CHECK_CONSTRAINTS,
  /** Adding a column, with a constant default, changes only the catalog, whatever the table's size. */
  INSTANT_ADD_COLUMN,
  /** Comments on tables and columns. */
  COMMENTS,
  /**
   * The schema editor looks up the real names of indexes and constraints before it drops or
   * renames them; not where it rebuilds what it changes (SQLite's table remake).
   */
  LOOKS_UP_OBJECT_NAMES,
  /**
   * A double-quoted name that is no column reads as a string literal (SQLite, for compatibility,
   * in DDL too): a check naming a missing column would silently always pass, so the schema editor
   * verifies such names itself.
   */
  UNKNOWN_QUOTED_NAMES_ARE_STRINGS
}
