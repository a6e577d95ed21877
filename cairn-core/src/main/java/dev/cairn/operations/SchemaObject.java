package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import dev.cairn.state.Name;
import java.util.Locale;

/**
 * A model, field, index or constraint that an operation creates or changes, so that code reasoning
 * about migrations (merging branches, {@code --fake-initial}) asks the operation instead of
 * knowing each one. Immutable.
 *
 * @param model the model it is or belongs to
 * @param name the field, index or constraint; {@code null} for a model
 */
public record SchemaObject(Kind kind, Name model, String name) {
  /** What sort of object. */
  public enum Kind { MODEL, FIELD, INDEX, CONSTRAINT }

  public SchemaObject {
    requireNonNull(kind, "kind == null");
    requireNonNull(model, "model == null");
    if ((kind == Kind.MODEL) != (name == null)) {
      throw new IllegalArgumentException(kind + " with name " + name);
    }
  }

  public static SchemaObject model(Name model) {
    return new SchemaObject(Kind.MODEL, model, null);
  }

  public static SchemaObject field(Name model, Name field) {
    return new SchemaObject(Kind.FIELD, model, field.value());
  }

  public static SchemaObject index(Name model, String name) {
    return new SchemaObject(Kind.INDEX, model, name);
  }

  public static SchemaObject constraint(Name model, String name) {
    return new SchemaObject(Kind.CONSTRAINT, model, name);
  }

  /** The field's name, for a {@link Kind#FIELD}. */
  public Name field() {
    if (kind != Kind.FIELD) throw new IllegalStateException(this + " is not a field");
    return Name.of(name);
  }

  /**
   * How messages name it, in lower case as names compare: {@code model product}, {@code field
   * product.price}, {@code index product_sku_idx} (index and constraint names are unique in a
   * schema, so without their model).
   */
  @Override public String toString() {
    return switch (kind) {
      case MODEL -> "model " + model.lower();
      case FIELD -> "field " + model.lower() + "." + name.toLowerCase(Locale.ROOT);
      case INDEX -> "index " + name.toLowerCase(Locale.ROOT);
      case CONSTRAINT -> "constraint " + name.toLowerCase(Locale.ROOT);
    };
  }
}
