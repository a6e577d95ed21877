package dev.cairn.files;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.cairn.files.YamlNode.Entry;
import dev.cairn.files.YamlNode.Mapping;
import dev.cairn.files.YamlNode.Scalar;
import dev.cairn.files.YamlNode.Sequence;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One YAML file being read: parses it into {@link YamlNode}s with Jackson's streaming parser and
 * checks their types, reporting every problem at {@code file:line} through one exception type.
 */
public final class YamlInput {
  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final String CHECK_HINT =
      "check the indentation and quoting on this line and the ones before it";

  private final Path path;
  private final InputException.Factory errors;

  /**
   * @param path the file, used only in messages ({@code null} for text from no file)
   * @param errors makes the exception every problem is reported with
   */
  public YamlInput(Path path, InputException.Factory errors) {
    this.path = path;
    this.errors = errors;
  }

  public Path path() {
    return path;
  }

  public InputException error(int line, String problem, String hint) {
    return errors.create(path, line, problem, hint, null);
  }

  public InputException error(YamlNode node, String problem, String hint) {
    return error(node.line(), problem, hint);
  }

  /**
   * Parses one YAML document; {@code null} when it holds no value at all. Duplicate keys, aliases
   * and a second document are errors.
   */
  public YamlNode parse(String text) {
    int line = 1;
    try (YAMLParser parser = FACTORY.createParser(text)) {
      JsonToken token = parser.nextToken();
      if (token == null) return null;
      YamlNode root = node(parser, token);
      line = parser.currentTokenLocation().getLineNr();
      if (parser.nextToken() != null) {
        throw error(parser.currentTokenLocation().getLineNr(), "a second YAML document",
            "a file holds one document: remove the '---' and what follows it");
      }
      return root;
    } catch (JacksonException e) {
      if (e.getCause() instanceof MarkedYAMLException y) throw syntaxError(text, y, e);
      JsonLocation at = e.getLocation();
      throw errors.create(path, at != null && at.getLineNr() > 0 ? at.getLineNr() : line,
          "invalid YAML: " + firstLine(e.getOriginalMessage()), CHECK_HINT, e);
    } catch (IOException e) {
      throw errors.create(path, line, "cannot read YAML: " + e.getMessage(), null, e);
    } catch (InputException e) {
      throw e;
    } catch (RuntimeException e) { // SnakeYAML limits and checks that Jackson does not wrap
      if (e instanceof MarkedYAMLException y) throw syntaxError(text, y, e);
      throw errors.create(path, line, "invalid YAML: " + firstLine(String.valueOf(e.getMessage())),
          null, e);
    }
  }

  /** SnakeYAML's own message says what it found where, and what it was in the middle of. */
  private InputException syntaxError(String text, MarkedYAMLException y, Exception e) {
    int lines = (int) text.lines().count();
    Mark problemMark = y.getProblemMark();
    Mark contextMark = y.getContextMark();
    int at = problemMark != null ? problemMark.getLine() + 1 : contextMark != null ? contextMark.getLine() + 1 : 1;
    String problem = y.getProblem() != null ? y.getProblem() : firstLine(y.getMessage());
    if (at > lines) {
      at = Math.max(lines, 1);
      problem = problem.replace("<stream end>", "the end of the file");
    }
    String context = y.getContext() == null ? "" : " (" + y.getContext()
        + (contextMark == null ? "" : " that starts on line "
            + Math.min(contextMark.getLine() + 1, Math.max(lines, 1))) + ")";
    return errors.create(path, at, "invalid YAML: " + problem + context, CHECK_HINT, e);
  }

