package dev.cairn.fuzz;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the outcomes of a fuzz run by kind, and prints them once it ends. */
final class Tally {
  private final String title;
  private final Map<String, AtomicInteger> counts = new TreeMap<>();
  private final Map<String, java.util.Set<String>> samples = new TreeMap<>();
  private final long start = System.nanoTime();

  Tally(String title) {
    this.title = title;
  }

  synchronized void count(String outcome) {
    counts.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
  }

  private final Map<String, Long> nanos = new TreeMap<>();

  /** Adds to the time spent in one phase of the runs. */
  synchronized void time(String phase, long n) {
    nanos.merge(phase, n, Long::sum);
  }

  /** Keeps the first few distinct messages of an outcome, to read after a run. */
  synchronized void sample(String outcome, String message) {
    java.util.Set<String> set = samples.computeIfAbsent(outcome, k -> new java.util.LinkedHashSet<>());
    if (set.size() < 12) set.add(message);
  }

  synchronized int total() {
    return counts.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  synchronized int count(java.util.function.Predicate<String> outcome) {
    return counts.entrySet().stream().filter(e -> outcome.test(e.getKey()))
        .mapToInt(e -> e.getValue().get()).sum();
  }

  synchronized void print() {
    long millis = (System.nanoTime() - start) / 1_000_000;
    StringBuilder sb = new StringBuilder(title + ": " + total() + " files in " + millis + " ms\n");
    counts.forEach((k, v) -> sb.append(String.format("  %6d  %s%n", v.get(), k)));
    nanos.forEach((k, v) -> sb.append(String.format("  %6d ms in %s%n", v / 1_000_000, k)));
    if (Boolean.getBoolean("cairn.fuzz.samples")) {
      samples.forEach((k, v) -> {
        sb.append("  samples of ").append(k).append(":\n");
        v.forEach(m -> sb.append("    ").append(m).append('\n'));
      });
    }
    System.out.print(sb);
  }
}
