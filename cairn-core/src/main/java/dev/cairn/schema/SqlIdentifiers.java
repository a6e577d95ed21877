package dev.cairn.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The identifiers of a raw SQL expression from the models (a check, an index's condition), read
 * conservatively without a parser: string literals are skipped, numbers too.
 */
public final class SqlIdentifiers {
  private SqlIdentifiers() {}

  /**
   * An identifier as written.
   *
   * @param name the text, quoted ones with their case and doubled quotes made single
   * @param quote {@code "} or {@code `} for a quoted identifier, else {@code 0}
   * @param call whether a {@code (} follows: a function's name, not a column
   * @param qualifies whether a {@code .} follows: a table's or schema's name, not a column
   * @param after the word before it, upper case ({@code COLLATE}, {@code AS}), or {@code ::}
   *     for a PostgreSQL cast, or {@code ""}
   */
  public record Identifier(String name, char quote, boolean call, boolean qualifies, String after) {
    public boolean quoted() {
      return quote != 0;
    }

    /**
     * Whether it stands where only a column can: not a function, collation, type or qualifier.
     */
    public boolean isColumnPosition() {
      return !call && !qualifies && !after.equals("COLLATE") && !after.equals("AS")
          && !after.equals("::");
    }
  }

  /**
   * The identifiers of {@code sql}: quoted ones ({@code "x"}, {@code `x`}, doubled quotes inside)
   * and words outside string literals.
   */
  public static List<Identifier> of(String sql) {
    List<Identifier> ids = new ArrayList<>();
    String previous = "";
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        StringBuilder text = new StringBuilder();
        int j = i + 1;
        while (j < n) {
          if (sql.charAt(j) == c) {
            if (j + 1 < n && sql.charAt(j + 1) == c) { // a doubled quote stands for one
              text.append(c);
              j += 2;
              continue;
            }
            break;
          }
          text.append(sql.charAt(j++));
        }
        i = j + 1;
        if (c != '\'') {
          ids.add(new Identifier(text.toString(), c, next(sql, i) == '(', next(sql, i) == '.',
              previous));
          previous = text.toString().toUpperCase(Locale.ROOT);
        } else {
          previous = "";
        }
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
            || sql.charAt(j) == '$')) {
          j++;
        }
        String word = sql.substring(i, j);
        ids.add(new Identifier(word, (char) 0, next(sql, j) == '(', next(sql, j) == '.', previous));
        previous = word.toUpperCase(Locale.ROOT);
        i = j;
      } else if (Character.isDigit(c)) {
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) i++;
        previous = "";
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        previous = "::";
        i += 2;
      } else {
        if (!Character.isWhitespace(c)) previous = "";
        i++;
      }
    }
    return ids;
  }

  /** The first character from {@code i} that is not white space, or {@code 0} at the end. */
  private static char next(String sql, int i) {
    while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) i++;
    return i < sql.length() ? sql.charAt(i) : 0;
  }
}
