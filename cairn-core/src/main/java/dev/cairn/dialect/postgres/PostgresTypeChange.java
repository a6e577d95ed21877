package dev.cairn.dialect.postgres;

import dev.cairn.state.Field;
import dev.cairn.state.FieldType;
import java.util.Objects;

/**
 * How PostgreSQL takes a column from one type to another without casting a value away: the
 * {@code USING} expression, where one is needed, and the condition that finds rows whose value
 * the new type would change, which must stop the migration before it runs.
 *
 * <p>Without {@code USING}, PostgreSQL converts by assignment, and assignment is strict where an
 * explicit cast is not: a string too long for {@code varchar(n)} is an error (an explicit
 * {@code ::varchar(n)} truncates it, as SQL demands), and every type converts to a string type by
 * assignment. So {@code USING} is written only where no assignment cast exists (text to integer,
 * uuid, jsonb, date; integer to boolean), and only as a cast that fails on a value it cannot read.
 * Rounding is the one silent change assignment makes: numeric and float values lose digits in a
 * smaller scale or an integer, checked first by {@link #lossCondition}. Immutable.
 */
record PostgresTypeChange(Field from, Field to) {
  private enum Family { INTEGER, DECIMAL, FLOAT, STRING, BOOLEAN, OTHER }

  /** {@code USING <expression>} for column {@code quotedColumn}, or {@code null} for none. */
  String using(String quotedColumn) {
    Family a = family(from);
    Family b = family(to);
    if (b == Family.STRING) return null; // I/O conversion to a string type is an assignment cast
    if (isNumber(a) && isNumber(b)) return null; // numeric types convert by assignment
    if (a == b && a != Family.OTHER) return null;
    if (hasAssignmentCast(from.type().relatedColumnType(), to.type().relatedColumnType())) return null;
    // An unbounded numeric: the column's own scale then applies by assignment, checked for rounding.
    String type = b == Family.DECIMAL ? "numeric" : PostgresTypes.plainType(to);
    return quotedColumn + "::" + type;
  }

  /**
   * An SQL condition true for the rows whose value the new type would round or drop, or {@code
   * null} where the conversion keeps every value or fails on its own.
   */
  String lossCondition(String quotedColumn) {
    Family a = family(from);
    Family b = family(to);
    if (b == Family.INTEGER && (a == Family.DECIMAL || a == Family.FLOAT)) {
      return quotedColumn + " <> round(" + quotedColumn + ")";
    }
    if (b == Family.DECIMAL && to.maxDigits() != null) {
      int places = to.decimalPlaces() == null ? 0 : to.decimalPlaces();
      boolean fewerPlaces = a == Family.FLOAT || a == Family.STRING
          || (a == Family.DECIMAL && (from.maxDigits() == null
              || (from.decimalPlaces() == null ? 0 : from.decimalPlaces()) > places));
      if (fewerPlaces) {
        String exact = quotedColumn + "::numeric";
        return exact + " <> round(" + exact + ", " + places + ")";
      }
    }
    if (b == Family.BOOLEAN && a == Family.INTEGER) return quotedColumn + " NOT IN (0, 1)";
    if (to.type() == FieldType.DATE && from.type() == FieldType.DATE_TIME) {
      return quotedColumn + " <> " + quotedColumn + "::date"; // the time of day would go
    }
    return null;
  }

  /**
   * Whether PostgreSQL makes the change in the catalog, rewriting no row and keeping the indexes:
   * the same type, a varchar made longer or text, a numeric with more digits and the same scale
   * (the length and precision coercions' planner support reduces them to a relabel). Text to
   * varchar(n) is not: each value's length is checked, and the table rewritten.
   */
  boolean keepsRows() {
    if (PostgresTypes.plainType(from).equals(PostgresTypes.plainType(to))) return true;
    Family a = family(from);
    Family b = family(to);
    if (a == Family.STRING && b == Family.STRING) {
      if (to.type().relatedColumnType() == FieldType.TEXT) return true;
      return from.type().relatedColumnType() != FieldType.TEXT
          && from.effectiveMaxLength() <= to.effectiveMaxLength();
    }
    if (a == Family.DECIMAL && b == Family.DECIMAL) {
      return to.maxDigits() == null || (from.maxDigits() != null
          && from.maxDigits() <= to.maxDigits()
          && Objects.equals(from.decimalPlaces(), to.decimalPlaces()));
    }
    return false;
  }

  private static boolean isNumber(Family f) {
    return f == Family.INTEGER || f == Family.DECIMAL || f == Family.FLOAT;
  }

  /** PostgreSQL's assignment casts between the date and time types (pg_cast, castcontext a/i). */
  private static boolean hasAssignmentCast(FieldType a, FieldType b) {
    return switch (a) {
      case DATE -> b == FieldType.DATE_TIME;
      case DATE_TIME -> b == FieldType.DATE || b == FieldType.TIME;
      case TIME -> b == FieldType.DURATION;
      case DURATION -> b == FieldType.TIME;
      default -> false;
    };
  }

  private static Family family(Field f) {
    return switch (f.type().relatedColumnType()) {
      case INTEGER, BIG_INTEGER, SMALL_INTEGER, POSITIVE_INTEGER, POSITIVE_BIG_INTEGER,
          POSITIVE_SMALL_INTEGER -> Family.INTEGER;
      case DECIMAL -> Family.DECIMAL;
      case FLOAT -> Family.FLOAT;
      case CHAR, EMAIL, SLUG, URL, TEXT -> Family.STRING;
      case BOOLEAN -> Family.BOOLEAN;
      default -> Family.OTHER;
    };
  }
}
