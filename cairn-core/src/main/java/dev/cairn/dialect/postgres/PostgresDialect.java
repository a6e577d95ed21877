package dev.cairn.dialect.postgres;

import dev.cairn.schema.DatabaseLock;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.SchemaEditor;
import dev.cairn.schema.SchemaSnapshot;
import dev.cairn.schema.StatementSink;
import dev.cairn.state.Field;
import java.sql.Connection;
import java.sql.SQLException;

/** PostgreSQL: transactional DDL, identity columns, advisory locks. Stateless. */
public final class PostgresDialect implements Dialect {
  @Override public String name() {
    return "postgresql";
  }

  @Override public int maxIdentifierLength() {
    return 63; // NAMEDATALEN - 1; longer names are silently truncated
  }

  @Override public boolean hasTransactionalDdl() {
    return true;
  }

  @Override public String columnType(Field field) {
    return PostgresTypes.columnType(field);
  }

  @Override public String introspectedType(Field field) {
    return PostgresTypes.introspectedType(field);
  }

  @Override public SchemaEditor schemaEditor(StatementSink sink) {
    return new PostgresSchemaEditor(this, sink);
  }

  @Override public SchemaSnapshot introspect(Connection connection) throws SQLException {
    return new PostgresIntrospector(connection).snapshot();
  }

  @Override public DatabaseLock lock(Connection connection) throws SQLException {
    return PostgresLock.acquire(connection);
  }
}
