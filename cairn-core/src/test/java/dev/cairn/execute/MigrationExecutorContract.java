package dev.cairn.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.connect.Database;
import dev.cairn.history.MigrationHistory;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.migration.MigrationLoader;
import dev.cairn.schema.ExpectedSchema;
import dev.cairn.schema.Feature;
import dev.cairn.schema.SchemaSnapshot;
import dev.cairn.state.ProjectState;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@code migrate} must do on every database; one subclass per dialect. */
abstract class MigrationExecutorContract implements PartialMigrationContract {
  private Database db;

  /** A fresh, empty database. */
  abstract Database openEmptyDatabase() throws Exception;

  @BeforeEach void open() throws Exception {
    db = openEmptyDatabase();
  }

  @Override public Database database() {
    return db;
  }

  @AfterEach void close() throws SQLException {
    if (db != null) db.close();
  }

  /**
   * Skips the test unless the server has {@code feature}, as Django's skipUnlessDBFeature: what
   * a run leaves after a failure depends on whether DDL rolls back.
   */
  private void assumeFeature(Feature feature) {
    Assumptions.assumeTrue(db.dialect().features().has(feature),
        () -> db.dialect().name() + " has no " + feature);
  }

  @Test void migratingEverythingAppliesBothAppsInDependencyOrder() throws Exception {
    List<PlanStep> done = migrate("twoapps", List.of());
    assertThat(done).extracting(s -> s.migration().key().toString())
        .containsExactly("catalog.0001_initial", "shop.0001_initial", "shop.0002_product_stock");
    assertThat(appliedNames()).containsExactlyInAnyOrder("catalog.0001_initial",
        "shop.0001_initial", "shop.0002_product_stock");
    assertSchemaMatches("twoapps");
  }

  @Test void aSecondRunHasNothingToDo() throws Exception {
    migrate("twoapps", List.of());
    assertThat(migrate("twoapps", List.of())).isEmpty();
  }

