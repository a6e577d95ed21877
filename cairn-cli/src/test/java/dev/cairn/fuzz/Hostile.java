package dev.cairn.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Broken and hostile YAML files for the readers: valid files mutated (lines dropped, doubled,
 * re-indented, values swapped for hostile ones), and random trees built from the keys the readers
 * know and keys they do not. Files come as bytes, so some are not UTF-8 at all.
 */
final class Hostile {
  private Hostile() {}

  /** Every key any of the three formats knows, so that a generated tree gets past the first check. */
  static final List<String> KEYS = List.of(
      // migration files
      "dependencies", "operations", "replaces", "run_before", "initial", "atomic",
      "CreateModel", "DeleteModel", "RenameModel", "AlterModelTable", "AddField", "RemoveField",
      "AlterField", "RenameField", "AddIndex", "RemoveIndex", "RenameIndex", "AddConstraint",
      "RemoveConstraint", "RunSQL", "RunJava", "SeparateDatabaseAndState", "name", "fields",
      "options", "indexes", "constraints", "old_name", "new_name", "table", "model_name", "field",
      "preserve_default", "index", "constraint", "sql", "reverse_sql", "state_operations",
      "elidable", "code", "reverse_code", "database_operations", "state_operations",
      // fields, indexes, constraints
      "type", "max_length", "max_digits", "decimal_places", "to", "to_field", "on_delete",
      "db_table", "through", "null", "default", "db_default", "unique", "db_index", "db_column",
      "primary_key", "db_comment", "condition", "check", "managed", "db_table_comment",
      // models files and cairn.yaml
      "app", "models", "database", "apps", "migrations", "shop", "catalog", "Product", "Category",
      // not known anywhere
      "databse", "operation", "AddFeild", "max_lenght", "Type", "", " ", "<<", "order", "select",
      "a\"b", "a'b", "x;y", "名前", "😀", "a b", "\t", "-", "?", ":", "#", "!", "&a", "*a");

  /** Values that are wrong, huge, odd or hostile somewhere: plain YAML text, ready to paste. */
  static final List<String> VALUES = List.of(
      "CharField", "IntegerField", "ForeignKey", "ManyToManyField", "DecimalFeild", "BigAutoField",
      "CASCADE", "PROTECT", "SET_NULL", "cascade", "shop.Product", "catalog.Category", "self",
      "shop.0001_initial", "shop.0002_product_stock", "catalog.0001_initial", "shop.9999_nowhere",
      "shop.", ".x", "shop..x", "product", "Product", "stock", "name", "id",
      "0", "1", "-1", "2147483647", "2147483648", "99999999999999999999999999999", "-0", "1e400",
      "0x1F", "0o17", "1_000", "3.14", "1.2.3", ".inf", "-.inf", ".nan", "1:20", "2026-11-23",
      "true", "false", "yes", "no", "on", "off", "y", "n", "~", "null", "NULL", "''", "\"\"",
      "' '", "[]", "{}", "[[]]", "{a: }", "[a, b]", "{type: CharField}", "[name, name]",
      "'order'", "\"select\"", "user", "table", "\"Mixed Case\"", "'a \"quoted\" name'",
      "'semi; DROP TABLE catalog_category; --'", "\"x\\\"y\"", "`backtick`", "'名前'", "Ωmega",
      "\"emoji 😀\"", "\"nul\\0byte\"", "\"\\u0000\"", "\"tab\\there\"", "\"line\\nbreak\"",
      "\"\\uFEFFbom\"", "\"\\uD800\"", "\"\\x85\"", "&anchor value", "*anchor", "*nowhere",
      "!!binary aGVsbG8=", "!!java.io.File /etc/passwd", "!!python/object:os.system ls",
      "!custom tag", "!!str 5", "!!int x", "!!float abc", "!!set {a, b}", "!!omap [a: 1]",
      "!!timestamp 2026-11-23", "? complex", "|\n  block", ">\n  folded", "'unterminated",
      "\"unterminated", "[unclosed", "{unclosed", "]", "}", ",", "- item", "@reserved", "%directive",
      "a: b: c", "key: value", "# comment only", "\\", "\"\\q\"");

