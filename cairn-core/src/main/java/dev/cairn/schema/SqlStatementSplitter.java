package dev.cairn.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL written by the user into its statements at the semicolons between them, as Django
 * does with sqlparse, because sqlite-jdbc runs only the first statement of a string and drops the
 * rest without a word. A semicolon does not split inside a single-quoted string ({@code ''} and, in
 * {@code E'..'}, backslash escapes), a double-quoted or backquoted identifier, a {@code --} or
 * {@code /* *}{@code /} comment, a dollar-quoted body ({@code $$..$$}, {@code $tag$..$tag$}), or
 * the {@code BEGIN .. END} body of a {@code CREATE [TEMP] TRIGGER}, {@code FUNCTION} or {@code
 * PROCEDURE} (SQLite triggers, PostgreSQL {@code BEGIN ATOMIC}), in which {@code CASE .. END} nests.
 * Statements lose their semicolon and the comments after their last token (so that {@code
 * sqlmigrate}'s semicolon cannot end up inside a {@code --} comment); those of only whitespace and
 * comments are dropped. Not understood: {@code [bracketed]} identifiers and nested block comments; an unclosed
 * quote or comment runs to the end and is left for the database to refuse.
 */
public final class SqlStatementSplitter {
  private SqlStatementSplitter() {}

  public static List<String> split(String sql) {
    List<String> statements = new ArrayList<>();
    int start = 0;
    int tokensEnd = -1; // after the statement's last token; -1 while it has only comments
    List<String> leadingWords = new ArrayList<>(); // the statement's first words, to spot CREATE TRIGGER
    int depth = 0; // BEGIN/CASE .. END nesting inside a body
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '\'') {
        i = tokensEnd = endOfString(sql, i, isEscapeString(sql, i));
      } else if (c == '"' || c == '`') {
        i = tokensEnd = endOfString(sql, i, false);
      } else if (c == '$' && dollarTag(sql, i) != null) {
        String tag = dollarTag(sql, i);
        int end = sql.indexOf(tag, i + tag.length());
        i = tokensEnd = end < 0 ? n : end + tag.length();
      } else if (c == ';' && depth == 0) {
        if (tokensEnd >= 0) statements.add(sql.substring(start, tokensEnd).strip());
        i++;
        start = i;
        tokensEnd = -1;
        leadingWords.clear();
      } else if (isWordChar(c)) {
        int end = i;
        while (end < n && isWordChar(sql.charAt(end))) end++;
        String word = sql.substring(i, end).toUpperCase(Locale.ROOT);
        if (leadingWords.size() < 6) leadingWords.add(word);
        if (depth > 0 && (word.equals("BEGIN") || word.equals("CASE"))) depth++;
        else if (depth > 0 && word.equals("END")) depth--;
        else if (depth == 0 && word.equals("BEGIN") && createsABody(leadingWords)) depth = 1;
        i = tokensEnd = end;
      } else {
        i++;
        if (!Character.isWhitespace(c)) tokensEnd = i;
      }
    }
    if (tokensEnd >= 0) statements.add(sql.substring(start, tokensEnd).strip());
    return List.copyOf(statements);
  }

  /** Whether the statement so far is a CREATE whose BEGIN opens a body of statements. */
  private static boolean createsABody(List<String> words) {
    if (words.isEmpty() || !words.get(0).equals("CREATE")) return false;
    for (String w : words.subList(1, words.size())) {
      if (w.equals("TRIGGER") || w.equals("FUNCTION") || w.equals("PROCEDURE")) return true;
      if (!w.equals("OR") && !w.equals("REPLACE") && !w.equals("TEMP") && !w.equals("TEMPORARY")) {
        return false;
      }
    }
    return false;
  }

  /** The index after the quote that closes the one at {@code open}; doubled quotes are text. */
  private static int endOfString(String sql, int open, boolean backslashEscapes) {
    char quote = sql.charAt(open);
    int i = open + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) i += 2;
        else return i + 1;
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /** PostgreSQL's {@code E'..'}, in which a backslash escapes the next character. */
  private static boolean isEscapeString(String sql, int quote) {
    return quote > 0 && (sql.charAt(quote - 1) == 'E' || sql.charAt(quote - 1) == 'e')
        && (quote == 1 || !isWordChar(sql.charAt(quote - 2)));
  }

  /** {@code $$} or {@code $tag$} opening a dollar-quoted string at {@code i}, else null. */
  private static String dollarTag(String sql, int i) {
    if (i > 0 && isWordChar(sql.charAt(i - 1))) return null; // a$b is an identifier
    int j = i + 1;
    if (j < sql.length() && Character.isDigit(sql.charAt(j))) return null; // $1 is a parameter
    while (j < sql.length() && isWordChar(sql.charAt(j)) && sql.charAt(j) != '$') j++;
    return j < sql.length() && sql.charAt(j) == '$' ? sql.substring(i, j + 1) : null;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
