package dev.cairn.migration;

import static java.util.Objects.requireNonNull;

import dev.cairn.operations.Operation;
import java.nio.file.Path;
import java.util.List;

/**
 * One migration file: what it depends on and the operations it runs. Immutable.
 *
 * @param header the comment lines at the top of the file, kept so that writing gives the same bytes
 * @param source the file it was read from, or {@code null} for one built in memory
 * @param checksum SHA-256 of the file's bytes, recorded in the history table when applied
 */
public record Migration(
    MigrationKey key,
    List<MigrationKey> dependencies,
    List<Operation> operations,
    List<MigrationKey> replaces,
    List<MigrationKey> runBefore,
    boolean initial,
    boolean atomic,
    String header,
    Path source,
    String checksum) {

  public Migration {
    requireNonNull(key, "key == null");
    dependencies = List.copyOf(dependencies);
    operations = List.copyOf(operations);
    replaces = replaces == null ? List.of() : List.copyOf(replaces);
    runBefore = runBefore == null ? List.of() : List.copyOf(runBefore);
  }

  public String app() {
    return key.app();
  }

  public String name() {
    return key.name();
  }

  /** Where to point a reader: the file when known, else the key. */
  public String location() {
    return source != null ? source.toString() : key.toString();
  }

  @Override public String toString() {
    return key.toString();
  }
}
