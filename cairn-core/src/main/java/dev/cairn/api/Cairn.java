package dev.cairn.api;

import static java.util.Objects.requireNonNull;

import dev.cairn.config.ConfigReader;
import dev.cairn.config.ProjectConfig;
import dev.cairn.connect.Database;
import dev.cairn.execute.MigrateOptions;
import dev.cairn.execute.MigrationExecutor;
import dev.cairn.execute.MigrationListener;
import dev.cairn.execute.MigrationPlanner;
import dev.cairn.execute.MigrationSql;
import dev.cairn.execute.PlanStep;
import dev.cairn.execute.Target;
import dev.cairn.graph.MigrationGraph;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.migration.MigrationLoader;
import dev.cairn.optimize.Squasher;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.SqlStatement;
import dev.cairn.schema.LockWait;
import dev.cairn.state.ProjectState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;

/**
 * Cairn for a program: one project (its apps, models and migration folders), one database, the
 * class loader its RunJava steps come from, and a listener for progress. The command line, the
 * Maven plugin, the Spring Boot starter and the JUnit extension all call this class, so that none
 * wires the loader, graph, history, dialect and executor itself.
 *
 * <pre>{@code
 * Cairn cairn = Cairn.configure()
 *     .project(Path.of("cairn.yaml"))
 *     .dataSource(dataSource)              // or .database("jdbc:postgresql://localhost/shop")
 *     .listener(listener)
 *     .build();
 * cairn.migrate(MigrateRequest.all());
 * }</pre>
 *
 * <p>Verbs return values and print nothing; failures are the engine's own exceptions. Immutable:
 * {@link #newBuilder()} makes a changed copy. A verb that needs the database opens a connection
 * and closes it (for a DataSource: returns it) before it returns.
 */
public final class Cairn {
  /** The version written into the header of the files Cairn makes. */
  public static final String VERSION = "0.1.0";

  private final ProjectConfig config;
  private final Path folder;
  private final String databaseUrl;
  private final DataSource dataSource;
  private final DatabaseSource database;
  private final ClassLoader classLoader;
  private final MigrationListener listener;
  private final LockWait lockWait;

  private Cairn(Builder b) {
    this.config = requireNonNull(b.config, "project == null: call project(...) first");
    this.folder = b.folder;
    this.databaseUrl = b.databaseUrl;
    this.dataSource = b.dataSource;
    this.classLoader = b.classLoader;
    this.listener = b.listener;
    this.lockWait = b.lockWait;
    String url = databaseUrl != null ? databaseUrl
        : config.database() == null || config.database().isBlank() ? null : config.database();
    this.database = dataSource != null ? new DatabaseSource.Pooled(dataSource)
        : url != null ? DatabaseSource.Url.inProject(url, folder) : null;
  }

  public static Builder configure() {
    return new Builder();
  }

  /** A builder holding this instance's settings, to make a changed copy. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  public ProjectConfig config() {
    return config;
  }

  /** The project folder: relative paths of the project (a SQLite file) are relative to it. */
  public Path folder() {
    return folder;
  }

  /** The JDBC URL used, a relative SQLite file resolved; empty for a DataSource or none. */
  public Optional<String> databaseUrl() {
    return database == null ? Optional.empty() : database.url();
  }

  /**
   * The SQLite file the URL names when it does not exist yet: {@link #migrate} creates it, the
   * verbs that only read ({@link #plan}, {@link #status}) read it as the empty database it would
   * be, without creating it.
   */
  public Optional<Path> missingDatabaseFile() {
    return database == null ? Optional.empty() : database.missingFile();
  }

  /** Every migration of the project, read in full: a broken file throws here. */
  public List<Migration> migrations() {
    List<Migration> migrations = migrationsReadingOperationsLater();
    migrations.forEach(Migration::operations);
    return migrations;
  }

  /** Every migration, its operations read on first use (the executor reads what it needs). */
  private List<Migration> migrationsReadingOperationsLater() {
    Map<String, Path> folders = new LinkedHashMap<>();
    config.apps().forEach((label, app) -> folders.put(label, app.migrations()));
    return MigrationLoader.load(folders);
  }

  /** Where a migration's file goes: its app's migration folder, {@code <name>.yaml}. */
  public Path migrationFile(Migration m) {
    return config.apps().get(m.app()).migrations().resolve(m.name() + ".yaml");
  }