  @Test void migratingBackToAnEarlierTargetUnappliesWhatFollows() throws Exception {
    migrate("twoapps", List.of());
    List<PlanStep> done = migrate("twoapps", List.of(new Target("shop", "0001")));
    assertThat(done).extracting(s -> s.migration().key().toString(), PlanStep::backwards)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("shop.0002_product_stock", true));
    assertThat(columns("shop_product")).doesNotContain("stock");
    assertSchemaMatches("twoapps");
  }

  @Test void migratingAnAppToZeroDropsItsTablesOnly() throws Exception {
    migrate("twoapps", List.of());
    migrate("twoapps", List.of(new Target("shop", Target.ZERO)));
    assertThat(db.dialect().introspect(db.connection()).tables())
        .containsOnlyKeys("catalog_category");
    assertThat(appliedNames()).containsExactly("catalog.0001_initial");
  }

  @Test void unapplyingAnAppUnappliesItsDependentsInOtherAppsFirst() throws Exception {
    migrate("twoapps", List.of());
    List<PlanStep> done = migrate("twoapps", List.of(new Target("catalog", Target.ZERO)));
    assertThat(done).extracting(s -> s.migration().key().toString()).containsExactly(
        "shop.0002_product_stock", "shop.0001_initial", "catalog.0001_initial");
    assertThat(db.dialect().introspect(db.connection()).tables()).isEmpty();
  }

  @Test void reapplyingAfterZeroRestoresTheSchema() throws Exception {
    migrate("twoapps", List.of());
    migrate("twoapps", List.of(new Target("catalog", Target.ZERO)));
    migrate("twoapps", List.of());
    assertSchemaMatches("twoapps");
  }

  @Test void anAmbiguousOrUnknownTargetIsRefusedByName() throws Exception {
    var conflicting = dev.cairn.graph.MigrationGraph.of(load(fixture("conflict")));
    assertThatThrownBy(() -> new MigrationPlanner(conflicting, java.util.Set.of())
        .resolve(new Target("shop", "0002")))
        .isInstanceOf(MigrationErrors.UnknownTarget.class)
        .hasMessageContaining("shop.0002_a, shop.0002_b");
    assertThatThrownBy(() -> migrate("twoapps", List.of(new Target("shop", "0009"))))
        .isInstanceOf(MigrationErrors.UnknownTarget.class).hasMessageContaining("'0009'");
    assertThatThrownBy(() -> migrate("twoapps", List.of(new Target("blog", null))))
        .isInstanceOf(MigrationErrors.UnknownTarget.class).hasMessageContaining("'blog'");
  }

  @Test void twoLeavesInOneAppAreAConflictThatSaysHowToMerge() {
    assertThatThrownBy(() -> migrate("conflict", List.of()))
        .hasMessageContaining("makemigrations --merge");
  }

  @Test void anEditedAppliedMigrationIsRefusedUnlessChecksumsAreIgnored() throws Exception {
    Path copy = copyOf("twoapps");
    migrate(copy, List.of(), MigrateOptions.DEFAULTS);
    Path file = copy.resolve("shop/0001_initial.yaml");
    Files.writeString(file, Files.readString(file) + "\n# edited\n");
    assertThatThrownBy(() -> migrate(copy, List.of(new Target("shop", "0001")), MigrateOptions.DEFAULTS))
        .isInstanceOf(MigrationErrors.ChecksumMismatch.class)
        .hasMessageContaining("shop.0001_initial");
    assertThat(columns("shop_product")).contains("stock");
    migrate(copy, List.of(new Target("shop", "0001")), new MigrateOptions(false, false, true));
    assertThat(columns("shop_product")).doesNotContain("stock");
  }

  @Test void aRunReadsTheOperationsOfEveryFileButTheAppliedUnchangedOnes() throws Exception {
    List<Migration> files = load(fixture("twoapps"));
    migrate("twoapps", List.of(new Target("shop", "0001")));
    List<Migration> unreadable = files.stream().map(m -> Migration.readingOperationsLater(m.key(),
        m.dependencies(), () -> { throw new IllegalStateException("read " + m.key()); },
        m.replaces(), m.runBefore(), m.initial(), m.atomic(), m.header(), m.source(),
        m.checksum())).toList();
    var executor = new MigrationExecutor(db.connection(), db.dialect(), unreadable);
    assertThatThrownBy(() -> executor.migrate(List.of(new Target("shop", "0001")),
        MigrateOptions.DEFAULTS, MigrationListener.SILENT))
        .hasMessage("read shop.0002_product_stock");
    assertThatThrownBy(() -> executor.plan(List.of(new Target("shop", "0001"))))
        .hasMessage("read shop.0002_product_stock");
    migrate("twoapps", List.of());
    assertThat(executor.migrate(List.of(), MigrateOptions.DEFAULTS, MigrationListener.SILENT))
        .isEmpty();
    assertThat(executor.plan(List.of())).isEmpty();
  }

  @Test void anIrreversibleStepStopsTheWholePlanBeforeAnythingRuns() throws Exception {
    migrate("irreversible", List.of());
    assertThatThrownBy(() -> migrate("irreversible", List.of(new Target("shop", Target.ZERO))))
        .isInstanceOf(MigrationErrors.Irreversible.class)
        .hasMessageContaining("shop.0002_backfill").hasMessageContaining("Raw SQL operation");
    assertThat(columns("shop_product")).contains("stock");
    assertThat(appliedNames()).hasSize(3);
  }

  @Test void aFailureInsideAMigrationLeavesNeitherItsChangesNorItsHistoryRow() throws Exception {
    assumeFeature(Feature.TRANSACTIONAL_DDL);
    migrate("failing", List.of(new Target("shop", "0001")));
    assertThatThrownBy(() -> migrate("failing", List.of()))
        .isInstanceOf(MigrationErrors.MigrationFailed.class)
        .hasMessageContaining("shop.0002_broken").hasMessageContaining("operation 3");
    assertThat(db.dialect().introspect(db.connection()).tables()).containsOnlyKeys("shop_product");
    assertThat(columns("shop_product")).doesNotContain("stock");
    assertThat(appliedNames()).containsExactly("shop.0001_initial");
  }

  @Test void aFreshDatabaseIsMigratedInOneTransaction() throws Exception {
    assumeFeature(Feature.TRANSACTIONAL_DDL);
    assertThatThrownBy(() -> migrate("failing", List.of()))
        .isInstanceOf(MigrationErrors.MigrationFailed.class)
        .hasMessageContaining("shop.0002_broken")
        .hasMessageContaining("none of the 2 migrations it held was applied");
    assertThat(db.dialect().introspect(db.connection()).tables()).doesNotContainKey("shop_product");
    assertThat(appliedNames()).isEmpty();
  }

  @Test void aSchemaStatementThatFailsInABatchIsNamedByMigrationAndOperation() throws Exception {
    assumeFeature(Feature.TRANSACTIONAL_DDL);
    Path project = shopAfterItsInitialMigration("cairn-batch");
    Path shop = project.resolve("shop");
    Files.writeString(shop.resolve("0002_sneaky.yaml"), """
        dependencies: [shop.0001_initial]
        operations:
          - RunSQL: {sql: "CREATE TABLE shop_thing (id integer)", reverse_sql: []}
        """);
    Files.writeString(shop.resolve("0003_thing.yaml"), """
        dependencies: [shop.0002_sneaky]
        operations:
          - AddField:
              model_name: product
              name: weight
              field: {type: IntegerField, null: true}
          - CreateModel:
              name: Thing
              fields:
                id: {type: BigAutoField, primary_key: true}
        """);
    List<String> reported = new ArrayList<>();
    MigrationListener listener = new MigrationListener() {
      @Override public void started(PlanStep step) {
        reported.add("started " + step.migration().key().name());
      }

      @Override public void finished(PlanStep step, long millis, boolean faked) {
        reported.add("finished " + step.migration().key().name());
      }
    };
    assertThatThrownBy(() -> new MigrationExecutor(db.connection(), db.dialect(), load(project))
        .migrate(List.of(), MigrateOptions.DEFAULTS, listener))
        .isInstanceOf(MigrationErrors.MigrationFailed.class)
        .hasMessageContaining("applying shop.0003_thing, operation 2 (Create model Thing)")
        .hasMessageContaining("none of the 3 migrations it held was applied");
    assertThat(reported).containsExactly("started 0001_initial", "finished 0001_initial",
        "started 0002_sneaky", "finished 0002_sneaky", "started 0003_thing");
    assertThat(appliedNames()).isEmpty();
    assertThat(db.dialect().introspect(db.connection()).tables())
        .doesNotContainKeys("shop_product", "shop_thing");
  }

  @Test void aFreshRunWhoseLaterMigrationDoesNotFitLeavesNothingBehind() throws Exception {
    assumeFeature(Feature.TRANSACTIONAL_DDL);
    Path project = shopAfterItsInitialMigration("cairn-misfit");
    Path shop = project.resolve("shop");
    Files.writeString(shop.resolve("0002_misfit.yaml"), """
        dependencies: [shop.0001_initial]
        operations:
          - AddField:
              model_name: nowhere
              name: weight
              field: {type: IntegerField, null: true}
        """);
    assertThatThrownBy(() -> migrate(project, List.of(), MigrateOptions.DEFAULTS))
        .isInstanceOf(dev.cairn.graph.ReplayException.class)
        .hasMessageContaining("0002_misfit.yaml");
    assertThat(db.dialect().introspect(db.connection()).tables()).isEmpty();
  }

  @Test void aNonAtomicMigrationCommitsTheSharedTransactionBeforeIt() throws Exception {
    assumeFeature(Feature.TRANSACTIONAL_DDL); // a rolled-back migration
    Path project = shopAfterItsInitialMigration("cairn-nonatomic");
    Path shop = project.resolve("shop");
    Files.writeString(shop.resolve("0002_outside.yaml"), """
        atomic: false
        dependencies: [shop.0001_initial]
        operations:
          - RunSQL: {sql: "CREATE TABLE plain_table (id integer)", reverse_sql: []}
        """);
    Files.writeString(shop.resolve("0003_broken.yaml"), """
        dependencies: [shop.0002_outside]
        operations:
          - RunSQL: {sql: "INSERT INTO no_such_table VALUES (1)", reverse_sql: []}
        """);
    assertThatThrownBy(() -> migrate(project, List.of(), MigrateOptions.DEFAULTS))
        .isInstanceOf(MigrationErrors.MigrationFailed.class)
        .hasMessageContaining("shop.0003_broken")
        .hasMessageContaining("The migration was rolled back");
    assertThat(appliedNames()).containsExactly("shop.0001_initial", "shop.0002_outside");
    assertThat(db.dialect().introspect(db.connection()).tables())
        .containsKeys("shop_product", "plain_table");
  }

  @Test void aFreshRunAcceptsRowsInsertedBeforeAnAlterFieldAsStepByStepDoes() throws Exception {
    Path project = authorsAndBooks("cairn-seed", """
        - RunSQL:
            sql:
              - INSERT INTO shop_author (id, name) VALUES (1, 'Ann')
              - INSERT INTO shop_book (id, title, author_id) VALUES (1, 'Tides', 1)
            reverse_sql: [DELETE FROM shop_book, DELETE FROM shop_author]
        """, """
        - AlterField:
            model_name: book
            name: title
            field: {type: CharField, max_length: 100}
        """);
    DatabaseContents stepByStep = applyOneAtATime(project);
    reopenEmpty();
    migrate(project, List.of(), MigrateOptions.DEFAULTS);
    assertThat(appliedNames()).hasSize(4);
    assertThat(DatabaseContents.of(db)).isEqualTo(stepByStep);
    assertThat(stepByStep.rows().get("shop_book")).containsExactly("1 | Tides | null | 1");
  }

  /**
   * Updating a row that its own transaction inserted queues a foreign key check on PostgreSQL even
   * when the key is unchanged, so AlterField's UPDATE of NULLs to the default would stop the
   * ALTER TABLE after it in one run, though not in one migration at a time.
   */
  @Test void aFreshRunFillsTheNullsOfRowsItInsertedAsStepByStepDoes() throws Exception {
    Path project = authorsAndBooks("cairn-fill", """
        - RunSQL:
            sql:
              - INSERT INTO shop_author (id, name) VALUES (1, 'Ann')
              - INSERT INTO shop_book (id, title, author_id) VALUES (1, 'Tides', 1)
            reverse_sql: []
        """, """
        - AlterField:
            model_name: book
            name: pages
            field: {type: IntegerField, default: 0}
        """);
    DatabaseContents stepByStep = applyOneAtATime(project);
    reopenEmpty();
    migrate(project, List.of(), MigrateOptions.DEFAULTS);
    assertThat(DatabaseContents.of(db)).isEqualTo(stepByStep);
    assertThat(stepByStep.rows().get("shop_book")).containsExactly("1 | Tides | 0 | 1");
  }

  @Test void aFreshRunRefusesAKeyBrokenByOneMigrationAndMendedByTheNextAsStepByStepDoes()
      throws Exception {
    assumeFeature(Feature.TRANSACTIONAL_DDL);
    Path project = authorsAndBooks("cairn-orphan", """
        - RunSQL:
            sql:
              - INSERT INTO shop_book (id, title, author_id) VALUES (1, 'Tides', 7)
            reverse_sql: []
        """, """
        - RunSQL:
            sql:
              - DELETE FROM shop_book
            reverse_sql: []
        """);
    assertThatThrownBy(() -> applyOneAtATime(project))
        .isInstanceOf(MigrationErrors.MigrationFailed.class)
        .hasMessageContaining("applying shop.0003_data").hasMessageContaining("foreign key");
    reopenEmpty();
    assertThatThrownBy(() -> migrate(project, List.of(), MigrateOptions.DEFAULTS))
        .isInstanceOf(MigrationErrors.MigrationFailed.class)
        .hasMessageContaining("applying shop.0003_data").hasMessageContaining("foreign key")
        .hasMessageContaining("none of the 3 migrations it held was applied");
    assertThat(appliedNames()).isEmpty();
    assertThat(db.dialect().introspect(db.connection()).tables()).isEmpty();
  }

  /** A RunSQL string of several statements runs each, as Django does, on every database. */
  private static final String THREE_STATEMENTS = """
      - RunSQL:
          sql: "INSERT INTO shop_author (id, name) VALUES (1, 'Ann; Lee');
            INSERT INTO shop_author (id, name) VALUES (2, 'Bo'); /* two; of three */
            INSERT INTO shop_book (id, title, author_id) VALUES (1, 'Tides', 2);"
          reverse_sql: "DELETE FROM shop_book; DELETE FROM shop_author WHERE id = 2;
            DELETE FROM shop_author WHERE id = 1;"
      """;

  private static final String NOTHING = "- RunSQL: {sql: [], reverse_sql: []}";

  @Test void aRunSqlOfThreeStatementsRunsEachInAFreshRunAndBackwards() throws Exception {
    Path project = authorsAndBooks("cairn-three", THREE_STATEMENTS, NOTHING);
    migrate(project, List.of(), MigrateOptions.DEFAULTS);
    assertThreeStatementsRan();
    migrate(project, List.of(new Target("shop", "0002")), MigrateOptions.DEFAULTS);
    assertThat(DatabaseContents.of(db).rows()).containsEntry("shop_author", List.of())
        .containsEntry("shop_book", List.of());
  }

  @Test void aRunSqlOfThreeStatementsRunsEachStepByStepAndBackwards() throws Exception {
    Path project = authorsAndBooks("cairn-three", THREE_STATEMENTS, NOTHING);
    applyOneAtATime(project);
    assertThreeStatementsRan();
    migrate(project, List.of(new Target("shop", "0003")), MigrateOptions.DEFAULTS);
    assertThreeStatementsRan();
    migrate(project, List.of(new Target("shop", "0002")), MigrateOptions.DEFAULTS);
    assertThat(DatabaseContents.of(db).rows()).containsEntry("shop_author", List.of())
        .containsEntry("shop_book", List.of());
  }

  @Test void theStatementOfARunSqlStringThatFailsIsNamed() throws Exception {
    assumeFeature(Feature.TRANSACTIONAL_DDL); // a rolled-back migration
    Path project = authorsAndBooks("cairn-three-bad", """
        - RunSQL:
            sql: "INSERT INTO shop_author (id, name) VALUES (1, 'Ann');
              INSERT INTO no_such_table VALUES (1)"
            reverse_sql: []
        """, NOTHING);
    assertThatThrownBy(() -> migrate(project, List.of(), MigrateOptions.DEFAULTS))
        .isInstanceOf(MigrationErrors.MigrationFailed.class)
        .hasMessageContaining("applying shop.0003_data, operation 1")
        .hasMessageContaining("statement 2 of 2 (INSERT INTO no_such_table VALUES (1))");
    assertThat(appliedNames()).isEmpty();
  }

  private void assertThreeStatementsRan() throws SQLException {
    Map<String, List<String>> rows = DatabaseContents.of(db).rows();
    assertThat(rows.get("shop_author")).containsExactly("1 | Ann; Lee", "2 | Bo");
    assertThat(rows.get("shop_book")).containsExactly("1 | Tides | null | 2");
  }

  @Test void fakeRecordsWithoutRunningAnything() throws Exception {
    migrate(fixture("twoapps"), List.of(), new MigrateOptions(true, false, false));
    assertThat(appliedNames()).hasSize(3);
    assertThat(db.dialect().introspect(db.connection()).tables()).isEmpty();
  }

  @Test void fakeInitialRecordsInitialMigrationsWhoseTablesExist() throws Exception {
    migrate("twoapps", List.of());
    try (Statement s = db.connection().createStatement()) {
      s.execute("DELETE FROM " + db.dialect().quote(MigrationHistory.TABLE));
    }
    List<PlanStep> done = migrate(fixture("twoapps"), List.of(new Target("shop", "0001")),
        new MigrateOptions(false, true, false));
    assertThat(done).hasSize(2);
    assertThat(appliedNames()).containsExactlyInAnyOrder("catalog.0001_initial", "shop.0001_initial");
  }

  @Test void fakeInitialAdoptsADatabaseInUseOneTransactionAMigration() throws Exception {
    assumeFeature(Feature.TRANSACTIONAL_DDL); // a rolled-back migration
    migrate("failing", List.of(new Target("shop", "0001")));
    try (Statement s = db.connection().createStatement()) {
      s.execute("DELETE FROM " + db.dialect().quote(MigrationHistory.TABLE));
    }
    assertThatThrownBy(() -> migrate(fixture("failing"), List.of(),
        new MigrateOptions(false, true, false)))
        .isInstanceOf(MigrationErrors.MigrationFailed.class)
        .hasMessageContaining("shop.0002_broken")
        .hasMessageContaining("The migration was rolled back");
    assertThat(appliedNames()).containsExactly("shop.0001_initial");
  }

  @Test void aSquashedMigrationAppliesOnAFreshDatabaseAndRecordsWhatItReplaces() throws Exception {
    List<PlanStep> done = migrate("squashed", List.of());
    assertThat(done).extracting(s -> s.migration().key().name())
        .containsExactly("0001_squashed_0002_product_stock");
    assertThat(appliedNames()).containsExactlyInAnyOrder("shop.0001_initial",
        "shop.0002_product_stock", "shop.0001_squashed_0002_product_stock");
    assertThat(columns("shop_product")).contains("stock");
  }

  @Test void aDatabaseWithTheOriginalsAppliedRecordsTheSquashAsApplied() throws Exception {
    Path originals = copyOf("squashed");
    Files.delete(originals.resolve("shop/0001_squashed_0002_product_stock.yaml"));
    migrate(originals, List.of(), MigrateOptions.DEFAULTS);
    assertThat(migrate("squashed", List.of())).isEmpty();
    assertThat(appliedNames()).contains("shop.0001_squashed_0002_product_stock");
  }

  // ---- helpers --------------------------------------------------------------------------------

  private List<PlanStep> migrate(String fixture, List<Target> targets) throws Exception {
    return migrate(fixture(fixture), targets, MigrateOptions.DEFAULTS);
  }

  private List<PlanStep> migrate(Path folder, List<Target> targets, MigrateOptions options)
      throws Exception {
    return new MigrationExecutor(db.connection(), db.dialect(), load(folder))
        .migrate(targets, options, MigrationListener.SILENT);
  }

  static List<Migration> load(Path folder) throws Exception {
    Map<String, Path> apps = new LinkedHashMap<>();
    try (Stream<Path> list = Files.list(folder)) {
      list.filter(Files::isDirectory).sorted()
          .forEach(p -> apps.put(p.getFileName().toString(), p));
    }
    return MigrationLoader.load(apps);
  }

  private void assertSchemaMatches(String fixture) throws Exception {
    var executor = new MigrationExecutor(db.connection(), db.dialect(), load(fixture(fixture)));
    var applied = executor.applied().keySet();
    ProjectState state = executor.graph(applied).stateAt(
        applied.stream().filter(k -> executor.graph(applied).contains(k)).toList());
    SchemaSnapshot expected = ExpectedSchema.of(state, db.dialect());
    assertThat(db.dialect().introspect(db.connection())).isEqualTo(expected);
  }

  private List<String> appliedNames() throws SQLException {
    List<String> names = new ArrayList<>();
    for (MigrationKey k : new MigrationHistory(db.connection(), db.dialect()).applied().keySet()) {
      names.add(k.toString());
    }
    return names;
  }

  private List<String> columns(String table) throws SQLException {
    return db.dialect().introspect(db.connection()).tables().get(table).columnNames();
  }

  /**
   * A project whose app shop creates Author, then Book with a foreign key to it, then runs the
   * operations of {@code data} (0003) and {@code after} (0004), each a YAML list.
   */
  private static Path authorsAndBooks(String prefix, String data, String after) throws Exception {
    Path project = Files.createTempDirectory(prefix);
    Path shop = Files.createDirectories(project.resolve("shop"));
    Files.writeString(shop.resolve("0001_initial.yaml"), """
        initial: true
        dependencies: []
        operations:
          - CreateModel:
              name: Author
              fields:
                id: {type: BigAutoField, primary_key: true}
                name: {type: CharField, max_length: 50}
        """);
    Files.writeString(shop.resolve("0002_book.yaml"), """
        dependencies: [shop.0001_initial]
        operations:
          - CreateModel:
              name: Book
              fields:
                id: {type: BigAutoField, primary_key: true}
                title: {type: CharField, max_length: 50}
                pages: {type: IntegerField, null: true}
                author: {type: ForeignKey, to: shop.Author, on_delete: CASCADE}
        """);
    Files.writeString(shop.resolve("0003_data.yaml"),
        "dependencies: [shop.0002_book]\noperations:\n" + data.indent(2));
    Files.writeString(shop.resolve("0004_after.yaml"),
        "dependencies: [shop.0003_data]\noperations:\n" + after.indent(2));
    return project;
  }

  /** Applies the project's migrations one run each, so that each commits before the next. */
  private DatabaseContents applyOneAtATime(Path project) throws Exception {
    List<Migration> files = new ArrayList<>(load(project));
    files.sort(java.util.Comparator.comparing(m -> m.key().name()));
    for (Migration m : files) {
      migrate(project, List.of(new Target(m.app(), m.key().name())), MigrateOptions.DEFAULTS);
    }
    return DatabaseContents.of(db);
  }

  private void reopenEmpty() throws Exception {
    db.close();
    db = openEmptyDatabase();
  }

  /** A new project whose app shop has the failing fixture's 0001_initial, for a test to extend. */
  private static Path shopAfterItsInitialMigration(String prefix) throws Exception {
    Path project = Files.createTempDirectory(prefix);
    Path shop = Files.createDirectories(project.resolve("shop"));
    Files.copy(fixture("failing").resolve("shop/0001_initial.yaml"),
        shop.resolve("0001_initial.yaml"));
    return project;
  }

  static Path fixture(String name) throws URISyntaxException {
    return Path.of(MigrationExecutorContract.class.getResource("/projects/" + name).toURI());
  }

  private static Path copyOf(String name) throws Exception {
    Path source = fixture(name);
    Path target = Files.createTempDirectory("cairn-" + name);
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path p : walk.toList()) {
        Path dest = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(dest);
        else Files.copy(p, dest);
      }
    }
    return target;
  }
}
