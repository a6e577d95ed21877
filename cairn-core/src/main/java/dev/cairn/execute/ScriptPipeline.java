package dev.cairn.execute;

import dev.cairn.migration.Migration;
import dev.cairn.state.ProjectState;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiFunction;

/**
 * Makes a forwards plan's scripts on a thread of its own, in order, while the run sends the ones
 * already made: parsing the operations and making the SQL of a long history then costs no time
 * before the first statement. Only for a run in one transaction, where a script that cannot be
 * made rolls back everything, so that nothing needs to be made before anything runs. When the
 * plan is made, {@code afterwards} runs on the same thread (reading the files the plan leaves
 * out); its failure, too, reaches the run before it commits.
 */
final class ScriptPipeline implements AutoCloseable {
  private static final Object END = new Object();

  private final BlockingQueue<Object> made = new LinkedBlockingQueue<>();
  private volatile boolean closed;

  ScriptPipeline(List<Migration> plan, ProjectState start,
      BiFunction<Migration, ProjectState, MigrationScript> make, Runnable afterwards) {
    Thread thread = new Thread(() -> {
      try {
        ProjectState state = start;
        for (Migration m : plan) {
          if (closed) return;
          MigrationScript script = make.apply(m, state);
          made.add(script);
          state = script.after();
        }
        afterwards.run();
        made.add(END);
      } catch (RuntimeException | Error e) {
        made.add(e);
      }
    }, "cairn-scripts");
    // Java code (RunJava) is loaded while its script is made, from the caller's class path.
    thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    thread.setDaemon(true);
    thread.start();
  }

  /** The next script, once made; what stopped the making is thrown here. */
  MigrationScript next() {
    Object o = take();
    if (o == END) throw new IllegalStateException("no script left in the plan");
    return (MigrationScript) o;
  }

  /** Waits for {@code afterwards}; what it threw is thrown here. */
  void awaitEnd() {
    if (take() != END) throw new IllegalStateException("scripts left in the plan");
  }

  private Object take() {
    Object o;
    try {
      o = made.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a migration's SQL", e);
    }
    if (o instanceof RuntimeException e) throw e;
    if (o instanceof Error e) throw e;
    return o;
  }

  /** Stops making scripts, after a failure of the run. */
  @Override public void close() {
    closed = true;
  }
}
