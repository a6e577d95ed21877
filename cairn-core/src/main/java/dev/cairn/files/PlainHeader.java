package dev.cairn.files;

import dev.cairn.migration.MigrationKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keys above {@code operations:} in a migration file, read without a YAML parser when they are
 * in the plain form {@link MigrationWriter} writes: comment lines, {@code initial: true}, {@code
 * atomic: false}, and lists of {@code app.name} keys one to a line. A no-op {@code migrate} reads
 * only these, and YAML start-up was most of its cost on a long history (about 0.1 ms a file cold).
 *
 * <p>Anything else, however valid as YAML (quotes, flow lists, comments at the end of a line, CRLF,
 * keys after {@code operations}), makes {@link #scan} return {@code null}, and the file is read as
 * YAML in full: this reader only ever agrees with the YAML one, or declines.
 */
record PlainHeader(boolean initial, boolean atomic, List<MigrationKey> dependencies,
    List<MigrationKey> replaces, List<MigrationKey> runBefore) {

  private enum Key { INITIAL, ATOMIC, DEPENDENCIES, REPLACES, RUN_BEFORE }

  /** A plain YAML scalar that can only be a string, and has the form {@code app.name}. */
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z0-9_]+");
  private static final String OPERATIONS = "operations:";

  /** The header of {@code text}, or {@code null} when it is not in the plain form. */
  static PlainHeader scan(String text) {
    if (text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0 || text.startsWith("\uFEFF")) {
      return null;
    }
    Map<Key, Object> values = new EnumMap<>(Key.class);
    List<MigrationKey> list = null; // the list whose items the next lines may hold
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) return null; // no operations line
      String line = text.substring(start, end);
      start = end + 1;
      if (line.startsWith("#") && list == null && values.isEmpty()) continue; // the header comment
      if (list != null && line.startsWith("  - ")) {
        String item = line.substring(4);
        if (!KEY.matcher(item).matches()) return null;
        list.add(MigrationKey.parse(item));
        continue;
      }
      list = null;
      if (line.equals(OPERATIONS) || line.equals(OPERATIONS + " []")) {
        return onlyOperationsFollow(text, start) ? of(values) : null;
      }
      int colon = line.indexOf(": ");
      String name = colon < 0 ? line.endsWith(":") ? line.substring(0, line.length() - 1) : line
          : line.substring(0, colon);
      String value = colon < 0 ? null : line.substring(colon + 2);
      Key key = key(name);
      if (key == null || values.containsKey(key)) return null;
      switch (key) {
        case INITIAL, ATOMIC -> {
          if (!"true".equals(value) && !"false".equals(value)) return null;
          values.put(key, Boolean.valueOf(value));
        }
        default -> {
          if ("[]".equals(value)) {
            values.put(key, List.of());
          } else if (value == null && line.endsWith(":")) {
            list = new ArrayList<>();
            values.put(key, list);
          } else {
            return null;
          }
        }
      }
    }
    return null;
  }

  private static Key key(String name) {
    return switch (name) {
      case "initial" -> Key.INITIAL;
      case "atomic" -> Key.ATOMIC;
      case "dependencies" -> Key.DEPENDENCIES;
      case "replaces" -> Key.REPLACES;
      case "run_before" -> Key.RUN_BEFORE;
      default -> null;
    };
  }

  /**
   * Whether nothing after {@code operations:} can be another top-level key or document: every
   * line is blank, indented, a comment or a list item.
   */
  private static boolean onlyOperationsFollow(String text, int from) {
    int start = from;
    while (start < text.length()) {
      char c = text.charAt(start);
      if (c != ' ' && c != '\n' && c != '#'
          && !(c == '-' && start + 1 < text.length() && text.charAt(start + 1) == ' ')) {
        return false;
      }
      int end = text.indexOf('\n', start);
      start = end < 0 ? text.length() : end + 1;
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static PlainHeader of(Map<Key, Object> values) {
    if (!values.containsKey(Key.DEPENDENCIES)) return null; // let the YAML reader say it
    return new PlainHeader(
        (Boolean) values.getOrDefault(Key.INITIAL, false),
        (Boolean) values.getOrDefault(Key.ATOMIC, true),
        (List<MigrationKey>) values.get(Key.DEPENDENCIES),
        (List<MigrationKey>) values.getOrDefault(Key.REPLACES, List.of()),
        (List<MigrationKey>) values.getOrDefault(Key.RUN_BEFORE, List.of()));
  }
}
