package dev.cairn.bench;

/**
 * One migration tool driven through its Java API, in process, on one PostgreSQL database: the
 * work each whole-process run of issue 4 does, without the JVM start-up around it.
 */
interface Tool {
  String name();

  /** Applies every pending migration: (a) on an empty database, (b) when all are applied. */
  void migrate(String url) throws Exception;

  /** Lists which migrations are applied, as {@code showmigrations}, {@code info}, {@code status}. */
  String status(String url) throws Exception;

  /** Whether {@link #rollback} is supported (Flyway's undo is not in its free edition). */
  boolean canRollBack();

  /** Unapplies the last {@code count} migrations. */
  void rollback(String url, int count) throws Exception;
}