  private YamlNode node(YAMLParser p, JsonToken token) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    if (p.isCurrentAlias()) {
      throw error(line, "YAML aliases (*" + p.getText() + ") are not supported",
          "write the value out in full");
    }
    switch (token) {
      case START_OBJECT: {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          int keyLine = p.currentTokenLocation().getLineNr();
          String key = p.currentName();
          Entry first = entries.get(key);
          if (first != null) {
            throw error(keyLine, "duplicate key '" + key + "' (first on line " + first.line() + ")",
                "remove one of them");
          }
          YamlNode value = node(p, p.nextToken());
          entries.put(key, new Entry(key, keyLine, value));
        }
        return new Mapping(entries, line);
      }
      case START_ARRAY: {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          items.add(node(p, t));
        }
        return new Sequence(items, line);
      }
      case VALUE_STRING:
        return new Scalar(p.getText(), line);
      case VALUE_NULL:
        return new Scalar(null, line);
      case VALUE_TRUE:
        return new Scalar(Boolean.TRUE, line);
      case VALUE_FALSE:
        return new Scalar(Boolean.FALSE, line);
      case VALUE_NUMBER_INT:
        return new Scalar(p.getNumberValue(), line);
      case VALUE_NUMBER_FLOAT:
        return new Scalar(decimal(p.getText()), line);
      default:
        throw error(line, "unsupported YAML value " + token, "write a plain value, list or mapping");
    }
  }

  /**
   * A decimal keeps its digits ({@code 1.50} stays 1.50, not the double 1.5), so that it writes back
   * as it was read.
   */
  private static Object decimal(String text) {
    String t = text.replace("_", "");
    switch (t.toLowerCase(java.util.Locale.ROOT)) {
      case ".inf": case "+.inf": return Double.POSITIVE_INFINITY;
      case "-.inf": return Double.NEGATIVE_INFINITY;
      case ".nan": return Double.NaN;
      default:
        try {
          return new BigDecimal(t);
        } catch (NumberFormatException e) {
          return text; // YAML 1.1 calls things like 1.2.3 floats; a string is closer to the truth
        }
    }
  }

  private static String firstLine(String message) {
    if (message == null) return "unreadable";
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }

  // ---- typed access: each check names what it was looking at ----

  /** {@code node} as a mapping; {@code what} names it, e.g. "the arguments of AddField". */
  public Mapping mapping(YamlNode node, String what) {
    if (node instanceof Mapping m) return m;
    throw error(node, what + " must be a mapping, not " + node.describe(),
        "write 'key: value' pairs, indented, or {key: value}");
  }

  public Sequence sequence(YamlNode node, String what) {
    if (node instanceof Sequence s) return s;
    throw error(node, what + " must be a list, not " + node.describe(),
        "write '- item' lines, indented, or [a, b]");
  }

  public String string(YamlNode node, String what) {
    if (node instanceof Scalar s && s.value() instanceof String str) return str;
    String hint = node instanceof Scalar s && s.value() != null
        ? "put it in double quotes to make it a string" : null;
    throw error(node, what + " must be a string, not " + node.describe(), hint);
  }

  /** A non-blank string. */
  public String name(YamlNode node, String what) {
    String s = string(node, what);
    if (s.isBlank()) throw error(node, what + " is empty", null);
    return s;
  }

  public boolean bool(YamlNode node, String what) {
    if (node instanceof Scalar s && s.value() instanceof Boolean b) return b;
    throw error(node, what + " must be true or false, not " + node.describe(), null);
  }

  public int integer(YamlNode node, String what) {
    if (node instanceof Scalar s && s.value() instanceof Integer i) return i;
    if (node instanceof Scalar s && s.value() instanceof Number n && !(n instanceof BigDecimal)
        && !(n instanceof Double)) {
      throw error(node, what + " is too large: " + n, "use a number below " + Integer.MAX_VALUE);
    }
    throw error(node, what + " must be an integer, not " + node.describe(), null);
  }

  /** The value under a key that must be there. */
  public YamlNode require(Mapping m, String key, String where, String hint) {
    YamlNode value = m.get(key);
    if (value == null) throw error(m, "missing '" + key + "' in " + where, hint);
    return value;
  }

  /**
   * Rejects keys not in {@code known}, suggesting the closest known one.
   *
   * @param noun what a key is, e.g. "argument"
   * @param where where the mapping is, e.g. "AddField", or {@code null} at the top
   */
  public void checkKeys(Mapping m, Collection<String> known, String noun, String where) {
    for (Entry e : m.entries().values()) {
      if (!known.contains(e.key())) {
        throw error(e.line(), "unknown " + noun + " '" + YamlNode.shorten(e.key()) + "'"
            + (where == null ? "" : " in " + where),
            Suggestions.hint(e.key(), known));
      }
    }
  }
}
