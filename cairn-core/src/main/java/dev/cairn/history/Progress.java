package dev.cairn.history;

import static java.util.Objects.requireNonNull;

import dev.cairn.migration.MigrationKey;

/**
 * How far a migration that runs outside a transaction has got: a row of {@code
 * cairn_migration_progress}. Its first {@code operations} operations are in the database; {@code
 * statements} statements of the one it is moving (forwards: operation {@code operations + 1};
 * backwards: operation {@code operations}, being unapplied) ran too. Immutable.
 *
 * @param backwards whether it was being unapplied when it stopped
 * @param doubt set when the next statement was sent outside a transaction and the run stopped
 *     before it could record its end: that statement may or may not have run
 * @param operationsChecksum SHA-256 of the operations the database holds any of, as written to a
 *     file: an edit of them since is refused, an edit of the others is not
 * @param statementsChecksum checksum of the SQL of the {@code statements} that ran of the
 *     operation being moved, or {@code null} when none did
 */
public record Progress(MigrationKey key, boolean backwards, int operations, int statements,
    Doubt doubt, String operationsChecksum, String statementsChecksum) {
  public Progress {
    requireNonNull(key, "key == null");
    if (operations < 0 || statements < 0) {
      throw new IllegalArgumentException("operations < 0 || statements < 0: " + operations + ", "
          + statements);
    }
  }

  /**
   * What is known of a statement in doubt, to tell afterwards whether it ran.
   *
   * @param tablesBefore checksum of what the driver's metadata said of the tables its operation
   *     changes, just before it was sent; {@code null} when there are none to look at
   * @param statementsIfRan {@code statementsChecksum} once it has run
   */
  public record Doubt(String tablesBefore, String statementsIfRan) {}

  public boolean inDoubt() {
    return doubt != null;
  }

  /** Whether an operation is half-done: some of its statements ran, or one may have. */
  public boolean isInsideAnOperation() {
    return statements > 0 || doubt != null;
  }

  /** The operations the database holds any part of, from the first. */
  public int touchedOperations() {
    return operations + (!backwards && isInsideAnOperation() ? 1 : 0);
  }

  /** A migration about to start: forwards at its first operation, backwards at its last. */
  public static Progress start(MigrationKey key, boolean backwards, int operations) {
    return new Progress(key, backwards, operations, 0, null, null, null);
  }

  /** {@code ran} statements of the operation being moved ran. */
  public Progress withStatements(int ran, String checksum) {
    return new Progress(key, backwards, operations, ran, null, operationsChecksum, checksum);
  }

  /** The next statement is being sent outside a transaction. */
  public Progress inDoubt(Doubt d) {
    return new Progress(key, backwards, operations, statements, requireNonNull(d, "d == null"),
        operationsChecksum, statementsChecksum);
  }

  /** At the start of moving an operation, {@code done} operations applied, going either way. */
  public Progress at(int done, boolean goingBackwards) {
    return new Progress(key, goingBackwards, done, 0, null, operationsChecksum, null);
  }

  public Progress withOperationsChecksum(String checksum) {
    return new Progress(key, backwards, operations, statements, doubt, checksum,
        statementsChecksum);
  }
}
