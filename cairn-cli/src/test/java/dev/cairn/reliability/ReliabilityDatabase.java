package dev.cairn.reliability;

import java.nio.file.Path;

/** What the crash and race suites need from a database beyond Cairn's own dialect. */
interface ReliabilityDatabase {
  LoadProject.Flavour flavour();

  /** An empty database for one round, whose files (if any) live under {@code work}. */
  String emptyDatabase(Path work) throws Exception;

  /**
   * Fails unless no migration lock is held on {@code url}. Every child has ended; on PostgreSQL
   * this first waits for the server to end the dead children's sessions, which it does on its own.
   */
  void assertNoLockLeft(String url) throws Exception;

  /**
   * An operation (a YAML list item) for the project's second migration that waits while the test
   * holds {@link #holdGate}, so that the lock holder is still inside a migration when the others
   * queue behind it, however fast the machine is.
   */
  String gateOperation();

  /** Makes {@link #gateOperation} wait until the returned gate is closed. */
  AutoCloseable holdGate(String url) throws Exception;

  /** Waits until {@code count} processes wait for the lock that another holds; false if never. */
  boolean awaitWaiters(String url, int count, ChildMigrate holder) throws Exception;

  /**
   * Whether {@code table} is one the engine itself may leave behind after a kill, outside what
   * Cairn controls: none, but on H2.
   */
  default boolean isEngineLeftover(String table) {
    return false;
  }
}
