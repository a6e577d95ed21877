package dev.cairn.dialect.h2;

import dev.cairn.state.Field;
import dev.cairn.state.FieldType;

/**
 * Keeps a type change from changing values on H2. {@code ALTER COLUMN ... SET DATA TYPE} converts
 * as a cast does: it refuses a string too long for the new type, but rounds a number to fewer
 * decimal places, drops a timestamp's time of day, makes a boolean of any number, and turns text
 * into a JSON string rather than reading it as JSON. So, except where the new type holds every
 * value of the old one, a guard runs first that fails, naming the column, when any value would
 * not come back unchanged from the new type.
 */
final class H2TypeChange {
  private H2TypeChange() {}

  /**
   * The condition on a row whose value the change would alter, or {@code null} where none can:
   * to a string (H2 refuses what does not fit), to a wider integer or decimal, or the same type.
   */
  static String lossCondition(String column, Field oldTyped, Field newTyped) {
    String oldType = H2Types.plainType(oldTyped);
    String newType = H2Types.plainType(newTyped);
    if (oldType.equals(newType) || H2Types.isString(newTyped)) return null;
    if (rank(oldType) >= 0 && rank(newType) >= rank(oldType)) return null;
    if (widerDecimal(oldTyped, newTyped)) return null;
    return column + " IS NOT NULL AND " + column + " <> CAST(CAST(" + column + " AS " + newType
        + ") AS " + oldType + ")";
  }

  /**
   * A statement that fails with {@code message} when a row of {@code table} meets {@code
   * condition}: H2 has no procedural blocks, so a cast of the message to a number does it, and
   * its error shows the message.
   */
  static String guard(String table, String condition, String message) {
    return "SET @cairn_type_change = CAST(CASE WHEN EXISTS (SELECT 1 FROM " + table + " WHERE "
        + condition + ") THEN " + message + " END AS integer)";
  }

  private static int rank(String type) {
    return switch (type) {
      case "smallint" -> 0;
      case "integer" -> 1;
      case "bigint" -> 2;
      default -> -1;
    };
  }

  private static boolean widerDecimal(Field oldTyped, Field newTyped) {
    if (newTyped.type() != FieldType.DECIMAL || newTyped.maxDigits() == null) return false;
    int newScale = newTyped.decimalPlaces() == null ? 0 : newTyped.decimalPlaces();
    int newInteger = newTyped.maxDigits() - newScale;
    if (rank(H2Types.plainType(oldTyped)) >= 0) return newInteger >= 19; // any bigint fits
    if (oldTyped.type() != FieldType.DECIMAL || oldTyped.maxDigits() == null) return false;
    int oldScale = oldTyped.decimalPlaces() == null ? 0 : oldTyped.decimalPlaces();
    return newScale >= oldScale && newInteger >= oldTyped.maxDigits() - oldScale;
  }
}
