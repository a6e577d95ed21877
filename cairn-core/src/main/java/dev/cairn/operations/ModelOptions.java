package dev.cairn.operations;

/**
 * The options of CreateModel: an explicit table name, whether Cairn manages the table, and a
 * table comment. Immutable; all unset is {@link #DEFAULTS}.
 */
public record ModelOptions(String dbTable, boolean managed, String dbTableComment) {
  public static final ModelOptions DEFAULTS = new ModelOptions(null, true, null);
}
