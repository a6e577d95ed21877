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
 * @param inDoubt whether the next statement was sent outside a transaction and the run stopped
 *     before it could record its end: that statement may or may not have run
 * @param operationsChecksum SHA-256 of the operations the database holds any of, as written to a
 *     file: an edit of them since is refused, an edit of the others is not
 * @param statementsChecksum SHA-256 of the SQL of the {@code statements} that ran of the operation
 *     being moved, or {@code null} when none did
 */
public record Progress(MigrationKey key, boolean backwards, int operations, int statements,
    boolean inDoubt, String operationsChecksum, String statementsChecksum) {
  public Progress {
    requireNonNull(key, "key == null");
    if (operations < 0 || statements < 0) {
      throw new IllegalArgumentException("operations < 0 || statements < 0: " + operations + ", "
          + statements);
    }
  }

  /** Whether an operation is half-done: some of its statements ran, or one may have. */
  public boolean isInsideAnOperation() {
    return statements > 0 || inDoubt;
  }

  /** The operations the database holds any part of, from the first. */
  public int touchedOperations() {
    return operations + (!backwards && isInsideAnOperation() ? 1 : 0);
  }

  /** A migration about to start: forwards at its first operation, backwards at its last. */
  public static Progress start(MigrationKey key, boolean backwards, int operations) {
    return new Progress(key, backwards, operations, 0, false, null, null);
  }

  /** {@code ran} statements of the operation being moved ran; the next one may run, in doubt. */
  public Progress withStatements(int ran, String checksum, boolean doubt) {
    return new Progress(key, backwards, operations, ran, doubt, operationsChecksum, checksum);
  }

  /** At the start of moving an operation, {@code done} operations applied, going either way. */
  public Progress at(int done, boolean goingBackwards) {
    return new Progress(key, goingBackwards, done, 0, false, operationsChecksum, null);
  }

  public Progress withOperationsChecksum(String checksum) {
    return new Progress(key, backwards, operations, statements, inDoubt, checksum,
        statementsChecksum);
  }
}