  /** A file to give a reader: a valid seed mutated, or a tree of keys and values. */
  static Arbitrary<byte[]> files(List<String> seeds) {
    Arbitrary<String> text = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, mutated(seeds)),
        net.jqwik.api.Tuple.of(2, trees()),
        net.jqwik.api.Tuple.of(1, extremes(seeds)));
    return Combinators.combine(text, encodings()).as((t, e) -> e.encode(t));
  }

  /** Seeds changed one to four times, each by one of the edits a hand or a bad merge makes. */
  static Arbitrary<String> mutated(List<String> seeds) {
    return Combinators.combine(Arbitraries.of(seeds), Arbitraries.longs(),
        Arbitraries.integers().between(1, 4)).as((seed, r, times) -> {
          Random random = new Random(r);
          String text = seed;
          for (int i = 0; i < times; i++) text = mutate(text, random);
          return text;
        });
  }

  private static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int i = random.nextInt(lines.size());
    String line = lines.get(i);
    String value = pick(VALUES, random);
    switch (random.nextInt(14)) {
      case 0 -> lines.remove(i);
      case 1 -> lines.add(i, line); // a duplicate key, or a doubled list item
      case 2 -> { // the value after "key: " swapped for a hostile one
        int colon = line.indexOf(": ");
        if (colon >= 0) lines.set(i, line.substring(0, colon + 2) + value);
        else lines.set(i, line + " " + value);
      }
      case 3 -> { // a flow-style value inside {..} or [..] swapped
        int colon = line.lastIndexOf(": ");
        int end = Math.max(line.indexOf(',', Math.max(colon, 0)), line.indexOf('}', Math.max(colon, 0)));
        if (colon >= 0 && end > colon) lines.set(i, line.substring(0, colon + 2) + value + line.substring(end));
        else lines.set(i, line.replace("[", "[" + value + ", "));
      }
      case 4 -> { // a key renamed
        int colon = line.indexOf(':');
        int start = line.length() - line.stripLeading().length() + (line.stripLeading().startsWith("- ") ? 2 : 0);
        String key = pick(KEYS, random);
        if (colon > start) lines.set(i, line.substring(0, start) + quoteKey(key) + line.substring(colon));
      }
      case 5 -> lines.add(i, indent(line) + quoteKey(pick(KEYS, random)) + ": " + value);
      case 6 -> lines.set(i, line.replaceFirst("^( *)  ", "$1")); // dedented
      case 7 -> lines.set(i, "  " + line); // indented
      case 8 -> lines.set(i, line.replaceFirst("^ ", "\t")); // a tab in the indentation
      case 9 -> { // one character in or out
        int at = random.nextInt(line.length() + 1);
        String chars = " :-#{}[],'\"|>\t&*!%@`\\\u0000\uFEFF\u00e9\u2028\r";
        if (random.nextBoolean() || line.isEmpty()) {
          lines.set(i, line.substring(0, at) + chars.charAt(random.nextInt(chars.length())) + line.substring(at));
        } else {
          int cut = Math.min(at, line.length() - 1);
          lines.set(i, line.substring(0, cut) + line.substring(cut + 1));
        }
      }
      case 10 -> { // an anchor on one value, an alias or merge key on another
        int colon = line.indexOf(": ");
        if (colon >= 0) lines.set(i, line.substring(0, colon + 2) + "&a " + line.substring(colon + 2));
        int j = random.nextInt(lines.size());
        String other = lines.get(j);
        int c2 = other.indexOf(": ");
        lines.set(j, c2 >= 0 ? other.substring(0, c2 + 2) + "*a" : indent(other) + "<<: *a");
      }
      case 11 -> lines.add(i, random.nextBoolean() ? "---" : "...");
      case 12 -> { // a long run of one identifier, or a deep nest, in a value
        int colon = line.indexOf(": ");
        String big = random.nextBoolean() ? "x".repeat(1 + random.nextInt(random.nextInt(10) == 0 ? 70_000 : 300))
            : "[".repeat(1 + random.nextInt(1_200)) + "]".repeat(random.nextInt(1_201));
        if (colon >= 0) lines.set(i, line.substring(0, colon + 2) + big);
      }
      default -> { // two lines swapped
        int j = random.nextInt(lines.size());
        lines.set(i, lines.get(j));
        lines.set(j, line);
      }
    }
    if (lines.isEmpty()) lines.add("");
    return String.join("\n", lines);
  }

  /** Random documents: mappings, lists and scalars nested a few deep, block or flow style. */
  static Arbitrary<String> trees() {
    return Arbitraries.longs().map(seed -> {
      Random random = new Random(seed);
      StringBuilder sb = new StringBuilder();
      if (random.nextInt(4) == 0) {
        sb.append(flow(random, 0));
      } else {
        block(sb, random, 0, 0);
      }
      return sb.toString();
    });
  }

  private static void block(StringBuilder sb, Random random, int depth, int indent) {
    int entries = 1 + random.nextInt(4);
    boolean list = depth > 0 && random.nextInt(3) == 0;
    for (int e = 0; e < entries; e++) {
      sb.append(" ".repeat(indent));
      if (list) sb.append("- ");
      else sb.append(quoteKey(pick(KEYS, random))).append(':');
      int kind = random.nextInt(depth >= 4 ? 2 : 4);
      if (kind == 0) {
        sb.append(' ').append(pick(VALUES, random).replace("\n", "\n" + " ".repeat(indent + 2))).append('\n');
      } else if (kind == 1) {
        sb.append(' ').append(flow(random, depth + 1)).append('\n');
      } else {
        sb.append('\n');
        block(sb, random, depth + 1, indent + 2);
      }
    }
  }

  private static String flow(Random random, int depth) {
    int kind = random.nextInt(depth >= 4 ? 1 : 3);
    if (kind == 0) {
      String v = pick(VALUES, random);
      return v.contains("\n") || v.startsWith("#") ? "'" + v.replace("'", "''").replace("\n", " ") + "'" : v;
    }
    List<String> items = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      items.add(kind == 1 ? flow(random, depth + 1) : quoteKey(pick(KEYS, random)) + ": " + flow(random, depth + 1));
    }
    return kind == 1 ? "[" + String.join(", ", items) + "]" : "{" + String.join(", ", items) + "}";
  }

  /** Whole-file extremes: empty, only a BOM, NULs, huge, deeply nested, many documents. */
  static Arbitrary<String> extremes(List<String> seeds) {
    return Combinators.combine(Arbitraries.of(seeds), Arbitraries.integers().between(0, 15),
        Arbitraries.integers().between(1, 2_000)).as((seed, kind, n) -> switch (kind) {
          case 0 -> "";
          case 1 -> "\uFEFF";
          case 2 -> "\uFEFF" + seed;
          case 3 -> seed.replace("\n", "\r\n");
          case 4 -> seed + "\u0000";
          case 5 -> seed.replace(": ", ":\u0000 ");
          case 6 -> "[".repeat(n) + "]".repeat(n);
          case 7 -> "a:\n" + " ".repeat(2).repeat(1) + "b: {".repeat(n) + "}".repeat(n);
          case 8 -> nestedBlock(Math.min(n, 3_000));
          case 9 -> seed + "\n---\n" + seed;
          case 10 -> seed.repeat(Math.min(n, 40)); // the same keys again and again
          case 11 -> "operations:\n" + "  - RunSQL: {sql: \"SELECT 1\"}\n".repeat(n);
          case 12 -> "a: &a [" + "*a, ".repeat(Math.min(n, 100)) + "]";
          case 13 -> "x".repeat(n * 100);
          case 14 -> "\t" + seed;
          default -> seed.replace("  ", "\t");
        });
  }

  private static String nestedBlock(int depth) {
    StringBuilder sb = new StringBuilder();
    for (int d = 0; d < depth; d++) sb.append(" ".repeat(d)).append("k:\n");
    return sb.toString();
  }

  /** How the text becomes bytes: UTF-8 nearly always, sometimes UTF-16 or a broken byte. */
  enum Encoding {
    UTF8, UTF8_BOM, UTF16, LATIN1, BROKEN_BYTE;

    byte[] encode(String text) {
      return switch (this) {
        case UTF8 -> text.getBytes(StandardCharsets.UTF_8);
        case UTF8_BOM -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        case UTF16 -> text.getBytes(StandardCharsets.UTF_16);
        case LATIN1 -> (text + "é").getBytes(StandardCharsets.ISO_8859_1);
        case BROKEN_BYTE -> {
          byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
          byte[] out = Arrays.copyOf(utf8, utf8.length + 1);
          int at = utf8.length == 0 ? 0 : Math.abs(text.hashCode()) % utf8.length;
          System.arraycopy(utf8, at, out, at + 1, utf8.length - at);
          out[at] = (byte) 0xC3; // a lone lead byte
          yield out;
        }
      };
    }
  }

  private static Arbitrary<Encoding> encodings() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(40, Arbitraries.just(Encoding.UTF8)),
        net.jqwik.api.Tuple.of(2, Arbitraries.just(Encoding.UTF8_BOM)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Encoding.UTF16)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Encoding.LATIN1)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Encoding.BROKEN_BYTE)));
  }

  private static String indent(String line) {
    return line.substring(0, line.length() - line.stripLeading().length());
  }

  /** A key as YAML needs it written: quoted when plain text would not read back as itself. */
  static String quoteKey(String key) {
    if (key.matches("[A-Za-z_][A-Za-z0-9_]*")) return key;
    return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"";
  }

  private static String pick(List<String> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }
}
