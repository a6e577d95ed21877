package dev.cairn.files;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;

/**
 * Writes scalars so that they read back as the same value. The rule for plain (unquoted) strings
 * is conservative: when in doubt, quote. A quoted string is double-quoted, with escapes.
 */
final class Scalars {
  /** Words YAML 1.1 reads as booleans or null; Jackson honours them. */
  private static final Set<String> RESERVED =
      Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");
  /** First characters that start YAML syntax, a number ({@code .5}, {@code +1}) or a merge key. */
  private static final String BAD_FIRST = "-?:,[]{}#&*!|>'\"%@`.+~=<\\";
  /** Characters that end a plain scalar inside {...} or [...] (SnakeYAML counts the ? too). */
  private static final String FLOW_INDICATORS = ",?[]{}";

  private Scalars() {}

  /** A string, number or boolean as one token, for a flow collection or a block value. */
  static String scalar(Object value, boolean flow) {
    if (value instanceof String s) return string(s, flow);
    if (value instanceof Boolean b) return b.toString();
    if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof BigDecimal d) return d.toPlainString();
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d)) return ".nan";
      if (Double.isInfinite(d)) return d > 0 ? ".inf" : "-.inf";
      String s = BigDecimal.valueOf(d).toPlainString();
      return s.contains(".") ? s : s + ".0";
    }
    throw new IllegalArgumentException("cannot write " + value.getClass().getName() + ": " + value);
  }

  static String string(String s, boolean flow) {
    return isPlain(s, flow) ? s : quoted(s);
  }

  static boolean isPlain(String s, boolean flow) {
    if (s.isEmpty()) return false;
    char first = s.charAt(0);
    if (BAD_FIRST.indexOf(first) >= 0 || Character.isDigit(first) || first == ' ') return false;
    if (s.charAt(s.length() - 1) == ' ' || s.charAt(s.length() - 1) == ':') return false;
    if (RESERVED.contains(s.toLowerCase(Locale.ROOT))) return false;
    if (!isSafeText(s) || s.indexOf('\n') >= 0 || s.indexOf('\t') >= 0) return false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '#' && s.charAt(i - 1) == ' ') return false;
      if (c == ':' && (flow || s.charAt(i + 1) == ' ')) return false;
      if (flow && FLOW_INDICATORS.indexOf(c) >= 0) return false;
    }
    return true;
  }

  /**
   * Whether a character may appear unescaped: printable, and not one YAML treats as a line break
   * or space of its own. Paired surrogates (emoji) are fine, lone ones are not.
   */
  static boolean isSafe(char c) {
    if (c < 0x20) return c == '\t';
    if (c < 0x7F) return true;
    if (c < 0xA0 || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF) return false;
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE,
          Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
      default -> true; // surrogates too: isSafeText checks that they come in pairs
    };
  }

  /** Whether every character of {@code s} may appear unescaped, surrogates only in pairs. */
  static boolean isSafeText(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
        i++;
      } else if (Character.isLowSurrogate(c) || (!isSafe(c) && c != '\n')) {
        return false;
      }
    }
    return true;
  }

  static String quoted(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1));
          if (pair) {
            out.append(c).append(s.charAt(++i));
          } else if (isSafe(c) && !Character.isSurrogate(c)) {
            out.append(c);
          } else {
            out.append(String.format("\\u%04X", (int) c));
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * Whether a multi-line string can be a literal block ({@code |}) that reads back the same: no
   * leading space or blank first line (they would need an indentation indicator), no trailing
   * spaces, no more than one final line break, nothing that needs escaping.
   */
  static boolean isLiteral(String s) {
    if (!s.contains("\n") || s.startsWith("\n") || s.startsWith(" ") || s.endsWith("\n\n")) {
      return false;
    }
    if (s.contains("\t") || !isSafeText(s)) return false;
    for (String line : s.split("\n", -1)) {
      if (line.endsWith(" ")) return false;
    }
    return !s.strip().isEmpty();
  }

  /**
   * A block value after {@code key:}: a plain or quoted scalar on the same line, or a literal
   * block indented by {@code indent}.
   */
  static String blockValue(Object value, int indent) {
    if (value instanceof String s && isLiteral(s)) {
      boolean clip = s.endsWith("\n");
      String body = clip ? s.substring(0, s.length() - 1) : s;
      StringBuilder out = new StringBuilder(clip ? " |" : " |-");
      String pad = " ".repeat(indent);
      for (String line : body.split("\n", -1)) {
        out.append('\n');
        if (!line.isEmpty()) out.append(pad).append(line);
      }
      return out.toString();
    }
    return " " + scalar(value, false);
  }
}
