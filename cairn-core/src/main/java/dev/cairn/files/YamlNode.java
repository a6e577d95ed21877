package dev.cairn.files;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a YAML document that remembers its line, so that errors can point at it. Mappings keep
 * their keys in file order. Immutable; read one with {@link YamlInput#parse}.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {
  /** The 1-based line the node starts on. */
  int line();

  /** The node for messages: {@code a list}, {@code the string 'abc'}, {@code the integer 3}. */
  String describe();

  /**
   * A plain value: a String, an Integer, Long or BigInteger, a BigDecimal (or a Double for
   * {@code .inf} and {@code .nan}), a Boolean, or {@code null} for {@code null}, {@code ~} or
   * nothing.
   */
  record Scalar(Object value, int line) implements YamlNode {
    public boolean isNull() {
      return value == null;
    }

    @Override public String describe() {
      if (value == null) return "nothing";
      if (value instanceof String s) {
        return "the string '" + shorten(s) + "'"
            + (s.length() > 80 ? " (" + s.length() + " characters)" : "");
      }
      if (value instanceof Boolean b) return b.toString();
      if (value instanceof BigDecimal || value instanceof Double) return "the number " + value;
      return "the integer " + value;
    }
  }

  /** A list, block ({@code - a}) or flow ({@code [a, b]}). */
  record Sequence(List<YamlNode> items, int line) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override public String describe() {
      return "a list";
    }
  }

  /** A mapping with unique string keys, in file order. */
  record Mapping(Map<String, Entry> entries, int line) implements YamlNode {
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The value under {@code key}, or {@code null} when the key is absent. */
    public YamlNode get(String key) {
      Entry e = entries.get(key);
      return e == null ? null : e.value();
    }

    public boolean has(String key) {
      return entries.containsKey(key);
    }

    @Override public String describe() {
      return "a mapping";
    }
  }

  /**
   * A value as a message quotes it: whole when short, else its start, so that a
   * 70,000-character value does not become a 70,000-character error.
   */
  static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 60) + "...";
  }

  /** One key of a mapping, with the line the key is on. */
  record Entry(String key, int line, YamlNode value) {}
}
