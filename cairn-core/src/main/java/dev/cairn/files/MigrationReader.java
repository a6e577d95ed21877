package dev.cairn.files;

import static java.util.Objects.requireNonNull;

import dev.cairn.files.YamlNode.Mapping;
import dev.cairn.migration.Migration;
import dev.cairn.migration.MigrationKey;
import dev.cairn.migration.MigrationLoader;
import dev.cairn.operations.Operation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a migration file ({@code migrations/shop/0002_product_stock.yaml}) into a {@link
 * Migration}, rejecting anything it does not understand with a {@link MigrationFileException} that
 * names the file and line.
 */
public final class MigrationReader {
  private static final List<String> TOP_LEVEL_KEYS =
      List.of("initial", "atomic", "dependencies", "replaces", "run_before", "operations");

  /** Reads {@code file}; the migration's name is the file's name without {@code .yaml}. */
  public Migration read(Path file, String app) {
    FileText f = FileText.read(file, MigrationFileException::new, null);
    return read(f.text(), f.bytes(), file, app, false);
  }

  /**
   * Reads {@code file} like {@link #read(Path, String)}, except that the operations of a file in
   * the plain form Cairn writes are read, and any error in them thrown, when first asked for.
   */
  public Migration readOperationsLater(Path file, String app) {
    FileText f = FileText.read(file, MigrationFileException::new, null);
    return read(f.text(), f.bytes(), file, app, true);
  }

  /**
   * Reads a migration from text, as if from {@code file}, which names the migration and is used in
   * messages; the checksum is that of the text's UTF-8 bytes.
   */
  public Migration read(String text, Path file, String app) {
    return read(text, text.getBytes(StandardCharsets.UTF_8), file, app, false);
  }

  private Migration read(String text, byte[] bytes, Path file, String app, boolean later) {
    requireNonNull(file, "file == null");
    requireNonNull(app, "app == null");
    MigrationKey key = new MigrationKey(app, name(file));
    PlainHeader plain = later ? PlainHeader.scan(text) : null;
    if (plain != null) {
      return Migration.readingOperationsLater(key, plain.dependencies(),
          () -> readYaml(text, key, file, null).operations(), plain.replaces(), plain.runBefore(),
          plain.initial(), plain.atomic(), header(text), file, checksum(bytes));
    }
    return readYaml(text, key, file, checksum(bytes));
  }

  private static Migration readYaml(String text, MigrationKey key, Path file, String checksum) {
    YamlInput in = new YamlInput(file, MigrationFileException::new);
    try {
      return migration(in, in.parse(text), key, header(text), file, checksum);
    } catch (InputException e) {
      throw e;
    } catch (RuntimeException e) { // a record's own check the reader did not make first: a bug
      throw new MigrationFileException(file, 0, "cannot read the migration: " + e, null, e);
    }
  }

  private static Migration migration(YamlInput in, YamlNode root, MigrationKey key, String header,
      Path file, String checksum) {
    if (root == null) {
      throw in.error(1, "the migration file is empty", "a migration needs at least 'dependencies: []'"
          + " and 'operations: []'");
    }
    Mapping m = in.mapping(root, "a migration file");
    in.checkKeys(m, TOP_LEVEL_KEYS, "top-level key", null);
    boolean initial = m.has("initial") && in.bool(m.get("initial"), "'initial'");
    boolean atomic = !m.has("atomic") || in.bool(m.get("atomic"), "'atomic'");
    YamlNode ops = m.get("operations");
    if (ops == null) {
      throw in.error(m, "missing 'operations'", "add the list of operations, or 'operations: []'");
    }
    List<Operation> operations = new OperationReader(in).operations(ops, "'operations'");
    return new Migration(key, keys(in, m, "dependencies"), operations, keys(in, m, "replaces"),
        keys(in, m, "run_before"), initial, atomic, header, file, checksum);
  }

  /** A list of {@code app.name} strings; absent is empty. */
  private static List<MigrationKey> keys(YamlInput in, Mapping m, String key) {
    List<MigrationKey> keys = new ArrayList<>();
    if (!m.has(key)) return keys;
    for (YamlNode item : in.sequence(m.get(key), "'" + key + "'").items()) {
      String s = in.string(item, "an item of '" + key + "'");
      int dot = s.indexOf('.');
      if (dot <= 0 || dot == s.length() - 1 || s.isBlank() || !s.strip().equals(s)) {
        throw in.error(item, "'" + s + "' in '" + key + "' is not of the form app.migration_name",
            "write e.g. shop.0001_initial");
      }
      keys.add(MigrationKey.parse(s));
    }
    return keys;
  }

  private static String name(Path file) {
    return MigrationLoader.name(file);
  }

  /** The comment lines at the very top, verbatim; {@code null} when there are none. */
  static String header(String text) {
    StringBuilder header = new StringBuilder();
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    while (start < text.length() && text.charAt(start) == '#') {
      int end = text.indexOf('\n', start);
      if (end < 0) end = text.length();
      String line = text.substring(start, end);
      if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
      if (header.length() > 0) header.append('\n');
      header.append(line);
      start = end + 1;
    }
    return header.length() == 0 ? null : header.toString();
  }

  /** Lower-case hex SHA-256 of the file's bytes. */
  public static String checksum(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JVM has SHA-256", e);
    }
  }
}
