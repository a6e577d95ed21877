package dev.cairn.operations;

import dev.cairn.state.Field;
import dev.cairn.state.Name;

/** The arguments AddField and AlterField share, written and read the same way for both. */
final class FieldArguments {
  /** AddField's or AlterField's constructor. */
  interface Constructor<T extends Operation> {
    T of(Name modelName, Name name, Field field, boolean preserveDefault);
  }

  private FieldArguments() {}

  static <T extends Operation> T read(ArgumentReader in, Constructor<T> constructor) {
    return constructor.of(in.name("model_name"), in.name("name"), in.field("field"),
        in.flag("preserve_default", true));
  }

  static void write(ArgumentWriter out, Name modelName, Name name, Field field,
      boolean preserveDefault) {
    out.value("model_name", modelName);
    out.value("name", name);
    out.field("field", field);
    if (!preserveDefault) out.value("preserve_default", false);
  }
}
