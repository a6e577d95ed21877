package dev.cairn.schema;

/** Another run held the migration lock for longer than {@code migrate} was told to wait. */
public final class LockWaitTimeout extends RuntimeException {
  /**
   * @param lock the lock and its holder, as {@link Dialect#lock} describes them ("the migration
   *     lock, held by pid 4321 (cairn migrate, ...)")
   */
  public LockWaitTimeout(String lock, LockWait wait) {
    super("gave up after " + wait + " waiting for " + lock + "; nothing was changed.\n"
        + "  Let that run finish (or stop it), then run migrate again; --lock-wait sets how long"
        + " to wait (default " + LockWait.DEFAULT + ").");
  }
}
