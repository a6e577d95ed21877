package dev.cairn.schema;

import java.util.ArrayList;
import java.util.List;

/** Collects statements without running them, for {@code sqlmigrate} and {@code migrate --plan}. */
public final class CollectingSink implements StatementSink {
  private final List<SqlStatement> statements = new ArrayList<>();

  @Override public void accept(SqlStatement statement) {
    statements.add(statement);
  }

  public List<SqlStatement> statements() {
    return List.copyOf(statements);
  }
}
