package dev.cairn.history;

import dev.cairn.migration.MigrationKey;
import dev.cairn.schema.ConnectionSink;
import dev.cairn.schema.Dialect;
import dev.cairn.state.Constraint;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code cairn_migrations} table: which migrations are applied, when, by whom, how long they
 * took and the checksum of the file that was applied. The table is itself described as a model,
 * so every dialect creates it with the SQL it uses for any other table.
 */
public final class MigrationHistory {
  public static final String TABLE = "cairn_migrations";

  private static final ModelState MODEL = historyModel();

  private final Connection connection;
  private final Dialect dialect;

  public MigrationHistory(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  public boolean exists() throws SQLException {
    return tableExists(connection, TABLE);
  }

  static boolean tableExists(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String name : List.of(table, table.toUpperCase(java.util.Locale.ROOT))) {
      try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), name,
          new String[] {"TABLE"})) {
        if (rs.next()) return true;
      }
    }
    return false;
  }

  /**
   * Creates the table (and the progress table) unless it is there; the caller holds the
   * migration lock.
   */
  public void ensureExists() throws SQLException {
    if (exists()) {
      progress().createIfMissing(); // a history table made before progress was recorded
      return;
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      create();
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /**
   * Creates the table unless it is there, in the transaction the caller has open: it commits, or
   * is rolled back, with the migrations recorded in it. The caller holds the migration lock.
   */
  public void ensureExistsInTransaction() throws SQLException {
    if (!exists()) create();
  }

  /** Creates the history table with the progress table beside it (see {@link MigrationProgress}). */
  private void create() throws SQLException {
    dialect.schemaEditor(new ConnectionSink(connection)).createModel(ProjectState.empty(), MODEL);
    progress().createIfMissing();
  }

  /** The progress of migrations that run outside a transaction, on the same connection. */
  public MigrationProgress progress() {
    return new MigrationProgress(connection, dialect);
  }

  /** Every recorded migration, in the order applied; empty when the table does not exist yet. */
  public Map<MigrationKey, AppliedMigration> applied() throws SQLException {
    return readIfExists(connection, TABLE, this::read);
  }

  /** A read of one of Cairn's tables. */
  interface Read<T> {
    Map<MigrationKey, T> run() throws SQLException;
  }

  /** What {@code read} reads of {@code table}; empty when the table does not exist (yet). */
  static <T> Map<MigrationKey, T> readIfExists(Connection connection, String table, Read<T> read)
      throws SQLException {
    // The table is read first and looked for only when that fails: the catalog query behind
    // tableExists costs a no-op run more than the read. Inside a transaction a failed read would
    // spoil it, so there the table is looked for first.
    if (!connection.getAutoCommit() && !tableExists(connection, table)) return new LinkedHashMap<>();
    try {
      return read.run();
    } catch (SQLException e) {
      if (connection.getAutoCommit() && !tableExists(connection, table)) return new LinkedHashMap<>();
      throw e;
    }
  }

  private Map<MigrationKey, AppliedMigration> read() throws SQLException {
    Map<MigrationKey, AppliedMigration> rows = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT " + q("app") + ", " + q("name") + ", " + q("applied") + ", " + q("checksum") + ", "
            + q("execution_ms") + ", " + q("applied_by") + " FROM " + q(TABLE)
            + " ORDER BY " + q("id"));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        MigrationKey key = new MigrationKey(rs.getString(1), rs.getString(2));
        Timestamp applied = rs.getTimestamp(3);
        rows.put(key, new AppliedMigration(key, applied == null ? null : applied.toInstant(),
            rs.getString(4), rs.getLong(5), rs.getString(6)));
      }
    }
    return rows;
  }

  public void record(MigrationKey key, String checksum, long executionMillis) throws SQLException {
    record(List.of(row(key, checksum, executionMillis)));
  }

  /** A row for {@link #record(List)}, applied now by this user. */
  public static AppliedMigration row(MigrationKey key, String checksum, long executionMillis) {
    return new AppliedMigration(key, Instant.now(), checksum, executionMillis, appliedBy());
  }

  /** Records rows in one round trip to the database, in their order. */
  public void record(List<AppliedMigration> rows) throws SQLException {
    if (rows.isEmpty()) return;
    try (PreparedStatement ps = connection.prepareStatement(
        "INSERT INTO " + q(TABLE) + " (" + q("app") + ", " + q("name") + ", " + q("applied")
            + ", " + q("checksum") + ", " + q("execution_ms") + ", " + q("applied_by")
            + ") VALUES (?, ?, ?, ?, ?, ?)")) {
      for (AppliedMigration row : rows) {
        ps.setString(1, row.key().app());
        ps.setString(2, row.key().name());
        ps.setTimestamp(3, Timestamp.from(row.applied()));
        ps.setString(4, row.checksum());
        ps.setLong(5, row.executionMillis());
        ps.setString(6, row.appliedBy());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  public void remove(MigrationKey key) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + q(TABLE) + " WHERE "
        + q("app") + " = ? AND " + q("name") + " = ?")) {
      ps.setString(1, key.app());
      ps.setString(2, key.name());
      ps.executeUpdate();
    }
  }

  /** Brings a recorded checksum up to date, for a user who accepts an edited migration. */
  public void updateChecksum(MigrationKey key, String checksum) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("UPDATE " + q(TABLE) + " SET "
        + q("checksum") + " = ? WHERE " + q("app") + " = ? AND " + q("name") + " = ?")) {
      ps.setString(1, checksum);
      ps.setString(2, key.app());
      ps.setString(3, key.name());
      ps.executeUpdate();
    }
  }

  private static String appliedBy() {
    String user = System.getProperty("user.name", "unknown");
    String host = System.getenv("HOSTNAME");
    return host == null || host.isBlank() ? user : user + "@" + host;
  }

  private String q(String identifier) {
    return dialect.quote(identifier);
  }

  private static ModelState historyModel() {
    Map<Name, Field> fields = new LinkedHashMap<>();
    fields.put(Name.of("applied"), Field.of(FieldType.DATE_TIME).build());
    fields.put(Name.of("checksum"), Field.of(FieldType.CHAR).maxLength(64).nullable(true).build());
    fields.put(Name.of("execution_ms"), Field.of(FieldType.BIG_INTEGER).build());
    fields.put(Name.of("applied_by"), Field.of(FieldType.CHAR).maxLength(255).nullable(true).build());
    return model("migrations", TABLE, fields);
  }

  /**
   * One of Cairn's tables, as a model: an id, then the app and name of a migration (unique
   * together), then {@code fields}.
   */
  static ModelState model(String name, String table, Map<Name, Field> fields) {
    Map<Name, Field> all = new LinkedHashMap<>();
    all.put(Name.of("id"), Field.of(FieldType.BIG_AUTO).primaryKey(true).build());
    all.put(Name.of("app"), Field.of(FieldType.CHAR).maxLength(255).build());
    all.put(Name.of("name"), Field.of(FieldType.CHAR).maxLength(255).build());
    all.putAll(fields);
    Constraint unique = Constraint.unique(table + "_app_name_uniq",
        List.of(Name.of("app"), Name.of("name")), null);
    return new ModelState("cairn", Name.of(name), all, table, true, null, List.of(),
        List.of(unique));
  }
}
