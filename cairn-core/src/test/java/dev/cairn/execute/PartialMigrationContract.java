package dev.cairn.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.connect.Database;
import dev.cairn.history.MigrationHistory;
import dev.cairn.history.MigrationProgress;
import dev.cairn.history.Progress;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.schema.Effect;
import dev.cairn.schema.ExpectedSchema;
import dev.cairn.schema.Feature;
import dev.cairn.schema.SqlStatement;
import dev.cairn.state.ProjectState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What {@code migrate} does with a migration that runs outside a transaction (every migration on
 * a database without transactional DDL; {@code atomic: false} elsewhere) and stops part-way: its
 * progress says which operations ran, and the next run goes on from there or unapplies just those.
 * Part of {@link MigrationExecutorContract}, so every dialect runs it.
 */
interface PartialMigrationContract {
  /** The database of the current test. */
  Database database();

  String FIVE = """
      atomic: false
      dependencies: [shop.0001_initial]
      operations:
        - AddField: {model_name: product, name: a, field: {type: IntegerField, null: true}}
        - AddField: {model_name: product, name: b, field: {type: IntegerField, null: true}}
        - AddField: {model_name: product, name: c, field: {type: IntegerField, null: true}}
        - RunSQL: {sql: "%s", reverse_sql: []}
        - AddField: {model_name: product, name: e, field: {type: IntegerField, null: true}}
      """;
  String BROKEN = "INSERT INTO no_such_table VALUES (1)";
  String FIXED = "UPDATE shop_product SET a = 1";

  @Test default void aMigrationOutsideATransactionThatFailsAtItsFourthOperationKeepsTheThree()
      throws Exception {
    Path project = fiveOperations(BROKEN);
    assertThatThrownBy(() -> migrate(project, List.of(), MigrateOptions.DEFAULTS))
        .isInstanceOf(MigrationErrors.MigrationFailed.class)
        .hasMessageContaining("applying shop.0002_five, operation 4")
        .hasMessageContaining("operations 1 to 3 of 5 are applied")
        .hasMessageContaining("Fix operation 4 and run migrate again")
        .hasMessageContaining("'cairn migrate shop 0001_initial' to unapply what ran");
    assertThat(applied()).containsExactly("shop.0001_initial");
    Progress p = progress().get(key("0002_five"));
    assertThat(p.operations()).isEqualTo(3);
    assertThat(p.statements()).isZero();
    assertThat(p.inDoubt()).isFalse();
    assertThat(columns()).containsExactly("id", "name", "a", "b", "c");
  }

  @Test default void aFixedMigrationGoesOnFromTheOperationThatFailed() throws Exception {
    Path project = fiveOperations(BROKEN);
    assertThatThrownBy(() -> migrate(project, List.of(), MigrateOptions.DEFAULTS));
    write(project, FIXED);
    List<PlanStep> planned = executor(project).plan(List.of());
    assertThat(planned).singleElement().satisfies(s -> {
      assertThat(s.isPartial()).isTrue();
      assertThat(s.progress().operations()).isEqualTo(3);
    });
    migrate(project, List.of(), MigrateOptions.DEFAULTS);
    assertThat(applied()).containsExactly("shop.0001_initial", "shop.0002_five");
    assertThat(progress()).isEmpty();
    assertThat(columns()).containsExactly("id", "name", "a", "b", "c", "e");
    assertSchemaIsTheState(project);
  }

