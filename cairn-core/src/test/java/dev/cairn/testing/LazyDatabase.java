package dev.cairn.testing;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;

/**
 * A test database extension ({@link PostgresTestDatabase}, {@link MariaDbTestDatabase}) for a
 * jqwik property, which has no JUnit extensions: made on its first use, so a run that tries only
 * SQLite or H2 never needs a server, and dropped by the container's {@code @AfterContainer}.
 */
public final class LazyDatabase<T extends BeforeAllCallback & AfterAllCallback> {
  private final Supplier<T> make;
  private T database;

  public LazyDatabase(Supplier<T> make) {
    this.make = make;
  }

  public synchronized T get() throws Exception {
    if (database == null) {
      T db = make.get();
      db.beforeAll(null);
      database = db;
    }
    return database;
  }

  public synchronized void drop() throws Exception {
    if (database != null) database.afterAll(null);
    database = null;
  }
}
