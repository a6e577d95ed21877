package dev.cairn.execute;

import java.util.List;

/** The scripts a run applies, in plan order, made before it starts or while it runs. */
interface Scripts extends AutoCloseable {
  MigrationScript get(int step);

  /** Called before the run commits: what failed while the scripts were made is thrown. */
  default void awaitEnd() {}

  @Override default void close() {}

  static Scripts of(List<MigrationScript> made) {
    return made::get;
  }

  /** The scripts {@code pipeline} makes on its own thread, taken as they come. */
  static Scripts pipelined(ScriptPipeline pipeline) {
    return new Scripts() {
      @Override public MigrationScript get(int step) {
        return pipeline.next();
      }

      @Override public void awaitEnd() {
        pipeline.awaitEnd();
      }

      @Override public void close() {
        pipeline.close();
      }
    };
  }
}
