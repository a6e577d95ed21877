package dev.cairn.schema;

/**
 * What running a statement does to the database beyond its change, so that the executor decides
 * transactions from it and lint can weigh it: a statement that blocks writes on a big table for
 * the length of a scan takes an application down, one that only changes the catalog does not.
 * A statement that locks only for an instant (a catalog change) carries none of the blocking
 * effects.
 */
public enum Effect {
  /** Must run outside a transaction ({@code CREATE INDEX CONCURRENTLY}). */
  OUTSIDE_TRANSACTION,
  /** Other sessions cannot write the table while it runs. */
  BLOCKS_WRITES,
  /** Other sessions cannot read the table while it runs. */
  BLOCKS_READS,
  /** Writes the whole table anew: time and space grow with its rows. */
  REWRITES_TABLE,
  /** Reads every row (to check a constraint, build an index): time grows with its rows. */
  SCANS_TABLE
}
