package dev.cairn.testing;

/**
 * A {@link PostgresTestDatabase} for a jqwik property, which has no JUnit extensions: made on its
 * first use, so a run that tries only SQLite never needs a server, and dropped by the container's
 * {@code @AfterContainer}.
 */
public final class LazyPostgres {
  private PostgresTestDatabase database;

  public synchronized PostgresTestDatabase get() throws Exception {
    if (database == null) {
      PostgresTestDatabase db = new PostgresTestDatabase();
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
