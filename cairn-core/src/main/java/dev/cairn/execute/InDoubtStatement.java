package dev.cairn.execute;

import dev.cairn.history.Progress;
import dev.cairn.migration.Migration;
import dev.cairn.operations.Operation;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.ExpectedSchema;
import dev.cairn.schema.SchemaSnapshot;
import dev.cairn.schema.SqlStatement;
import dev.cairn.state.ProjectState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Settles the one statement a run outside a transaction may leave in doubt: sent, outside any
 * transaction, when the run stopped before it could record its end. The tables its operation
 * changes are compared with their {@link TableFingerprint} taken just before it was sent: changed,
 * it ran; unchanged, a statement Cairn made runs again (one that changes nothing the metadata
 * shows, such as a grant, does the same twice). Without a fingerprint, the live schema is compared
 * with the states before and after the operation: after it, the statement ran; before it, the
 * operation runs again from its first statement. Anything else, and SQL or Java code of the
 * user's that changed nothing visible, is refused with what to check: never run again what may
 * have run.
 */
final class InDoubtStatement {
  private InDoubtStatement() {}

  /** {@code p} (in doubt) made certain, or a refusal. */
  static Progress settle(Dialect dialect, Connection connection, MigrationScript script,
      Progress p) throws SQLException {
    Migration m = script.migration();
    boolean backwards = p.backwards();
    int i = backwards ? p.operations() - 1 : p.operations();
    Operation op = m.operations().get(i);
    List<ProjectState> states = script.states();
    SchemaSnapshot before = ExpectedSchema.of(states.get(backwards ? i + 1 : i), dialect)
        .withSortedColumns();
    SchemaSnapshot after = ExpectedSchema.of(states.get(backwards ? i : i + 1), dialect)
        .withSortedColumns();
    List<SqlStatement> statements = script.needsConnection() ? null : script.statementsOf(i);
    boolean userCode = op.runsUserCode();
    Progress.Doubt doubt = p.doubt();
    if (doubt.tablesBefore() != null) {
      // Nothing else changes these tables while the migration lock is held.
      String now = TableFingerprint.of(connection, TableFingerprint.changed(before, after));
      if (!doubt.tablesBefore().equals(now)) {
        return p.withStatements(p.statements() + 1, doubt.statementsIfRan());
      }
      if (!userCode) return p.withStatements(p.statements(), p.statementsChecksum());
    } else if (!userCode) {
      SchemaSnapshot live = dialect.introspect(connection).withSortedColumns();
      if (!before.equals(after) && live.equals(after)) {
        int ran = p.statements() + 1;
        if (statements != null && ran < statements.size()) {
          return p.withStatements(ran, ProgressiveRun.chain(p.statementsChecksum(),
              statements.get(p.statements()).sql()));
        }
        return p.at(backwards ? i : i + 1, backwards);
      }
      if (live.equals(before)) return p.at(p.operations(), backwards);
    }
    String statement = statements == null || p.statements() >= statements.size() ? ""
        : " (" + abbreviated(statements.get(p.statements()).sql()) + ")";
    String number = "operation " + (i + 1);
    throw new MigrationErrors.StatementInDoubt("migration " + m.key() + " stopped inside "
        + number + " of " + m.operations().size() + " (" + op.describe() + ")"
        + (backwards ? ", unapplying it" : "") + ": its statement " + (p.statements() + 1)
        + statement + " was running outside a transaction when the last migrate ended, before"
        + " it could record whether the statement finished.\n  "
        + (userCode ? "It is SQL or code of the migration's own, whose effect Cairn cannot tell"
            + " from the schema. Check whether it took effect; if it did not, undo what the"
            + " operation's earlier statements did, else finish the operation by hand; then"
            + " record the migration with 'cairn migrate " + m.app() + " " + m.name()
            + " --fake' only if every later operation is done too."
            : "The database matches neither the schema before " + number + " nor the one after"
            + " it. Bring it to one of the two (undo what of the operation ran, or finish it by"
            + " hand) and run migrate again: it compares again and goes on from there.")
        + " Nothing was changed.");
  }

  private static String abbreviated(String sql) {
    return sql.length() > 200 ? sql.substring(0, 200) + "..." : sql;
  }
}
