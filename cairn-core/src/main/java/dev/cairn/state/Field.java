package dev.cairn.state;

import static java.util.Objects.requireNonNull;

/**
 * A model field with Django's options. Options left unset are {@code null} (or {@code false}), so
 * that a file writes back only what it said. Immutable; build one with {@link #of(FieldType)}.
 *
 * @param defaultValue a constant (String, Number or Boolean) used to fill existing rows; {@code
 *     null} when there is none
 * @param dbDefault an SQL expression the database itself uses as the column default
 * @param dbIndex {@code null} means the type's own choice: foreign keys and slugs get an index
 */
public record Field(
    FieldType type,
    boolean nullable,
    Object defaultValue,
    String dbDefault,
    boolean unique,
    Boolean dbIndex,
    String dbColumn,
    boolean primaryKey,
    Integer maxLength,
    Integer maxDigits,
    Integer decimalPlaces,
    String to,
    String toField,
    OnDelete onDelete,
    String dbTable,
    String through,
    String dbComment) {

  public Field {
    requireNonNull(type, "type == null");
    if (defaultValue != null
        && !(defaultValue instanceof String
            || defaultValue instanceof Number
            || defaultValue instanceof Boolean)) {
      throw new IllegalArgumentException("default must be a string, number or boolean: " + defaultValue);
    }
  }

  public static Builder of(FieldType type) {
    return new Builder(type);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The column this field is stored in: {@code db_column}, else {@code <name>_id} for keys. */
  public String column(Name name) {
    if (dbColumn != null) return dbColumn;
    return type.isForeignKey() ? name.value() + "_id" : name.value();
  }

  /** Whether the field has a column at all: a ManyToManyField has a join table instead. */
  public boolean hasColumn() {
    return !type.isManyToMany();
  }

  public boolean isUnique() {
    return unique || primaryKey || type == FieldType.ONE_TO_ONE;
  }

  /** Whether the field gets an index of its own (a unique field already has one). */
  public boolean hasIndex() {
    if (isUnique() || !hasColumn()) return false;
    if (dbIndex != null) return dbIndex;
    return type.isForeignKey() || type == FieldType.SLUG;
  }

  public Integer effectiveMaxLength() {
    return maxLength != null ? maxLength : type.defaultMaxLength();
  }

  public OnDelete effectiveOnDelete() {
    return onDelete != null ? onDelete : OnDelete.CASCADE;
  }

  public boolean hasDefault() {
    return defaultValue != null;
  }

  /** A copy pointing at another model, as RenameModel updates the references to it. */
  public Field withTo(String newTo) {
    return toBuilder().to(newTo).build();
  }

  /** Builds a {@link Field}; every option starts unset. */
  public static final class Builder {
    private final FieldType type;
    private boolean nullable;
    private Object defaultValue;
    private String dbDefault;
    private boolean unique;
    private Boolean dbIndex;
    private String dbColumn;
    private boolean primaryKey;
    private Integer maxLength;
    private Integer maxDigits;
    private Integer decimalPlaces;
    private String to;
    private String toField;
    private OnDelete onDelete;
    private String dbTable;
    private String through;
    private String dbComment;

    private Builder(FieldType type) {
      this.type = type;
    }

    private Builder(Field f) {
      this(f.type);
      nullable = f.nullable;
      defaultValue = f.defaultValue;
      dbDefault = f.dbDefault;
      unique = f.unique;
      dbIndex = f.dbIndex;
      dbColumn = f.dbColumn;
      primaryKey = f.primaryKey;
      maxLength = f.maxLength;
      maxDigits = f.maxDigits;
      decimalPlaces = f.decimalPlaces;
      to = f.to;
      toField = f.toField;
      onDelete = f.onDelete;
      dbTable = f.dbTable;
      through = f.through;
      dbComment = f.dbComment;
    }

    public Builder nullable(boolean v) { nullable = v; return this; }
    public Builder defaultValue(Object v) { defaultValue = v; return this; }
    public Builder dbDefault(String v) { dbDefault = v; return this; }
    public Builder unique(boolean v) { unique = v; return this; }
    public Builder dbIndex(Boolean v) { dbIndex = v; return this; }
    public Builder dbColumn(String v) { dbColumn = v; return this; }
    public Builder primaryKey(boolean v) { primaryKey = v; return this; }
    public Builder maxLength(Integer v) { maxLength = v; return this; }
    public Builder maxDigits(Integer v) { maxDigits = v; return this; }
    public Builder decimalPlaces(Integer v) { decimalPlaces = v; return this; }
    public Builder to(String v) { to = v; return this; }
    public Builder toField(String v) { toField = v; return this; }
    public Builder onDelete(OnDelete v) { onDelete = v; return this; }
    public Builder dbTable(String v) { dbTable = v; return this; }
    public Builder through(String v) { through = v; return this; }
    public Builder dbComment(String v) { dbComment = v; return this; }

    public Field build() {
      return new Field(type, nullable, defaultValue, dbDefault, unique, dbIndex, dbColumn,
          primaryKey, maxLength, maxDigits, decimalPlaces, to, toField, onDelete, dbTable, through,
          dbComment);
    }
  }
}
