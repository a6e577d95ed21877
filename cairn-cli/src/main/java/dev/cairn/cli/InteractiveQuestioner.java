package dev.cairn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.autodetect.NeedsAnswer;
import dev.cairn.autodetect.NoInputQuestioner;
import dev.cairn.autodetect.Questioner;
import dev.cairn.state.Field;
import dev.cairn.state.ModelKey;
import dev.cairn.state.Name;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Asks Django's questions at the terminal. When input ends (no terminal, a closed pipe) it stops
 * as {@code --noinput} does, with the flag that answers the question, but saying that input ended:
 * the user never gave --noinput.
 */
final class InteractiveQuestioner implements Questioner {
  private final BufferedReader in;
  private final PrintWriter out;
  private final NoInputQuestioner noInput = new NoInputQuestioner();

  InteractiveQuestioner(BufferedReader in, PrintWriter out) {
    this.in = in;
    this.out = out;
  }

  @Override public boolean isModelRenamed(ModelKey oldModel, ModelKey newModel) {
    String answer = ask("Was the model " + oldModel + " renamed to " + newModel.name().value()
        + "? [y/N] ");
    if (answer == null) return endOfInput(() -> noInput.isModelRenamed(oldModel, newModel));
    return isYes(answer);
  }

  @Override public boolean isFieldRenamed(ModelKey model, Name oldName, Name newName, Field field) {
    String m = model.name().lower();
    String answer = ask("Was " + m + "." + oldName + " renamed to " + m + "." + newName + " ("
        + field.type().withArticle() + ")? [y/N] ");
    if (answer == null) {
      return endOfInput(() -> noInput.isFieldRenamed(model, oldName, newName, field));
    }
    return isYes(answer);
  }

  @Override public Object oneOffDefault(ModelKey model, Name fieldName, Field field) {
    out.println("It is impossible to add a non-nullable field '" + fieldName + "' to "
        + model.name().lower() + " without specifying a default. This is because the database"
        + " needs something to populate existing rows.");
    out.println("Please select a fix:");
    out.println(" 1) Provide a one-off default now (will be set on all existing rows)");
    out.println(" 2) Quit and manually define a default value in the models.");
    while (true) {
      String choice = ask("Select an option: ");
      if (choice == null) return endOfInput(() -> noInput.oneOffDefault(model, fieldName, field));
      if (choice.trim().equals("2")) {
        throw new NeedsAnswer("stopped: give " + model.name().lower() + "." + fieldName
            + " a default (or null: true) in the models, then run makemigrations again");
      }
      if (!choice.trim().equals("1")) continue;
      Object value = askValue();
      return value != null ? value
          : endOfInput(() -> noInput.oneOffDefault(model, fieldName, field));
    }
  }

  @Override public java.util.Optional<Object> notNullAlterationDefault(ModelKey model,
      Name fieldName, Field field) {
    String m = model.name().lower();
    out.println("It is impossible to change a nullable field '" + fieldName + "' on " + m
        + " to non-nullable without providing a default. This is because the database needs"
        + " something to populate existing rows.");
    out.println("Please select a fix:");
    out.println(" 1) Provide a one-off default now (will be set on all existing rows with a null"
        + " value for this column)");
    out.println(" 2) Ignore for now. Existing rows that contain NULL values will have to be"
        + " handled manually, for example with a RunSQL operation; until then the migration"
        + " fails on them.");
    out.println(" 3) Quit and manually define a default value in the models.");
    while (true) {
      String choice = ask("Select an option: ");
      if (choice == null) {
        return endOfInput(() -> noInput.notNullAlterationDefault(model, fieldName, field));
      }
      switch (choice.trim()) {
        case "1" -> {
          Object value = askValue();
          if (value == null) {
            return endOfInput(() -> noInput.notNullAlterationDefault(model, fieldName, field));
          }
          return java.util.Optional.of(value);
        }
        case "2" -> {
          return java.util.Optional.empty();
        }
        case "3" -> throw new NeedsAnswer("stopped: give " + m + "." + fieldName + " a default"
            + " (or keep null: true) in the models, then run makemigrations again");
        default -> { }
      }
    }
  }

  /** A value typed at the prompt, asked again until it parses; {@code null} when input ends. */
  private Object askValue() {
    while (true) {
      String value = ask("Please enter the default value as YAML (0, 'text', true): ");
      if (value == null) return null;
      try {
        return parseValue(value);
      } catch (IllegalArgumentException e) {
        out.println(e.getMessage());
      }
    }
  }

  /** A YAML scalar: {@code 0}, {@code 1.5}, {@code true}, {@code 'text'}; the same as --default. */
  static Object parseValue(String text) {
    try {
      Object value = new ObjectMapper(new YAMLFactory()).readValue(text, Object.class);
      if (value instanceof Double d) return new java.math.BigDecimal(text.trim());
      if (value instanceof String || value instanceof Number || value instanceof Boolean) {
        return value;
      }
    } catch (IOException | NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException("'" + text + "' is not a string, number or boolean;"
        + " write text in quotes: 'text'");
  }

  /** The no-input answer (a NeedsAnswer with the flag to give), told as the end of input. */
  private static <T> T endOfInput(Supplier<T> noInputAnswer) {
    try {
      return noInputAnswer.get();
    } catch (NeedsAnswer e) {
      String m = e.getMessage();
      if (m.contains(NO_INPUT)) throw new NeedsAnswer(m.replace(NO_INPUT, ENDED));
      throw new NeedsAnswer(ENDED + "\n  " + m);
    }
  }

  /** How NoInputQuestioner says why it cannot ask. */
  private static final String NO_INPUT = "Nobody can answer with --noinput.";
  private static final String ENDED = "Input ended before it was answered; answer it up front.";

  private String ask(String prompt) {
    out.print(prompt);
    out.flush();
    try {
      String line = in.readLine();
      if (line == null) out.println();
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isYes(String answer) {
    String a = answer.trim().toLowerCase(java.util.Locale.ROOT);
    return a.equals("y") || a.equals("yes");
  }
}
