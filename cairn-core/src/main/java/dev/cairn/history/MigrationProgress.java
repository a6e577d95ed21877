package dev.cairn.history;

import dev.cairn.migration.MigrationKey;
import dev.cairn.schema.ConnectionSink;
import dev.cairn.schema.Dialect;
import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import dev.cairn.state.ModelState;
import dev.cairn.state.Name;
import dev.cairn.state.ProjectState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code cairn_migration_progress} table: one row for each migration that runs, or stopped,
 * outside a transaction, saying which of its operations and statements are in the database (see
 * {@link Progress}). A migration that ends is recorded in the history and its row deleted in one
 * transaction, so a row means the migration is partly applied. Described as a model, as the
 * history table is.
 */
public final class MigrationProgress {
  public static final String TABLE = "cairn_migration_progress";

  private static final ModelState MODEL = progressModel();
  private static final String COLUMNS = "app, name, backwards, operations, statements, in_doubt,"
      + " operations_checksum, statements_checksum, doubt_tables, doubt_statements, updated";

  private final Connection connection;
  private final Dialect dialect;

  public MigrationProgress(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  public boolean exists() throws SQLException {
    return MigrationHistory.tableExists(connection, TABLE);
  }

  /** Creates the table unless it is there, in the transaction the caller has open, if any. */
  public void createIfMissing() throws SQLException {
    if (!exists()) dialect.schemaEditor(new ConnectionSink(connection)).createModel(ProjectState.empty(), MODEL);
  }

  /** Every partly applied migration; empty when the table does not exist (yet). */
  public Map<MigrationKey, Progress> read() throws SQLException {
    return MigrationHistory.readIfExists(connection, TABLE, this::select);
  }

  private Map<MigrationKey, Progress> select() throws SQLException {
    Map<MigrationKey, Progress> rows = new LinkedHashMap<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT " + quoted(COLUMNS)
        + " FROM " + q(TABLE) + " ORDER BY " + q("id"));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        MigrationKey key = new MigrationKey(rs.getString(1), rs.getString(2));
        Progress.Doubt doubt = rs.getBoolean(6)
            ? new Progress.Doubt(rs.getString(9), rs.getString(10)) : null;
        rows.put(key, new Progress(key, rs.getBoolean(3), rs.getInt(4), rs.getInt(5), doubt,
            rs.getString(7), rs.getString(8)));
      }
    }
    return rows;
  }

  /** Records {@code p} as the migration's progress, replacing any row it had. */
  public void save(Progress p) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("UPDATE " + q(TABLE) + " SET "
        + q("backwards") + " = ?, " + q("operations") + " = ?, " + q("statements") + " = ?, "
        + q("in_doubt") + " = ?, " + q("operations_checksum") + " = ?, "
        + q("statements_checksum") + " = ?, " + q("doubt_tables") + " = ?, "
        + q("doubt_statements") + " = ?, " + q("updated") + " = ? WHERE " + q("app")
        + " = ? AND " + q("name") + " = ?")) {
      bind(ps, p, 1, 10, 11);
      if (ps.executeUpdate() > 0) return;
    }
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + q(TABLE) + " ("
        + quoted(COLUMNS) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      bind(ps, p, 3, 1, 2);
      ps.executeUpdate();
    }
  }

  /** Binds the columns from {@code backwards} to {@code updated}, in order, from {@code first}. */
  private static void bind(PreparedStatement ps, Progress p, int first, int app, int name)
      throws SQLException {
    int i = first;
    ps.setBoolean(i++, p.backwards());
    ps.setInt(i++, p.operations());
    ps.setInt(i++, p.statements());
    ps.setBoolean(i++, p.inDoubt());
    ps.setString(i++, p.operationsChecksum());
    ps.setString(i++, p.statementsChecksum());
    ps.setString(i++, p.inDoubt() ? p.doubt().tablesBefore() : null);
    ps.setString(i++, p.inDoubt() ? p.doubt().statementsIfRan() : null);
    ps.setTimestamp(i, Timestamp.from(Instant.now()));
    ps.setString(app, p.key().app());
    ps.setString(name, p.key().name());
  }

  public void remove(MigrationKey key) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + q(TABLE) + " WHERE "
        + q("app") + " = ? AND " + q("name") + " = ?")) {
      ps.setString(1, key.app());
      ps.setString(2, key.name());
      ps.executeUpdate();
    }
  }

  private String quoted(String columns) {
    return String.join(", ", List.of(columns.split(",\\s*")).stream().map(this::q).toList());
  }

  private String q(String identifier) {
    return dialect.quote(identifier);
  }

  private static ModelState progressModel() {
    Map<Name, Field> fields = new LinkedHashMap<>();
    fields.put(Name.of("backwards"), Field.of(FieldType.BOOLEAN).build());
    fields.put(Name.of("operations"), Field.of(FieldType.INTEGER).build());
    fields.put(Name.of("statements"), Field.of(FieldType.INTEGER).build());
    fields.put(Name.of("in_doubt"), Field.of(FieldType.BOOLEAN).build());
    fields.put(Name.of("operations_checksum"),
        Field.of(FieldType.CHAR).maxLength(64).nullable(true).build());
    fields.put(Name.of("statements_checksum"),
        Field.of(FieldType.CHAR).maxLength(64).nullable(true).build());
    fields.put(Name.of("doubt_tables"),
        Field.of(FieldType.CHAR).maxLength(64).nullable(true).build());
    fields.put(Name.of("doubt_statements"),
        Field.of(FieldType.CHAR).maxLength(64).nullable(true).build());
    fields.put(Name.of("updated"), Field.of(FieldType.DATE_TIME).build());
    return MigrationHistory.model("migration_progress", TABLE, fields);
  }
}
