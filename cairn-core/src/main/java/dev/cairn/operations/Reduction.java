package dev.cairn.operations;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What {@link Operation#reduce} says about an operation followed by another, as Django's {@code
 * reduce} answers: nothing to do ({@code False}), replace both with a list ({@code [..]}, empty
 * when they cancel out), or the two do not affect each other, so that a third operation may be
 * optimized through ({@code True}). Immutable.
 */
public final class Reduction {
  private static final Reduction NONE = new Reduction(null, false);
  private static final Reduction THROUGH = new Reduction(null, true);
  private static final Reduction CANCEL = new Reduction(List.of(), false);

  private final List<Operation> replacement;
  private final boolean through;

  private Reduction(List<Operation> replacement, boolean through) {
    this.replacement = replacement;
    this.through = through;
  }

  /** No reduction, and nothing may be optimized through the pair. */
  public static Reduction none() {
    return NONE;
  }

  /** No reduction, but the two operations commute: others may be optimized across them. */
  public static Reduction through() {
    return THROUGH;
  }

  /** Both operations vanish. */
  public static Reduction cancel() {
    return CANCEL;
  }

  /** Both operations are replaced by {@code operations}, in order. */
  public static Reduction replaceWith(List<Operation> operations) {
    return operations.isEmpty() ? CANCEL : new Reduction(List.copyOf(operations), false);
  }

  public static Reduction replaceWith(Operation... operations) {
    return replaceWith(List.of(operations));
  }

  /** {@code through()} when {@code yes}, else {@code none()}: Django's boolean answer. */
  public static Reduction throughIf(boolean yes) {
    return yes ? THROUGH : NONE;
  }

  public boolean isReplacement() {
    return replacement != null;
  }

  public boolean isThrough() {
    return through;
  }

  /** The operations that replace the pair; only for {@link #isReplacement()}. */
  public List<Operation> replacement() {
    requireNonNull(replacement, "not a replacement: " + this);
    return replacement;
  }

  @Override public String toString() {
    if (replacement != null) return "Reduction.replaceWith(" + replacement + ")";
    return through ? "Reduction.through()" : "Reduction.none()";
  }
}
