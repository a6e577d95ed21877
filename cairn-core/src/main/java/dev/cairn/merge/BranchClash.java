package dev.cairn.merge;

/** Two branches change the same field, index, constraint or model; merging them is refused. */
public final class BranchClash extends RuntimeException {
  public BranchClash(String message) {
    super(message);
  }
}
