package dev.cairn.api;

import dev.cairn.connect.Database;
import dev.cairn.dialect.Dialects;
import dev.cairn.schema.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Where the facade's connections come from: a JDBC URL, or a DataSource the caller owns. */
sealed interface DatabaseSource {
  /** A connection and its dialect, for a command that may change the database. */
  Database open() throws SQLException;

  /** As {@link #open()}, for a command that only reads: it never creates a database. */
  Database openToRead() throws SQLException;

  /** The dialect, without a connection where that can be known (a URL). */
  Dialect dialect() throws SQLException;

  /** The SQLite file the URL names, when it does not exist yet. */
  Optional<Path> missingFile();

  /** The URL when Cairn was given one; a DataSource's is its own business. */
  Optional<String> url();

  /** A JDBC URL; a relative SQLite file was resolved against the project folder already. */
  record Url(String jdbcUrl) implements DatabaseSource {
    private static final String SQLITE = "jdbc:sqlite:";

    /** A relative SQLite file is relative to the project folder, wherever Cairn runs from. */
    static Url inProject(String url, Path folder) {
      if (!url.startsWith(SQLITE)) return new Url(url);
      String rest = url.substring(SQLITE.length());
      if (rest.isEmpty() || rest.startsWith(":memory:") || rest.startsWith("file:")
          || Path.of(rest.split("\\?", 2)[0]).isAbsolute()) {
        return new Url(url);
      }
      return new Url(SQLITE + folder.resolve(rest).normalize());
    }

    @Override public Database open() throws SQLException {
      Path file = sqliteFile();
      // SQLite makes a missing file but not its folder, and its SQLITE_CANTOPEN names neither.
      if (file != null && file.getParent() != null && !Files.isDirectory(file.getParent())) {
        throw new IllegalArgumentException("the folder " + file.getParent() + " of the SQLite"
            + " database " + file + " does not exist\n  Create the folder, or correct the path in"
            + " the database URL.");
      }
      return Database.open(jdbcUrl);
    }

    @Override public Database openToRead() throws SQLException {
      if (missingFile().isEmpty()) return open();
      // The empty database SQLite would create, without creating it.
      return Database.open("jdbc:sqlite::memory:");
    }

    @Override public Dialect dialect() {
      return Dialects.forUrl(jdbcUrl);
    }

    @Override public Optional<Path> missingFile() {
      Path file = sqliteFile();
      return file == null || Files.exists(file) ? Optional.empty() : Optional.of(file);
    }

    @Override public Optional<String> url() {
      return Optional.of(jdbcUrl);
    }

    /** The file of a plain SQLite URL ({@code jdbc:sqlite:/path}); null for memory, URIs, others. */
    private Path sqliteFile() {
      if (!jdbcUrl.startsWith(SQLITE)) return null;
      String rest = jdbcUrl.substring(SQLITE.length()).split("\\?", 2)[0];
      if (rest.isEmpty() || rest.startsWith(":memory:") || rest.startsWith("file:")) return null;
      return Path.of(rest);
    }
  }

  /**
   * A DataSource: its connections come configured as its owner chose (pool, credentials, driver
   * properties), and the dialect is found from the product name the connection reports.
   */
  record Pooled(DataSource dataSource) implements DatabaseSource {
    @Override public Database open() throws SQLException {
      Connection connection = dataSource.getConnection();
      try {
        DatabaseMetaData meta = connection.getMetaData();
        return new Database(meta.getURL(), connection,
            Dialects.forProductName(meta.getDatabaseProductName()).connectedTo(connection));
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    }

    @Override public Database openToRead() throws SQLException {
      return open();
    }

    @Override public Dialect dialect() throws SQLException {
      try (Database db = open()) {
        return db.dialect();
      }
    }

    @Override public Optional<Path> missingFile() {
      return Optional.empty();
    }

    @Override public Optional<String> url() {
      return Optional.empty();
    }
  }
}
