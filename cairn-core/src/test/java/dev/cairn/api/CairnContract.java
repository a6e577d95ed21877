package dev.cairn.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.dialect.Dialects;
import dev.cairn.execute.MigrationListener;
import dev.cairn.execute.PlanStep;
import dev.cairn.execute.Target;
import dev.cairn.migration.Migration;
import dev.cairn.schema.Feature;
import dev.cairn.schema.SqlStatement;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade's verbs on one database, by URL and by DataSource; one subclass per database. */
abstract class CairnContract {
  @TempDir Path folder;
  Path cairnYaml;

  /** The URL of an empty database for this test. */
  abstract String url() throws SQLException;

  /** A DataSource for the same database. */
  abstract DataSource dataSource() throws SQLException;

  @BeforeEach void writeProject() {
    cairnYaml = ShopProject.create(folder, null);
  }

  @Test void migrateWithAUrlAppliesEveryMigrationInOrder() throws SQLException {
    List<PlanStep> done = withUrl().migrate(MigrateRequest.all());

    assertThat(done).extracting(s -> s.migration().key().toString())
        .containsExactly("shop.0001_initial", "shop.0002_product_stock");
    assertThat(columns("shop_product")).contains("id", "name", "stock");
  }

  @Test void migrateWithADataSourceFindsTheDialectFromTheConnection() throws SQLException {
    Cairn cairn = Cairn.configure().project(cairnYaml).dataSource(dataSource()).build();

    assertThat(cairn.migrate(MigrateRequest.all())).hasSize(2);
    assertThat(cairn.status().migrations()).allMatch(MigrationStatus::applied);
    assertThat(columns("shop_product")).contains("stock");
  }

  @Test void statusSaysWhenEachMigrationWasAppliedAndItsChecksum() throws SQLException {
    Cairn cairn = withUrl();
    cairn.migrate(MigrateRequest.to(new Target("shop", "0001")));

    Status status = cairn.status();
    MigrationStatus initial = status.migrations().get(0);
    MigrationStatus stock = status.migrations().get(1);
    assertThat(initial.key().toString()).isEqualTo("shop.0001_initial");
    assertThat(initial.applied()).isTrue();
    assertThat(initial.appliedAt()).isNotNull();
    assertThat(initial.checksum()).isEqualTo(migration(cairn, "0001_initial").checksum());
    assertThat(stock.applied()).isFalse();
    assertThat(stock.appliedAt()).isNull();
    assertThat(stock.checksum()).isNull();
    assertThat(status.isUpToDate()).isFalse();
  }

  @Test void statusThroughADataSourceReadsTheSameHistory() throws SQLException {
    withUrl().migrate(MigrateRequest.all());

    Status status = Cairn.configure().project(cairnYaml).dataSource(dataSource()).build().status();

    assertThat(status.isUpToDate()).isTrue();
    assertThat(status.inPlanOrder()).extracting(MigrationStatus::name)
        .containsExactly("0001_initial", "0002_product_stock");
  }

  @Test void planListsTheStepsAndChangesNothing() throws SQLException {
    Cairn cairn = withUrl();

    Plan plan = cairn.plan(MigrateRequest.all());

    assertThat(plan.steps()).extracting(PlanStep::toString)
        .containsExactly("Apply shop.0001_initial", "Apply shop.0002_product_stock");
    assertThat(plan.missingFiles()).isEmpty();
    assertThat(cairn.status().migrations()).noneMatch(MigrationStatus::applied);
  }

  @Test void theListenerHearsEachMigrationStartAndFinish() throws SQLException {
    List<String> heard = new ArrayList<>();
    MigrationListener listener = new MigrationListener() {
      @Override public void planned(List<PlanStep> plan) {
        heard.add("planned " + plan.size());
      }

      @Override public void started(PlanStep step) {
        heard.add("started " + step.migration().key());
      }

      @Override public void finished(PlanStep step, long millis, boolean faked) {
        heard.add("finished " + step.migration().key() + (faked ? " faked" : ""));
      }
    };

    withUrl().newBuilder().listener(listener).build().migrate(MigrateRequest.all());

    assertThat(heard).containsExactly("planned 2", "started shop.0001_initial",
        "finished shop.0001_initial", "started shop.0002_product_stock",
        "finished shop.0002_product_stock");
  }

