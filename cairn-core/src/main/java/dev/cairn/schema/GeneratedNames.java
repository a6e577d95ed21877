package dev.cairn.schema;

import dev.cairn.state.Identifiers;
import java.util.List;

/**
 * The names Django gives the indexes and constraints a field implies ({@code unique}, {@code
 * db_index}, foreign keys, Positive* checks), made as {@code BaseDatabaseSchemaEditor.
 * _create_index_name} makes them: {@code <table>_<columns>_<hash8><suffix>}, where the hash is the
 * MD5 of the table and column names ({@code names_digest}), and a name longer than 63 bytes keeps
 * a third for the hash and suffix and shares the rest between table and columns. So a database
 * made by Django has the names Cairn would give, and the other way round. On a live connection
 * the schema editor looks the real names up before dropping or renaming one; these are the names
 * it creates, and the ones {@code sqlmigrate} shows without a database.
 */
public final class GeneratedNames {
  private GeneratedNames() {}

  /** {@code _create_index_name(table, columns, suffix)}; {@code suffix} starts with "_" or is empty. */
  public static String of(String table, List<String> columns, String suffix) {
    String hashAndSuffix = Identifiers.md5Hex(concat(table, columns)).substring(0, 8) + suffix;
    String joined = String.join("_", columns);
    String name = table + "_" + joined + "_" + hashAndSuffix;
    int max = Identifiers.MAX_BYTES;
    if (Identifiers.byteLength(name) <= max) return name;
    if (Identifiers.byteLength(hashAndSuffix) > max / 3) {
      hashAndSuffix = Identifiers.prefix(hashAndSuffix, max / 3);
    }
    int other = (max - Identifiers.byteLength(hashAndSuffix)) / 2 - 1;
    name = Identifiers.prefix(table, other) + "_" + Identifiers.prefix(joined, other) + "_"
        + hashAndSuffix;
    // Django's rule for Oracle, kept so that the names stay Django's everywhere.
    if (name.charAt(0) == '_' || Character.isDigit(name.charAt(0))) {
      name = "D" + name.substring(0, name.length() - 1);
    }
    return name;
  }

  /** A unique field's constraint: {@code <table>_<column>_<hash>_uniq}. */
  public static String unique(String table, String column) {
    return of(table, List.of(column), "_uniq");
  }

  /** A unique pair, as a join table's: {@code <table>_<a>_<b>_<hash>_uniq}. */
  public static String unique(String table, List<String> columns) {
    return of(table, columns, "_uniq");
  }

  /** A field's own index ({@code db_index}, a foreign key's): {@code <table>_<column>_<hash>}. */
  public static String index(String table, String column) {
    return of(table, List.of(column), "");
  }

  /** A Positive* field's check: {@code <table>_<column>_<hash>_check}. */
  public static String check(String table, String column) {
    return of(table, List.of(column), "_check");
  }

  /** A foreign key: {@code <table>_<column>_<hash>_fk_<target table>_<target column>}. */
  public static String foreignKey(String table, String column, String targetTable,
      String targetColumn) {
    return of(table, List.of(column), "_fk_" + targetTable + "_" + targetColumn);
  }

  private static String[] concat(String table, List<String> columns) {
    String[] parts = new String[columns.size() + 1];
    parts[0] = table;
    for (int i = 0; i < columns.size(); i++) parts[i + 1] = columns.get(i);
    return parts;
  }
}
