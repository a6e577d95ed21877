package dev.cairn.schema;

import java.sql.SQLException;

/** A held migration lock; closing releases it. A crashed process releases it with its session. */
public interface DatabaseLock extends AutoCloseable {
  @Override void close() throws SQLException;
}
