package dev.cairn.dialect.mysql;

import dev.cairn.schema.Effect;
import dev.cairn.schema.SqlStatement;
import java.util.List;
import java.util.Set;

/**
 * How an {@code ALTER TABLE} asks InnoDB to run, said explicitly so that the server refuses a
 * change it cannot make that way instead of silently copying a big table (MySQL's "Online DDL
 * Operations", MariaDB's "InnoDB Online DDL Operations"): what Cairn expects of the server is
 * written in the statement, and what it costs in the statement's {@link Effect}s.
 */
enum Online {
  /** Changes only the catalog: no rows read or written, an instant's metadata lock. */
  INSTANT(", ALGORITHM=INSTANT", " ALGORITHM=INSTANT", Set.of()),
  /** Changes only the catalog, through the in-place path where a version has no instant one. */
  IN_PLACE(", ALGORITHM=INPLACE, LOCK=NONE", " ALGORITHM=INPLACE LOCK=NONE", Set.of()),
  /** Builds an index beside the table while writes go on. */
  INDEX_BUILD(", ALGORITHM=INPLACE, LOCK=NONE", " ALGORITHM=INPLACE LOCK=NONE",
      Set.of(Effect.SCANS_TABLE)),
  /** Rebuilds the table in place while writes go on (logged and replayed at the end). */
  REBUILD(", ALGORITHM=INPLACE, LOCK=NONE", " ALGORITHM=INPLACE LOCK=NONE",
      Set.of(Effect.REWRITES_TABLE)),
  /** Only a copy of the table can make the change: writes wait until it is done. */
  COPY(", ALGORITHM=COPY", " ALGORITHM=COPY",
      Set.of(Effect.REWRITES_TABLE, Effect.BLOCKS_WRITES));

  /** What {@code sqlmigrate} shows above a statement that copies the table. */
  static final String COPY_NOTE = "this change copies the table: %s; writes to it wait until it"
      + " is done";

  private final String alterClause;
  private final String indexClause;
  private final Set<Effect> effects;

  Online(String alterClause, String indexClause, Set<Effect> effects) {
    this.alterClause = alterClause;
    this.indexClause = indexClause;
    this.effects = effects;
  }

  /** {@code ALTER TABLE ...} with this algorithm, on {@code table}. */
  SqlStatement alter(String table, String sql) {
    return new SqlStatement(sql + alterClause, List.of(), null, effects, table);
  }

  /** {@code CREATE INDEX ...} or {@code DROP INDEX ...} with this algorithm, on {@code table}. */
  SqlStatement index(String table, String sql) {
    return new SqlStatement(sql + indexClause, List.of(), null, effects, table);
  }

  /** A copy of the table, with {@code why} in the comment {@code sqlmigrate} shows. */
  static SqlStatement copy(String table, String sql, String why) {
    return COPY.alter(table, sql).withComment(String.format(COPY_NOTE, why));
  }
}
