package io.brokerbench.engine.log;

/** Told when appended records are durable, or that they never will be. */
@FunctionalInterface
public interface FlushCallback {
  /**
   * Called once, on the flushing thread (or the caller's when already durable).
   *
   * @param error null when durable; otherwise why not (the force failed, or the log was closed or
   *     crashed first)
   */
  void onFlushed(Throwable error);
}
