package dev.cairn.fuzz;

final class SqliteQuotedIdentifiersTest extends QuotedIdentifiersContract {
  @Override String emptyDatabase() {
    return "jdbc:sqlite:" + folder.resolve("db.sqlite3");
  }
}