  /**
   * What {@link #migrate} would do now, changing nothing and taking no lock; refuses what it
   * would refuse before its first step. A SQLite file that does not exist is not created.
   */
  public Plan plan(MigrateRequest request) throws SQLException {
    return withClassLoader(() -> {
      try (Opened opened = open(true)) {
        MigrationExecutor executor = opened.executor();
        List<PlanStep> steps = executor.plan(request.targets());
        return new Plan(steps, executor.missingSinceApplied(executor.applied()));
      }
    });
  }

  /**
   * Applies or unapplies migrations as {@code request} says, holding the database's migration
   * lock, and tells the listener as it goes.
   *
   * @return the steps taken, in order; empty when there was nothing to do
   */
  public List<PlanStep> migrate(MigrateRequest request) throws SQLException {
    MigrateOptions options = new MigrateOptions(request.fake(), request.fakeInitial(),
        request.ignoreChecksums(), lockWait);
    return withClassLoader(() -> {
      try (Opened opened = open(false)) {
        return opened.executor().migrate(request.targets(), options, listener);
      }
    });
  }

  /** Which migrations the database has, without changing it (a missing SQLite file is empty). */
  public Status status() throws SQLException {
    return withClassLoader(() -> {
      try (Opened opened = open(true)) {
        return ProjectStatus.of(opened.executor());
      }
    });
  }

  /**
   * The SQL a migration runs, as {@code migrate} would run it on a fresh database, without
   * connecting when the dialect is known from the URL.
   *
   * @param migration its name or a unique prefix ({@code 0002})
   * @param backwards the SQL that unapplies it
   */
  public SqlMigration sqlMigrate(String app, String migration, boolean backwards)
      throws SQLException {
    Dialect dialect = requireDatabase().dialect();
    return withClassLoader(() -> {
      MigrationGraph graph = MigrationGraph.of(migrations());
      MigrationKey key = new MigrationPlanner(graph, Set.of()).resolve(new Target(app, migration));
      Migration m = graph.migration(key);
      if (backwards) MigrationPlanner.checkReversible(List.of(new PlanStep(m, true)));
      // The state migrate has on a fresh database when it reaches this migration: every
      // migration before it in the full plan, other apps' included, not only its ancestors.
      List<MigrationKey> plan = graph.fullPlan();
      ProjectState state = graph.stateAt(plan.subList(0, plan.indexOf(key)));
      List<SqlStatement> statements = MigrationSql.of(dialect, m, state, backwards);
      return new SqlMigration(m, backwards, statements,
          MigrationSql.runsInTransaction(dialect, m, statements));
    });
  }

  /**
   * {@code makemigrations} for {@code apps} (every app with a model source when empty): reads
   * every migration now, and checks the apps.
   *
   * @throws UnknownApp if an app is not in the project
   */
  public MakeMigrations makeMigrations(Collection<String> apps) {
    return new MakeMigrations(config, migrations(), apps, header(), this::migrationFile);
  }

  /** A merge for every app whose migrations branched. */
  public List<Merge> merges() {
    return Merge.all(MigrationGraph.of(migrations()).withReplacements(Set.of()), Set.of(),
        header(), this::migrationFile);
  }

  /**
   * One migration replacing a range of an app's migrations; not written.
   *
   * @throws dev.cairn.optimize.SquashException if the range cannot be squashed
   */
  public NewMigration squash(SquashRequest request) {
    if (!config.apps().containsKey(request.app())) {
      throw new UnknownApp("no app '" + request.app() + "' in the project; apps: "
          + String.join(", ", config.apps().keySet()));
    }
    Squasher squasher = Squasher.of(MigrationGraph.of(migrations())).optimize(request.optimize());
    if (request.squashedName() != null) squasher = squasher.squashedName(request.squashedName());
    Migration s = squasher.squash(request.app(), request.from(), request.to());
    s = new Migration(s.key(), s.dependencies(), s.operations(), s.replaces(), s.runBefore(),
        s.initial(), s.atomic(), request.header() ? header() : null, null, null);
    return new NewMigration(s, migrationFile(s));
  }

  /**
   * The apps whose models (from models files) have changes that no migration holds, sorted, as
   * {@code makemigrations --check} finds them: a question it would ask counts as a change.
   */
  public Set<String> appsWithUnmigratedChanges() {
    return PendingModelChanges.of(config, migrations());
  }

  /** Writes a migration Cairn made into its file, making the folder if needed. */
  public Path write(NewMigration migration) throws IOException {
    Path file = migration.file();
    if (file.getParent() != null) Files.createDirectories(file.getParent());
    Files.writeString(file, migration.text(), StandardCharsets.UTF_8);
    return file;
  }

