package dev.cairn.operations;

import java.sql.Connection;

/**
 * Code a {@code RunJava} operation runs, with the migration's connection and inside its
 * transaction where the database has transactional DDL. Implementations need a public no-argument
 * constructor and are loaded by class name from the classpath.
 */
@FunctionalInterface
public interface DataMigration {
  void run(Connection connection) throws Exception;
}
