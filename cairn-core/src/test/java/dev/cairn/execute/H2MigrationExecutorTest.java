package dev.cairn.execute;

import dev.cairn.connect.Database;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link MigrationExecutorContract} on H2 in memory. H2 commits every DDL statement, so the
 * contract's tests of what a rolled-back transaction leaves (nothing) do not apply; what a failed
 * migration leaves there is the executor's per-operation progress.
 */
@ExtendWith(H2MigrationExecutorTest.NeedsTransactionalDdl.class)
final class H2MigrationExecutorTest extends MigrationExecutorContract {
  @Override Database openEmptyDatabase() throws Exception {
    return Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }

  /** Skips the contract's tests that need TRANSACTIONAL_DDL, until the contract asks the feature. */
  static final class NeedsTransactionalDdl implements ExecutionCondition {
    private static final Set<String> TESTS = Set.of(
        "aFailureInsideAMigrationLeavesNeitherItsChangesNorItsHistoryRow",
        "aFreshDatabaseIsMigratedInOneTransaction",
        "aSchemaStatementThatFailsInABatchIsNamedByMigrationAndOperation",
        "aFreshRunRefusesAKeyBrokenByOneMigrationAndMendedByTheNextAsStepByStepDoes",
        "fakeInitialAdoptsADatabaseInUseOneTransactionAMigration",
        "aNonAtomicMigrationCommitsTheSharedTransactionBeforeIt",
        "theStatementOfARunSqlStringThatFailsIsNamed");

    @Override public ConditionEvaluationResult evaluateExecutionCondition(
        org.junit.jupiter.api.extension.ExtensionContext context) {
      if (context.getTestMethod().map(m -> TESTS.contains(m.getName())).orElse(false)) {
        return ConditionEvaluationResult.disabled("needs TRANSACTIONAL_DDL; H2 commits every DDL");
      }
      return ConditionEvaluationResult.enabled("runs on H2");
    }
  }
}