  @Test void migratingToZeroUnappliesEveryMigration() throws SQLException {
    Cairn cairn = withUrl();
    cairn.migrate(MigrateRequest.all());

    List<PlanStep> undone = cairn.migrate(MigrateRequest.to(new Target("shop", Target.ZERO)));

    assertThat(undone).extracting(PlanStep::toString)
        .containsExactly("Unapply shop.0002_product_stock", "Unapply shop.0001_initial");
    assertThat(cairn.status().migrations()).noneMatch(MigrationStatus::applied);
    assertThat(columns("shop_product")).isEmpty();
  }

  @Test void aFakeMigrateRecordsTheMigrationsWithoutRunningThem() throws SQLException {
    Cairn cairn = withUrl();

    cairn.migrate(MigrateRequest.all().withFake(true));

    assertThat(cairn.status().isUpToDate()).isTrue();
    assertThat(columns("shop_product")).isEmpty();
  }

  @Test void sqlMigrateGivesTheStatementsAndRunsNone() throws SQLException {
    Cairn cairn = withUrl();

    SqlMigration forwards = cairn.sqlMigrate("shop", "0002", false);
    SqlMigration backwards = cairn.sqlMigrate("shop", "0001", true);

    assertThat(forwards.migration().name()).isEqualTo("0002_product_stock");
    assertThat(forwards.transactional()).isEqualTo(
        Dialects.forUrl(url()).features().has(Feature.TRANSACTIONAL_DDL));
    assertThat(sql(forwards)).anyMatch(s -> s.contains("stock"));
    assertThat(sql(backwards)).anyMatch(s -> s.startsWith("DROP TABLE"));
    assertThat(columns("shop_product")).isEmpty();
  }

  @Test void sqlMigrateThroughADataSourceMatchesTheUrl() throws SQLException {
    Cairn byUrl = withUrl();
    Cairn byDataSource = Cairn.configure().project(cairnYaml).dataSource(dataSource()).build();

    assertThat(sql(byDataSource.sqlMigrate("shop", "0001", false)))
        .isEqualTo(sql(byUrl.sqlMigrate("shop", "0001", false)));
  }

  @Test void runJavaClassesComeFromTheGivenClassLoader() throws SQLException {
    ShopProject.write(folder.resolve("migrations/shop/0003_seed.yaml"), """
        dependencies:
          - shop.0002_product_stock
        operations:
          - RunJava:
              code: dev.cairn.api.SeedProducts
        """);
    Set<String> asked = new HashSet<>();
    ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
      @Override protected Class<?> loadClass(String name, boolean resolve)
          throws ClassNotFoundException {
        asked.add(name);
        return super.loadClass(name, resolve);
      }
    };
    ClassLoader callers = Thread.currentThread().getContextClassLoader();

    withUrl().newBuilder().classLoader(loader).build().migrate(MigrateRequest.all());

    assertThat(asked).contains(SeedProducts.class.getName());
    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(callers);
    assertThat(count("shop_product")).isEqualTo(1);
  }

  Cairn withUrl() throws SQLException {
    return Cairn.configure().project(cairnYaml).database(url()).build();
  }

  private static Migration migration(Cairn cairn, String name) {
    return cairn.migrations().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> sql(SqlMigration m) {
    return m.statements().stream().map(SqlStatement::sql).filter(s -> !s.isEmpty()).toList();
  }

  /** The table's columns in lower case; none when there is no such table. */
  private List<String> columns(String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url());
        ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, table, null)) {
      while (rs.next()) columns.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
    }
    return columns;
  }

  private int count(String table) throws SQLException {
    try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
