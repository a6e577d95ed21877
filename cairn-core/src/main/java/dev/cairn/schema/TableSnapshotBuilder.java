package dev.cairn.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One table's parts as an introspector gathers them, query by query, before they become an
 * immutable {@link SchemaSnapshot.Table}. Every dialect's introspector fills the same parts.
 */
public final class TableSnapshotBuilder {
  public final String name;
  public final List<SchemaSnapshot.Column> columns = new ArrayList<>();
  public final List<String> primaryKey = new ArrayList<>();
  public final Set<SchemaSnapshot.ForeignKey> foreignKeys = new HashSet<>();
  public final Set<SchemaSnapshot.IndexDef> indexes = new HashSet<>();
  public final Set<String> checks = new HashSet<>();

  public TableSnapshotBuilder(String name) {
    this.name = name;
  }

  public SchemaSnapshot.Table build() {
    return new SchemaSnapshot.Table(name, columns, primaryKey, foreignKeys, indexes, checks);
  }
}