  /** The comment at the top of every file Cairn writes. */
  public static String header() {
    return "# Generated by Cairn " + VERSION + " on "
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
  }

  private DatabaseSource requireDatabase() {
    if (database == null) {
      throw new IllegalStateException("no database given: set 'database:' in cairn.yaml, or"
          + " call database(<jdbc-url>) or dataSource(<DataSource>) on Cairn.configure()");
    }
    return database;
  }

  /**
   * Opens the database while another thread reads the migration files, operations later: on a
   * cold start each takes about 100 ms, and neither needs the other. A database that cannot be
   * opened is reported first, as when the files were read after it.
   */
  private Opened open(boolean readOnly) throws SQLException {
    DatabaseSource source = requireDatabase();
    CompletableFuture<List<Migration>> reading =
        CompletableFuture.supplyAsync(this::migrationsReadingOperationsLater);
    Database db = readOnly ? source.openToRead() : source.open();
    try {
      return new Opened(db, reading.join());
    } catch (CompletionException e) {
      db.close();
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    }
  }

  /** An open database and the project's migrations; closing it closes the connection. */
  private record Opened(Database db, List<Migration> migrations) implements AutoCloseable {
    MigrationExecutor executor() {
      return new MigrationExecutor(db.connection(), db.dialect(), migrations);
    }

    @Override public void close() throws SQLException {
      db.close();
    }
  }

  private interface DatabaseWork<T> {
    T run() throws SQLException;
  }

  /** RunJava loads its classes from the thread's context class loader. */
  private <T> T withClassLoader(DatabaseWork<T> work) throws SQLException {
    if (classLoader == null) return work.run();
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(classLoader);
    try {
      return work.run();
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  /** Builds a {@link Cairn}; only the project is required. */
  public static final class Builder {
    private ProjectConfig config;
    private Path folder;
    private String databaseUrl;
    private DataSource dataSource;
    private ClassLoader classLoader;
    private MigrationListener listener = MigrationListener.SILENT;
    private LockWait lockWait = LockWait.DEFAULT;

    private Builder() {}

    private Builder(Cairn c) {
      config = c.config;
      folder = c.folder;
      databaseUrl = c.databaseUrl;
      dataSource = c.dataSource;
      classLoader = c.classLoader;
      listener = c.listener;
      lockWait = c.lockWait;
    }

    /**
     * The project described by a {@code cairn.yaml}, read now.
     *
     * @throws dev.cairn.config.ConfigException if it cannot be read, naming the file and line
     */
    public Builder project(Path cairnYaml) {
      this.config = new ConfigReader().read(cairnYaml);
      this.folder = cairnYaml.toAbsolutePath().getParent();
      return this;
    }

    /** A project given in code; its paths are relative to {@link ProjectConfig#root()}. */
    public Builder project(ProjectConfig config) {
      this.config = requireNonNull(config, "config == null");
      this.folder = config.root().toAbsolutePath();
      return this;
    }

    /**
     * The database, by JDBC URL; the dialect follows from it. A relative SQLite file is relative
     * to the project folder. Replaces a DataSource given before. Without either, the project's
     * {@code database:} is used.
     */
    public Builder database(String jdbcUrl) {
      this.databaseUrl = requireNonNull(jdbcUrl, "jdbcUrl == null");
      this.dataSource = null;
      return this;
    }

    /**
     * The database, as a DataSource whose connections Cairn takes and returns per verb; the
     * dialect is found from the product name a connection reports. Replaces a URL given before.
     *
     * <p>A connection {@link #migrate} used goes back with the session settings migrate made
     * (PostgreSQL: {@code synchronous_commit} off when nothing was applied; SQLite: foreign keys
     * off) until dialects can undo them: give a DataSource that opens a new connection each time,
     * or a pool that resets sessions.
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = requireNonNull(dataSource, "dataSource == null");
      this.databaseUrl = null;
      return this;
    }

    /**
     * Where RunJava classes (and, later, JPA entities) come from: the thread's context class
     * loader while a verb runs. Default: whatever the calling thread has.
     */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = classLoader;
      return this;
    }

    /** Hears {@link #migrate}'s progress. Default: {@link MigrationListener#SILENT}. */
    public Builder listener(MigrationListener listener) {
      this.listener = requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * How long {@link #migrate} waits for the migration lock while another run holds it.
     * Default: {@link LockWait#DEFAULT}.
     */
    public Builder lockWait(LockWait lockWait) {
      this.lockWait = requireNonNull(lockWait, "lockWait == null");
      return this;
    }

    public Cairn build() {
      return new Cairn(this);
    }
  }
}
