package io.brokerbench.engine.log;

/** Where a consumer starts in a partition without a valid committed offset. */
public enum OffsetReset {
  /** At the log start: nothing still held is skipped. */
  EARLIEST,
  /** At the log end: only records appended from now on. */
  LATEST
}
