package dev.cairn.dialect.mysql;

/**
 * Raw SQL of the models (a check) written with the standard's double-quoted identifiers, made
 * MySQL's: in MySQL's default mode {@code "price"} is the string 'price', so {@code "price" >= 0}
 * would compare a constant and guard nothing. Strings in single quotes are left as they are.
 */
final class MysqlQuoting {
  private MysqlQuoting() {}

  /** {@code sql} with every {@code "name"} outside a string literal written {@code `name`}. */
  static String backticked(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '`') { // a string or an identifier already MySQL's: copied as it is
        int j = i + 1;
        while (j < n) {
          char d = sql.charAt(j);
          if (d == '\\' && c == '\'' && j + 1 < n) {
            j += 2;
          } else if (d == c && j + 1 < n && sql.charAt(j + 1) == c) {
            j += 2;
          } else if (d == c) {
            break;
          } else {
            j++;
          }
        }
        out.append(sql, i, Math.min(j + 1, n));
        i = j + 1;
      } else if (c == '"') {
        StringBuilder name = new StringBuilder();
        int j = i + 1;
        while (j < n) {
          if (sql.charAt(j) == '"') {
            if (j + 1 < n && sql.charAt(j + 1) == '"') { // a doubled quote stands for one
              name.append('"');
              j += 2;
              continue;
            }
            break;
          }
          name.append(sql.charAt(j++));
        }
        out.append('`').append(name.toString().replace("`", "``")).append('`');
        i = j + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
