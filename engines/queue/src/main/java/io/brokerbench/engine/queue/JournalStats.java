package io.brokerbench.engine.queue;

/**
 * Cumulative journal counters since the engine opened.
 *
 * @param recordsAppended enqueue and remove records appended
 * @param bytesWritten bytes handed to the operating system
 * @param writes write calls (batches) issued
 * @param fsyncs forces issued (group commits, segment rolls)
 * @param recordsForced records covered by a force; {@code recordsForced / fsyncs} is the mean group size
 * @param segmentsDeleted fully acknowledged segment files reclaimed
 * @param forceNanos time spent in forces, nanoseconds; {@code forceNanos / fsyncs} is the mean force time
 */
public record JournalStats(long recordsAppended, long bytesWritten, long writes, long fsyncs, long recordsForced, long segmentsDeleted,
    long forceNanos) {
  /** Mean records per force, or 0 before the first. */
  public double recordsPerFsync() {
    return fsyncs == 0 ? 0 : (double) recordsForced / fsyncs;
  }

  /** Mean force time in microseconds, or 0 before the first. */
  public double meanFsyncMicros() {
    return fsyncs == 0 ? 0 : forceNanos / 1e3 / fsyncs;
  }
}
