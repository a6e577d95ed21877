package dev.cairn.cli;

import dev.cairn.files.Suggestions;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What to say about a first word that names no command: the command it most likely means (a typo,
 * a prefix, or another tool's word for it), or that it is one DESIGN.md plans but Cairn lacks yet.
 */
final class UnknownCommand {
  /** DESIGN.md's commands that are not built yet; help never lists them. */
  static final List<String> PLANNED = List.of("lint", "inspectdb", "graph");

  /** Other tools' words (Flyway, Liquibase, Rails, Alembic) for Cairn's commands. */
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("apply", "migrate"), Map.entry("up", "migrate"), Map.entry("upgrade", "migrate"),
      Map.entry("update", "migrate"), Map.entry("deploy", "migrate"),
      Map.entry("status", "showmigrations"), Map.entry("info", "showmigrations"),
      Map.entry("list", "showmigrations"), Map.entry("history", "showmigrations"),
      Map.entry("generate", "makemigrations"), Map.entry("revision", "makemigrations"),
      Map.entry("diff", "makemigrations"), Map.entry("new", "makemigrations"));

  private UnknownCommand() {}

  static boolean isPlanned(String word) {
    return PLANNED.contains(word.toLowerCase(Locale.ROOT));
  }

  /** The command {@code word} most likely means, if one is close enough to say so. */
  static Optional<String> suggestion(String word, Collection<String> commands) {
    String typed = word.toLowerCase(Locale.ROOT);
    if (ALIASES.containsKey(typed) && commands.contains(ALIASES.get(typed))) {
      return Optional.of(ALIASES.get(typed));
    }
    List<String> prefixed = commands.stream().filter(c -> c.startsWith(typed)).toList();
    if (typed.length() >= 3 && prefixed.size() == 1) return Optional.of(prefixed.get(0));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : commands) {
      int d = Suggestions.distance(typed, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    // A third of the word may be mistyped: 'mirgate' is migrate, 'status' is not.
    return bestDistance <= Math.max(1, typed.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
  }
}