  @Test default void migratingBackUnappliesOnlyTheOperationsThatRan() throws Exception {
    Path project = fiveOperations(BROKEN);
    assertThatThrownBy(() -> migrate(project, List.of(), MigrateOptions.DEFAULTS));
    List<PlanStep> done = migrate(project, List.of(new Target("shop", "0001")),
        MigrateOptions.DEFAULTS);
    assertThat(done).extracting(s -> s.migration().key().name(), PlanStep::backwards)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("0002_five", true));
    assertThat(columns()).containsExactly("id", "name");
    assertThat(progress()).isEmpty();
    assertThat(applied()).containsExactly("shop.0001_initial");
    assertSchemaIsTheState(project);
  }

  @Test default void anEditOfAnOperationThatRanIsRefusedAndOfOneThatDidNotIsAllowed()
      throws Exception {
    Path project = fiveOperations(BROKEN);
    assertThatThrownBy(() -> migrate(project, List.of(), MigrateOptions.DEFAULTS));
    Path file = project.resolve("shop/0002_five.yaml");
    String broken = Files.readString(file);
    Files.writeString(file, broken.replace("name: b,", "name: bb,").replace(BROKEN, FIXED));
    assertThatThrownBy(() -> migrate(project, List.of(), MigrateOptions.DEFAULTS))
        .isInstanceOf(MigrationErrors.EditedWhilePartlyApplied.class)
        .hasMessageContaining("shop.0002_five stopped after 3 of 5 operations")
        .hasMessageContaining("you may edit only the operations after 3");
    assertThatThrownBy(() -> executor(project).plan(List.of()))
        .isInstanceOf(MigrationErrors.EditedWhilePartlyApplied.class);
    assertThat(progress().get(key("0002_five")).operations()).isEqualTo(3);
    // Comments and layout are no edit of the operations that ran.
    Files.writeString(file, "# the fourth is fixed\n" + broken.replace(BROKEN, FIXED));
    migrate(project, List.of(), MigrateOptions.DEFAULTS);
    assertThat(applied()).contains("shop.0002_five");
  }

  @Test default void fakeRecordsAPartlyAppliedMigrationAsApplied() throws Exception {
    Path project = fiveOperations(BROKEN);
    assertThatThrownBy(() -> migrate(project, List.of(), MigrateOptions.DEFAULTS));
    migrate(project, List.of(), new MigrateOptions(true, false, false));
    assertThat(applied()).containsExactly("shop.0001_initial", "shop.0002_five");
    assertThat(progress()).isEmpty();
  }

  @Test default void aFailureWhileUnapplyingKeepsWhatIsStillAppliedAndMigrateGoesForwardsAgain()
      throws Exception {
    Path project = fiveOperations(BROKEN);
    Files.writeString(project.resolve("shop/0002_five.yaml"), """
        atomic: false
        dependencies: [shop.0001_initial]
        operations:
          - AddField: {model_name: product, name: a, field: {type: IntegerField, null: true}}
          - RunSQL: {sql: "UPDATE shop_product SET a = 1", reverse_sql: "%s"}
          - AddField: {model_name: product, name: c, field: {type: IntegerField, null: true}}
        """.formatted(BROKEN));
    migrate(project, List.of(), MigrateOptions.DEFAULTS);
    assertThatThrownBy(() -> migrate(project, List.of(new Target("shop", "0001")),
        MigrateOptions.DEFAULTS))
        .isInstanceOf(MigrationErrors.MigrationFailed.class)
        .hasMessageContaining("unapplying shop.0002_five, operation 2")
        .hasMessageContaining("operations 1 to 2 of 3 are still applied");
    assertThat(applied()).containsExactly("shop.0001_initial");
    Progress p = progress().get(key("0002_five"));
    assertThat(p.backwards()).isTrue();
    assertThat(p.operations()).isEqualTo(2);
    assertThat(columns()).containsExactly("id", "name", "a");
    migrate(project, List.of(), MigrateOptions.DEFAULTS);
    assertThat(applied()).containsExactly("shop.0001_initial", "shop.0002_five");
    assertThat(columns()).containsExactly("id", "name", "a", "c");
    assertSchemaIsTheState(project);
  }

  /** A crash after the statement of operation 3 ran, before its progress was recorded. */
  @Test default void aStatementInDoubtThatRanIsToldFromTheSchema() throws Exception {
    Path project = fiveOperations(BROKEN);
    assertThatThrownBy(() -> migrate(project, List.of(), MigrateOptions.DEFAULTS));
    write(project, FIXED);
    Migration five = migration(project, "0002_five");
    saveProgress(Progress.start(five.key(), false, 2).inDoubt(new Progress.Doubt(null, null))
        .withOperationsChecksum(OperationsChecksum.of(five, 3)));
    migrate(project, List.of(), MigrateOptions.DEFAULTS);
    assertThat(columns()).containsExactly("id", "name", "a", "b", "c", "e");
    assertSchemaIsTheState(project);
  }

  /** A crash after operation 3's statement was recorded in doubt, before it was sent. */
  @Test default void aStatementInDoubtThatDidNotRunRunsOnce() throws Exception {
    Path project = fiveOperations(BROKEN);
    assertThatThrownBy(() -> migrate(project, List.of(), MigrateOptions.DEFAULTS));
    migrate(project, List.of(new Target("shop", "0001")), MigrateOptions.DEFAULTS);
    write(project, FIXED);
    Migration five = migration(project, "0002_five");
    try (var s = database().connection().createStatement()) {
      s.execute("ALTER TABLE shop_product ADD COLUMN a integer NULL");
      s.execute("ALTER TABLE shop_product ADD COLUMN b integer NULL");
    }
    saveProgress(Progress.start(five.key(), false, 2).inDoubt(new Progress.Doubt(null, null))
        .withOperationsChecksum(OperationsChecksum.of(five, 3)));
    migrate(project, List.of(), MigrateOptions.DEFAULTS);
    assertThat(columns()).containsExactly("id", "name", "a", "b", "c", "e");
    assertSchemaIsTheState(project);
  }

  /**
   * A crash while the statement of operation 3 ran outside a transaction, its tables' fingerprint
   * taken before: changed since, the statement ran; unchanged, it runs.
   */
  @Test default void aStatementInDoubtIsToldByTheFingerprintOfItsTables() throws Exception {
    Path project = fiveOperations(BROKEN);
    assertThatThrownBy(() -> migrate(project, List.of(), MigrateOptions.DEFAULTS));
    migrate(project, List.of(new Target("shop", "0001")), MigrateOptions.DEFAULTS);
    write(project, FIXED);
    Migration five = migration(project, "0002_five");
    Connection c = database().connection();
    try (var s = c.createStatement()) {
      s.execute("ALTER TABLE shop_product ADD COLUMN a integer NULL");
      s.execute("ALTER TABLE shop_product ADD COLUMN b integer NULL");
    }
    String before = TableFingerprint.of(c, List.of("shop_product"));
    Progress.Doubt doubt = new Progress.Doubt(before, ProgressiveRun.chain(null,
        "ALTER TABLE shop_product ADD COLUMN c integer NULL"));
    saveProgress(Progress.start(five.key(), false, 2).inDoubt(doubt)
        .withOperationsChecksum(OperationsChecksum.of(five, 3)));
    assertThat(executor(project).plan(List.of())).singleElement()
        .satisfies(step -> assertThat(step.progress().inDoubt()).isTrue());
    migrate(project, List.of(), MigrateOptions.DEFAULTS); // unchanged: AddField c runs
    assertThat(columns()).containsExactly("id", "name", "a", "b", "c", "e");

    migrate(project, List.of(new Target("shop", "0001")), MigrateOptions.DEFAULTS);
    try (var s = c.createStatement()) {
      s.execute("ALTER TABLE shop_product ADD COLUMN a integer NULL");
      s.execute("ALTER TABLE shop_product ADD COLUMN b integer NULL");
    }
    before = TableFingerprint.of(c, List.of("shop_product"));
    try (var s = c.createStatement()) {
      s.execute("ALTER TABLE shop_product ADD COLUMN c integer NULL"); // it ran, then the crash
    }
    String sql = MigrationScript.make(database().dialect(), five, MigrationSql.states(five,
        stateAfterInitial(project)), false, (i, op, e) -> new IllegalStateException(e))
        .statementsOf(2).get(0).sql();
    saveProgress(Progress.start(five.key(), false, 2)
        .inDoubt(new Progress.Doubt(before, ProgressiveRun.chain(null, sql)))
        .withOperationsChecksum(OperationsChecksum.of(five, 3)));
    migrate(project, List.of(), MigrateOptions.DEFAULTS);
    assertThat(columns()).containsExactly("id", "name", "a", "b", "c", "e");
    assertSchemaIsTheState(project);
  }

  @Test default void userSqlInDoubtIsRefusedWithWhatToCheck() throws Exception {
    Path project = fiveOperations(BROKEN);
    assertThatThrownBy(() -> migrate(project, List.of(), MigrateOptions.DEFAULTS));
    write(project, FIXED);
    Migration five = migration(project, "0002_five");
    saveProgress(Progress.start(five.key(), false, 3).inDoubt(new Progress.Doubt(null, null))
        .withOperationsChecksum(OperationsChecksum.of(five, 4)));
    assertThatThrownBy(() -> migrate(project, List.of(), MigrateOptions.DEFAULTS))
        .isInstanceOf(MigrationErrors.StatementInDoubt.class)
        .hasMessageContaining("shop.0002_five stopped inside operation 4 of 5 (Raw SQL operation)")
        .hasMessageContaining("statement 1 (UPDATE shop_product SET a = 1)")
        .hasMessageContaining("Nothing was changed");
    assertThat(progress().get(key("0002_five")).inDoubt()).isTrue();
  }

  @Test default void aStatementThatMustRunOutsideATransactionTakesItsMigrationOutOfOne()
      throws Exception {
    Database db = database();
    assumeTrue(db.dialect().features().has(Feature.TRANSACTIONAL_DDL),
        "every migration runs outside a transaction here");
    Path project = fiveOperations(BROKEN);
    migrate(project, List.of(new Target("shop", "0001")), MigrateOptions.DEFAULTS);
    Migration five = migration(project, "0002_five");
    // VACUUM fails inside a transaction on PostgreSQL and SQLite alike.
    SqlStatement vacuum = SqlStatement.of("VACUUM").withEffects(null,
        Set.of(Effect.OUTSIDE_TRANSACTION));
    Migration atomic = new Migration(five.key(), five.dependencies(), five.operations(),
        List.of(), List.of(), false, true, null, null, "x");
    MigrationScript script = new MigrationScript(atomic, false,
        MigrationSql.states(atomic, stateAfterInitial(project)),
        List.of(new MigrationScript.Numbered(0, vacuum)), false);
    assertThat(script.runsInTransaction(db.dialect())).isFalse();
    new ProgressiveRun(db.connection(), db.dialect(),
        new MigrationHistory(db.connection(), db.dialect())).run(script, null, false);
    assertThat(applied()).contains("shop.0002_five");
    assertThat(progress()).isEmpty();
  }

  // ---- helpers --------------------------------------------------------------------------------

  private Path fiveOperations(String fourth) throws Exception {
    Path project = Files.createTempDirectory("cairn-partial");
    Path shop = Files.createDirectories(project.resolve("shop"));
    Files.copy(MigrationExecutorContract.fixture("failing").resolve("shop/0001_initial.yaml"),
        shop.resolve("0001_initial.yaml"));
    write(project, fourth);
    return project;
  }

  private static void write(Path project, String fourth) throws Exception {
    Files.writeString(project.resolve("shop/0002_five.yaml"), FIVE.formatted(fourth));
  }

  private MigrationExecutor executor(Path project) throws Exception {
    return new MigrationExecutor(database().connection(), database().dialect(),
        MigrationExecutorContract.load(project));
  }

  private List<PlanStep> migrate(Path project, List<Target> targets, MigrateOptions options)
      throws Exception {
    return executor(project).migrate(targets, options, MigrationListener.SILENT);
  }

  private static Migration migration(Path project, String name) throws Exception {
    return MigrationExecutorContract.load(project).stream()
        .filter(m -> m.key().name().equals(name)).findFirst().orElseThrow();
  }

  private ProjectState stateAfterInitial(Path project) throws Exception {
    Migration initial = migration(project, "0001_initial");
    List<ProjectState> states = MigrationSql.states(initial, ProjectState.empty());
    return states.get(states.size() - 1);
  }

  private static MigrationKey key(String name) {
    return new MigrationKey("shop", name);
  }

  private List<String> applied() throws SQLException {
    return new MigrationHistory(database().connection(), database().dialect()).applied().keySet()
        .stream().map(MigrationKey::toString).toList();
  }

  private Map<MigrationKey, Progress> progress() throws SQLException {
    return new MigrationProgress(database().connection(), database().dialect()).read();
  }

  private void saveProgress(Progress p) throws SQLException {
    new MigrationProgress(database().connection(), database().dialect()).save(p);
  }

  private List<String> columns() throws SQLException {
    return database().dialect().introspect(database().connection()).tables().get("shop_product")
        .columnNames();
  }

  /** The schema is the state of the recorded migrations, and of as much of a partial one as ran. */
  private void assertSchemaIsTheState(Path project) throws Exception {
    MigrationExecutor executor = executor(project);
    Set<MigrationKey> applied = executor.applied().keySet();
    ProjectState state = executor.graph(applied).stateAt(List.copyOf(applied));
    assertThat(database().dialect().introspect(database().connection()).withSortedColumns())
        .isEqualTo(ExpectedSchema.of(state, database().dialect()).withSortedColumns());
  }
}
