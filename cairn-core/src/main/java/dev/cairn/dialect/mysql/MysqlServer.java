package dev.cairn.dialect.mysql;

import static java.util.Objects.requireNonNull;

import dev.cairn.schema.Feature;
import dev.cairn.schema.Features;
import dev.cairn.schema.ServerVersion;

/**
 * What one MySQL or MariaDB server can do, by product and version, as Django's {@code
 * mysql/features.py} computes it: the shared {@link Features} and the finer facts only this
 * package's SQL asks. The two products share version numbers up to 5.5 and nothing after, so every
 * question names both. Immutable.
 */
record MysqlServer(ServerVersion version) {
  static final String MYSQL = "mysql";
  static final String MARIADB = "mariadb";

  /** MySQL and MariaDB refuse identifiers longer than 64 characters. */
  static final int MAX_IDENTIFIER_LENGTH = 64;

  MysqlServer {
    requireNonNull(version, "version == null");
    if (!version.is(MYSQL) && !version.is(MARIADB)) {
      throw new IllegalArgumentException("not a MySQL or MariaDB version: " + version);
    }
  }

  boolean isMariaDb() {
    return version.is(MARIADB);
  }

  /** The product and its version as a message says them: {@code MariaDB 10.11.6}. */
  String describe() {
    return (isMariaDb() ? "MariaDB " : "MySQL ") + version.major() + "." + version.minor() + "."
        + version.patch();
  }

  Features features() {
    // Every DDL statement commits on its own (implicit commit); foreign keys are checked at once;
    // an index has no WHERE; a constraint cannot be renamed, only dropped and added.
    return Features.of(MAX_IDENTIFIER_LENGTH, Feature.COMMENTS, Feature.LOOKS_UP_OBJECT_NAMES)
        .with(Feature.RENAME_COLUMN, hasRenameColumn())
        .with(Feature.RENAME_INDEX, hasRenameIndex())
        .with(Feature.CHECK_CONSTRAINTS, hasCheckConstraints())
        .with(Feature.INSTANT_ADD_COLUMN, hasInstantAddColumn());
  }

  /** {@code RENAME COLUMN}: MySQL 8.0, MariaDB 10.5.2; before, {@code CHANGE} restates the column. */
  boolean hasRenameColumn() {
    return isMariaDb() ? version.atLeast(10, 5, 2) : version.atLeast(8, 0);
  }

  /** {@code RENAME INDEX}: MySQL 5.7, MariaDB 10.5.2. */
  boolean hasRenameIndex() {
    return isMariaDb() ? version.atLeast(10, 5, 2) : version.atLeast(5, 7);
  }

  /** Enforced CHECK constraints: MySQL 8.0.16 (earlier ones parse and ignore them), MariaDB 10.2.1. */
  boolean hasCheckConstraints() {
    return isMariaDb() ? version.atLeast(10, 2, 1) : version.atLeast(8, 0, 16);
  }

  /**
   * {@code DROP CONSTRAINT} for a check: MySQL 8.0.19 (8.0.16 to 8.0.18 say {@code DROP CHECK}),
   * MariaDB 10.2.1.
   */
  boolean dropsChecksAsConstraints() {
    return isMariaDb() || version.atLeast(8, 0, 19);
  }

  /**
   * {@code ADD COLUMN ..., ALGORITHM=INSTANT} at the end of the table: MySQL 8.0.12 (anywhere from
   * 8.0.29), MariaDB 10.3.2.
   */
  boolean hasInstantAddColumn() {
    return isMariaDb() ? version.atLeast(10, 3, 2) : version.atLeast(8, 0, 12);
  }

  /**
   * {@code DROP COLUMN ..., ALGORITHM=INSTANT}: MySQL 8.0.29, MariaDB 10.4 (its instant reorder
   * and drop of columns).
   */
  boolean hasInstantDropColumn() {
    return isMariaDb() ? version.atLeast(10, 4) : version.atLeast(8, 0, 29);
  }

  /** A native JSON type; MariaDB's {@code json} is {@code longtext} with a {@code json_valid} check. */
  boolean hasNativeJson() {
    return !isMariaDb();
  }

  /**
   * Whether {@code information_schema.CHECK_CONSTRAINTS} also lists the checks of single columns
   * ({@code LEVEL = 'Column'}, MariaDB's, such as a json column's), which are part of the type.
   */
  boolean listsColumnChecks() {
    return isMariaDb();
  }
}
