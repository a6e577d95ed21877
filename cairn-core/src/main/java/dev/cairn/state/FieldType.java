package dev.cairn.state;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The field types of DESIGN.md, with Django's names. */
public enum FieldType {
  AUTO("AutoField"),
  BIG_AUTO("BigAutoField"),
  SMALL_AUTO("SmallAutoField"),
  CHAR("CharField"),
  TEXT("TextField"),
  INTEGER("IntegerField"),
  BIG_INTEGER("BigIntegerField"),
  SMALL_INTEGER("SmallIntegerField"),
  POSITIVE_INTEGER("PositiveIntegerField"),
  POSITIVE_SMALL_INTEGER("PositiveSmallIntegerField"),
  POSITIVE_BIG_INTEGER("PositiveBigIntegerField"),
  BOOLEAN("BooleanField"),
  DECIMAL("DecimalField"),
  FLOAT("FloatField"),
  DATE("DateField"),
  DATE_TIME("DateTimeField"),
  TIME("TimeField"),
  DURATION("DurationField"),
  UUID("UUIDField"),
  JSON("JSONField"),
  BINARY("BinaryField"),
  EMAIL("EmailField"),
  SLUG("SlugField"),
  URL("URLField"),
  FOREIGN_KEY("ForeignKey"),
  ONE_TO_ONE("OneToOneField"),
  MANY_TO_MANY("ManyToManyField");

  private static final Map<String, FieldType> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(t -> t.djangoName, Function.identity()));

  private final String djangoName;

  FieldType(String djangoName) {
    this.djangoName = djangoName;
  }

  /** The name used in files: {@code CharField}. */
  public String djangoName() {
    return djangoName;
  }

  /**
   * The name after "a" or "an" as it is said: "an IntegerField", but "a OneToOneField" ("won")
   * and "a UUIDField" ("you"), so the article goes by the sound of the three vowels that start one.
   */
  public String withArticle() {
    char first = djangoName.charAt(0);
    return (first == 'A' || first == 'E' || first == 'I' ? "an " : "a ") + djangoName;
  }

  public static Optional<FieldType> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  public static java.util.Set<String> names() {
    return BY_NAME.keySet();
  }

  public boolean isAuto() {
    return this == AUTO || this == BIG_AUTO || this == SMALL_AUTO;
  }

  /** A ForeignKey or OneToOneField: a column that points at another table's key. */
  public boolean isForeignKey() {
    return this == FOREIGN_KEY || this == ONE_TO_ONE;
  }

  public boolean isManyToMany() {
    return this == MANY_TO_MANY;
  }

  /** Positive* fields get a {@code >= 0} check, as in Django. */
  public boolean isPositive() {
    return this == POSITIVE_INTEGER || this == POSITIVE_SMALL_INTEGER || this == POSITIVE_BIG_INTEGER;
  }

  /** Char-like types stored as varchar with a maximum length. */
  public boolean hasMaxLength() {
    return this == CHAR || this == EMAIL || this == SLUG || this == URL;
  }

  /** Django's default max_length for types that have one without being told. */
  public Integer defaultMaxLength() {
    return switch (this) {
      case EMAIL -> 254;
      case SLUG -> 50;
      case URL -> 200;
      default -> null;
    };
  }

  /** The type a column pointing at a key of this type has: an identity column's plain integer. */
  public FieldType relatedColumnType() {
    return switch (this) {
      case AUTO -> INTEGER;
      case BIG_AUTO -> BIG_INTEGER;
      case SMALL_AUTO -> SMALL_INTEGER;
      default -> this;
    };
  }
}
