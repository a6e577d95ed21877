package dev.cairn.autodetect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders the renames of one model's fields (or one app's models) answered up front so that each
 * new name is free when its rename runs: for a chain a to b, b to c, the rename of b goes first.
 * A cycle (a swap) or a new name that a field staying in the models keeps is refused: a migration
 * cannot do it without a temporary name, and the user believes their data is safe.
 */
final class RenameChain {
  /**
   * One rename answered up front.
   *
   * @param flag the answer as {@code --rename} spells it ({@code old=new}), for messages
   */
  record Link<T>(T from, T to, String flag) {
    String fromText() {
      return flag.substring(0, flag.indexOf('='));
    }

    String toText() {
      return flag.substring(flag.indexOf('=') + 1);
    }
  }

  private RenameChain() {}

  /**
   * @param links the renames answered up front, each {@code from} present in {@code present}
   * @param present the names as they are before any of the renames
   * @param staying the names the models keep
   * @param app the app whose models file holds the renames
   * @return the links in an order where each {@code to} is free when it runs
   * @throws RefusedChange for a cycle, or a new name that stays taken
   */
  static <T> List<Link<T>> order(List<Link<T>> links, Set<T> present, Set<T> staying,
      String app, String what) {
    Set<T> taken = new LinkedHashSet<>(present);
    List<Link<T>> pending = new ArrayList<>(links);
    // Already done (the models and the migrations agree; e.g. b to c of a chain on the next
    // run): the old name stays and the new one is taken by a name nothing renames away.
    while (true) {
      List<Link<T>> done = pending.stream().filter(l -> present.contains(l.to())
          && staying.contains(l.from())
          && pending.stream().noneMatch(o -> o.from().equals(l.to()))).toList();
      if (done.isEmpty()) break;
      pending.removeAll(done);
    }
    links = List.copyOf(pending);
    List<Link<T>> ordered = new ArrayList<>();
    for (Link<T> a : links) {
      for (Link<T> b : links) {
        if (a != b && a.to().equals(b.to())) {
          throw new RefusedChange(app, "--rename " + a.flag() + " and --rename " + b.flag()
              + " give two " + what + "s the same new name; answer one rename per new name.");
        }
      }
    }
    while (!pending.isEmpty()) {
      Link<T> next = pending.stream().filter(l -> !taken.contains(l.to())).findFirst().orElse(null);
      if (next == null) throw stuck(pending, app, what);
      taken.remove(next.from());
      taken.add(next.to());
      pending.remove(next);
      ordered.add(next);
    }
    return ordered;
  }

  private static <T> RefusedChange stuck(List<Link<T>> pending, String app, String what) {
    for (Link<T> l : pending) {
      List<Link<T>> cycle = cycleFrom(l, pending);
      if (!cycle.isEmpty()) {
        StringBuilder flags = new StringBuilder();
        for (Link<T> c : cycle) flags.append(flags.length() == 0 ? "" : " and ").append("--rename ").append(c.flag());
        Link<T> first = cycle.get(0);
        return new RefusedChange(app, flags + " form a cycle (a swap of " + what + " names):"
            + " one migration cannot rename them without a temporary name, and makemigrations"
            + " will not drop their data instead.\n"
            + "  Do it in two makemigrations runs: first rename " + first.fromText() + " alone to a"
            + " temporary name in the models and run makemigrations --rename " + first.fromText()
            + "=<temporary>; then make the models final and run makemigrations again with the"
            + " other renames and --rename <temporary>=" + first.toText() + ".");
      }
    }
    Link<T> l = pending.get(0);
    return new RefusedChange(app, "--rename " + l.flag() + " cannot be honoured: the " + what
        + " " + l.toText() + " is in the migrations and stays in the models, so the name is taken.\n"
        + "  Rename " + l.toText() + " away in the same run too (--rename " + l.toText()
        + "=<new name>), or remove it in an earlier makemigrations run.");
  }

  /** The links of the cycle that {@code start} is on, from {@code start}; empty if none. */
  private static <T> List<Link<T>> cycleFrom(Link<T> start, List<Link<T>> pending) {
    List<Link<T>> path = new ArrayList<>();
    Link<T> at = start;
    while (at != null && !path.contains(at)) {
      path.add(at);
      if (at.to().equals(start.from())) return path;
      T next = at.to();
      at = pending.stream().filter(p -> p.from().equals(next)).findFirst().orElse(null);
    }
    return List.of();
  }
}
