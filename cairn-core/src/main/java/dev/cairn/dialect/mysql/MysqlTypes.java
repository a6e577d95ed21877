package dev.cairn.dialect.mysql;

import dev.cairn.state.Field;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Column types for MySQL and MariaDB, as Django's MySQL backend chooses them ({@code
 * data_types}), and the spelling {@code information_schema.COLUMNS.COLUMN_TYPE} reads them back
 * with once {@link #normalized} has taken out what only one server writes.
 */
final class MysqlTypes {
  private static final String AUTO_INCREMENT = " AUTO_INCREMENT";

  /** The display width MariaDB and MySQL before 8.0.19 write after integer types: {@code int(11)}. */
  private static final Pattern DISPLAY_WIDTH =
      Pattern.compile("\\b(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)");

  private MysqlTypes() {}

  static String columnType(Field field) {
    return switch (field.type()) {
      case AUTO -> "integer" + AUTO_INCREMENT;
      case BIG_AUTO -> "bigint" + AUTO_INCREMENT;
      case SMALL_AUTO -> "smallint" + AUTO_INCREMENT;
      case BINARY -> "longblob";
      case BOOLEAN -> "bool";
      case CHAR, EMAIL, SLUG, URL -> {
        Integer n = field.effectiveMaxLength();
        // MySQL has no unbounded varchar; Django refuses a CharField without max_length there.
        yield n == null ? "longtext" : "varchar(" + n + ")";
      }
      case DATE -> "date";
      case DATE_TIME -> "datetime(6)";
      // MySQL's bare numeric is numeric(10, 0): without max_digits, keep as much as it can hold.
      case DECIMAL -> field.maxDigits() == null ? "numeric(65, 30)"
          : "numeric(" + field.maxDigits() + ", "
              + (field.decimalPlaces() == null ? 0 : field.decimalPlaces()) + ")";
      case DURATION -> "bigint"; // microseconds, as Django stores a timedelta
      case FLOAT -> "double precision";
      case INTEGER -> "integer";
      case BIG_INTEGER -> "bigint";
      case SMALL_INTEGER -> "smallint";
      case POSITIVE_INTEGER -> "integer UNSIGNED";
      case POSITIVE_BIG_INTEGER -> "bigint UNSIGNED";
      case POSITIVE_SMALL_INTEGER -> "smallint UNSIGNED";
      case TEXT -> "longtext";
      case TIME -> "time(6)";
      case UUID -> "char(32)";
      // MariaDB reads json as longtext with a CHECK (json_valid(..)) of the column (10.4.3+).
      case JSON -> "json";
      case FOREIGN_KEY, ONE_TO_ONE, MANY_TO_MANY -> throw new IllegalArgumentException(
          field.type().withArticle() + " has no column type of its own;"
              + " type it like the key it points at");
    };
  }

  /** The type without AUTO_INCREMENT: what a column pointing at it, or a MODIFY, restates. */
  static String plainType(Field field) {
    return columnType(field).replace(AUTO_INCREMENT, "");
  }

  /**
   * The type as {@link #normalized} reads {@code COLUMN_TYPE} back: MySQL's and MariaDB's own
   * names ({@code int}, {@code double}, {@code decimal(10,2)}, {@code tinyint(1)} for a bool);
   * {@code json} is MariaDB's {@code longtext} unless {@code nativeJson}.
   */
  static String introspectedType(Field field, boolean nativeJson) {
    String type = plainType(field).toLowerCase(Locale.ROOT);
    if (type.equals("json") && !nativeJson) return "longtext";
    if (type.equals("bool")) return "tinyint(1)";
    if (type.equals("double precision")) return "double";
    if (type.startsWith("numeric(")) return "decimal" + type.substring("numeric".length()).replace(", ", ",");
    return type.replace("integer", "int");
  }

  /**
   * {@code COLUMN_TYPE} without the display widths that MariaDB (and MySQL before 8.0.19) add to
   * integer types, keeping {@code tinyint(1)}, which both servers keep for a boolean.
   */
  static String normalized(String columnType) {
    String type = columnType.toLowerCase(Locale.ROOT);
    if (type.startsWith("tinyint(1)")) return type;
    return DISPLAY_WIDTH.matcher(type).replaceAll("$1");
  }
}
