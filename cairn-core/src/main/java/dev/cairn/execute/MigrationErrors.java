package dev.cairn.execute;

import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import java.util.List;

/** The ways {@code migrate} refuses or fails; the command line maps each to an exit code. */
public final class MigrationErrors {
  private MigrationErrors() {}

  /** A target names an app or migration that does not exist, or a prefix that fits several. */
  public static final class UnknownTarget extends RuntimeException {
    public UnknownTarget(String message) {
      super(message);
    }
  }

  /** The plan would unapply a migration that cannot go backwards. */
  public static final class Irreversible extends RuntimeException {
    public Irreversible(String message) {
      super(message);
    }
  }

  /** Applied migrations on disk differ from the files that were applied. */
  public static final class ChecksumMismatch extends RuntimeException {
    private final List<MigrationKey> changed;

    public ChecksumMismatch(List<MigrationKey> changed) {
      super("applied migration" + (changed.size() == 1 ? " " : "s ") + join(changed)
          + (changed.size() == 1 ? " has" : " have") + " changed since it was applied.\n"
          + "  Never edit an applied migration: restore the file and write a new migration."
          + " Run with --ignore-checksums to go on anyway.");
      this.changed = List.copyOf(changed);
    }

    public List<MigrationKey> changed() {
      return changed;
    }
  }

  /**
   * Going backwards would have to unapply a recorded migration whose file is gone, or one it may
   * depend on.
   */
  public static final class MissingFile extends RuntimeException {
    private final List<MigrationKey> missing;

    public MissingFile(List<MigrationKey> missing, MigrationKey unapplied, List<String> files) {
      super("applied migration" + (missing.size() == 1 ? " " : "s ") + join(missing)
          + (missing.size() == 1 ? " has" : " have") + " no file, and this run would have to"
          + " unapply " + (missing.size() == 1 ? "it" : "them")
          + (unapplied == null ? "" : " (applied after " + unapplied + ")")
          + ".\n  Restore " + String.join(", ", files)
          + " (from version control) so that Cairn can unapply "
          + (missing.size() == 1 ? "it" : "them") + " first. Nothing was changed.");
      this.missing = List.copyOf(missing);
    }

    public List<MigrationKey> missing() {
      return missing;
    }
  }

  /** The history records a migration as applied while one it depends on is not. */
  public static final class InconsistentHistory extends RuntimeException {
    public InconsistentHistory(String message) {
      super(message);
    }
  }

  /** The database refused a statement; nothing of that migration stays where DDL is transactional. */
  public static final class MigrationFailed extends RuntimeException {
    /** Said of a migration that ran in a transaction of its own and failed. */
    static final String ROLLED_BACK = "\n  The migration was rolled back; nothing of it was applied.";

    public MigrationFailed(String message, Throwable cause) {
      super(message, cause);
    }

    /** Operation {@code operation} (from 0) of {@code m} failed, applying or unapplying it. */
    static MigrationFailed inOperation(Migration m, int operation, boolean backwards, Exception e) {
      return new MigrationFailed((backwards ? "unapplying " : "applying ") + m.key()
          + ", operation " + (operation + 1) + " (" + m.operations().get(operation).describe()
          + "): " + e.getMessage(), e);
    }

    /** This failure with what became of the work it interrupted. */
    MigrationFailed withOutcome(String outcome) {
      return new MigrationFailed(getMessage() + outcome, getCause());
    }
  }

  /**
   * A migration that stopped part-way has had an operation edited that is, wholly or in part,
   * in the database already.
   */
  public static final class EditedWhilePartlyApplied extends RuntimeException {
    public EditedWhilePartlyApplied(Migration m, int touched, int total) {
      super("migration " + m.key() + " stopped after " + touched + " of " + total
          + " operations, and " + (touched == 1 ? "operation 1, which is" : "operations 1 to "
          + touched + ", which are") + " in the database, changed in " + m.location()
          + " since.\n  Restore " + (touched == 1 ? "it" : "them")
          + " as they were when they ran (from version control); you may edit only the"
          + " operations after " + touched + ". Nothing was changed.");
    }
  }

  /**
   * A statement ran outside a transaction when the last run stopped, and whether it finished
   * cannot be told from the database.
   */
  public static final class StatementInDoubt extends RuntimeException {
    public StatementInDoubt(String message) {
      super(message);
    }
  }

  /** The plan goes one way through an operation that a stopped run left half-done the other way. */
  public static final class HalfDoneOperation extends RuntimeException {
    public HalfDoneOperation(String message) {
      super(message);
    }
  }

  static String join(List<MigrationKey> keys) {
    return String.join(", ", keys.stream().map(MigrationKey::toString).toList());
  }
}
