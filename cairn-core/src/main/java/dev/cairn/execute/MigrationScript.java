package dev.cairn.execute;

import dev.cairn.migration.Migration;
import dev.cairn.schema.ConnectionSink;
import dev.cairn.schema.Dialect;
import dev.cairn.schema.Effect;
import dev.cairn.schema.Feature;
import dev.cairn.schema.SqlStatement;
import dev.cairn.schema.StatementSink;
import dev.cairn.state.ProjectState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One migration's SQL, made before anything runs and then run as made: making it is the dry run
 * that refuses a plan whose SQL cannot be generated, and running the same statements spares making
 * them twice. A migration with Java code (RunJava) needs a live connection and is made again as
 * it runs. Immutable.
 *
 * @param states the state before each operation, then after the last
 * @param statements in the order they run, each with the index of its operation
 */
record MigrationScript(Migration migration, boolean backwards, List<ProjectState> states,
    List<Numbered> statements, boolean needsConnection) {

  /** A statement and the index of the operation that made it. */
  record Numbered(int operation, SqlStatement statement) {}

  MigrationScript {
    states = List.copyOf(states);
    statements = List.copyOf(statements);
  }

  /** The statements without the operations that made them. */
  List<SqlStatement> sql() {
    return statements.stream().map(Numbered::statement).toList();
  }

  /** The statements operation {@code operation} runs, in order, leaving out headers without SQL. */
  List<SqlStatement> statementsOf(int operation) {
    return statements.stream().filter(n -> n.operation() == operation)
        .map(Numbered::statement).filter(s -> !s.sql().isEmpty()).toList();
  }

  /**
   * The operations still to run, in the order they run, once {@code applied} of them (counted
   * from the first) are in the database: forwards the ones after, backwards those, last first.
   */
  List<Integer> operationOrder(int applied) {
    int total = migration.operations().size();
    List<Integer> order = new ArrayList<>();
    if (backwards) {
      for (int i = applied - 1; i >= 0; i--) order.add(i);
    } else {
      for (int i = applied; i < total; i++) order.add(i);
    }
    return order;
  }

  /**
   * Whether it runs in one transaction with its history row: only where the database has
   * transactional DDL, the file does not say {@code atomic: false}, and no statement must run
   * outside a transaction. Otherwise it runs with its progress recorded ({@link ProgressiveRun}).
   */
  boolean runsInTransaction(Dialect dialect) {
    return dialect.features().has(Feature.TRANSACTIONAL_DDL) && migration.atomic()
        && statements.stream().noneMatch(n -> n.statement().has(Effect.OUTSIDE_TRANSACTION));
  }

  ProjectState before() {
    return backwards ? states.get(states.size() - 1) : states.get(0);
  }

  ProjectState after() {
    return backwards ? states.get(0) : states.get(states.size() - 1);
  }

  /**
   * Makes the script of {@code m}, forwards or backwards.
   *
   * @param states the state before each of its operations, then after the last
   * @throws RuntimeException what {@code failure} makes of an operation that cannot make its SQL
   */
  static MigrationScript make(Dialect dialect, Migration m, List<ProjectState> states,
      boolean backwards, MigrationSql.Failure failure) {
    Collector sink = new Collector();
    MigrationSql.run(dialect.schemaEditor(sink), m, states, backwards, failure,
        i -> sink.operation = i);
    return new MigrationScript(m, backwards, states, sink.statements, sink.connectionWanted);
  }

  /** Runs the statements on {@code connection}; makes them again there when Java code needs it. */
  void run(Dialect dialect, Connection connection, MigrationSql.Failure failure)
      throws SQLException {
    ConnectionSink sink = new ConnectionSink(connection);
    if (needsConnection) {
      MigrationSql.run(dialect.schemaEditor(sink), migration, states, backwards, failure, i -> {});
      return;
    }
    List<Numbered> sql = statements.stream().filter(n -> !n.statement().sql().isEmpty()).toList();
    for (int i = 0; i < sql.size(); i++) {
      Numbered n = sql.get(i);
      try {
        sink.accept(n.statement());
      } catch (SQLException | RuntimeException e) {
        Exception named = e instanceof SQLException s ? namedInItsOperation(sql, i, s) : e;
        throw failure.of(n.operation(), migration.operations().get(n.operation()), named);
      }
    }
  }

  /** {@code failure} of statement {@code i}, named when its operation ran more than one. */
  private static SQLException namedInItsOperation(List<Numbered> sql, int i, SQLException failure) {
    int operation = sql.get(i).operation();
    int before = (int) sql.subList(0, i).stream().filter(n -> n.operation() == operation).count();
    int count = (int) sql.stream().filter(n -> n.operation() == operation).count();
    return count == 1 ? failure : sql.get(i).statement().failed(failure, before, count);
  }

  /** Collects statements by operation and notes whether one asked for a live connection. */
  private static final class Collector implements StatementSink {
    final List<Numbered> statements = new ArrayList<>();
    int operation;
    boolean connectionWanted;

    @Override public void accept(SqlStatement statement) {
      statements.add(new Numbered(operation, statement));
    }

    @Override public Optional<Connection> connection() {
      connectionWanted = true;
      return Optional.empty();
    }
  }
}
