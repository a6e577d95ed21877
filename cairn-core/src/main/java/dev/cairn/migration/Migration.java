package dev.cairn.migration;

import static java.util.Objects.requireNonNull;

import dev.cairn.operations.Operation;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One migration file: what it depends on and the operations it runs. Immutable.
 *
 * <p>A migration read from a file may read its operations only when they are first asked for: a
 * run with nothing to apply needs every file's dependencies and checksum, but none of their
 * operations, and parsing them was most of a no-op's cost on a long history.
 */
public final class Migration {
  private final MigrationKey key;
  private final List<MigrationKey> dependencies;
  private final List<MigrationKey> replaces;
  private final List<MigrationKey> runBefore;
  private final boolean initial;
  private final boolean atomic;
  private final String header;
  private final Path source;
  private final String checksum;
  private Supplier<List<Operation>> readOperations; // null once read
  private List<Operation> operations;

  /**
   * @param header the comment lines at the top of the file, kept so that writing gives the same
   *     bytes
   * @param source the file it was read from, or {@code null} for one built in memory
   * @param checksum SHA-256 of the file's bytes, recorded in the history table when applied
   */
  public Migration(MigrationKey key, List<MigrationKey> dependencies, List<Operation> operations,
      List<MigrationKey> replaces, List<MigrationKey> runBefore, boolean initial, boolean atomic,
      String header, Path source, String checksum) {
    this(key, dependencies, replaces, runBefore, initial, atomic, header, source, checksum);
    this.operations = List.copyOf(operations);
  }

  private Migration(MigrationKey key, List<MigrationKey> dependencies, List<MigrationKey> replaces,
      List<MigrationKey> runBefore, boolean initial, boolean atomic, String header, Path source,
      String checksum) {
    this.key = requireNonNull(key, "key == null");
    this.dependencies = List.copyOf(dependencies);
    this.replaces = replaces == null ? List.of() : List.copyOf(replaces);
    this.runBefore = runBefore == null ? List.of() : List.copyOf(runBefore);
    this.initial = initial;
    this.atomic = atomic;
    this.header = header;
    this.source = source;
    this.checksum = checksum;
  }

  /**
   * A migration whose operations {@code readOperations} reads on first use; it reports a broken
   * operation by throwing, then.
   */
  public static Migration readingOperationsLater(MigrationKey key, List<MigrationKey> dependencies,
      Supplier<List<Operation>> readOperations, List<MigrationKey> replaces,
      List<MigrationKey> runBefore, boolean initial, boolean atomic, String header, Path source,
      String checksum) {
    Migration m = new Migration(key, dependencies, replaces, runBefore, initial, atomic, header,
        source, checksum);
    m.readOperations = requireNonNull(readOperations, "readOperations == null");
    return m;
  }

  public MigrationKey key() {
    return key;
  }

  public List<MigrationKey> dependencies() {
    return dependencies;
  }

  public synchronized List<Operation> operations() {
    if (operations == null) {
      operations = List.copyOf(readOperations.get());
      readOperations = null;
    }
    return operations;
  }

  public List<MigrationKey> replaces() {
    return replaces;
  }

  public List<MigrationKey> runBefore() {
    return runBefore;
  }

  public boolean initial() {
    return initial;
  }

  public boolean atomic() {
    return atomic;
  }

  public String header() {
    return header;
  }

  public Path source() {
    return source;
  }

  public String checksum() {
    return checksum;
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

  @Override public boolean equals(Object o) {
    return o instanceof Migration m && key.equals(m.key) && dependencies.equals(m.dependencies)
        && replaces.equals(m.replaces) && runBefore.equals(m.runBefore) && initial == m.initial
        && atomic == m.atomic && Objects.equals(header, m.header)
        && Objects.equals(source, m.source) && Objects.equals(checksum, m.checksum)
        && operations().equals(m.operations());
  }

  @Override public int hashCode() {
    return Objects.hash(key, dependencies, replaces, runBefore, checksum);
  }

  @Override public String toString() {
    return key.toString();
  }
}
