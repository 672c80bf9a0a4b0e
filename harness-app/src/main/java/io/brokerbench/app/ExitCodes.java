package io.brokerbench.app;

/** Process exit codes of {@code bench}. */
final class ExitCodes {
  /** Every run ended ok. */
  static final int OK = 0;
  /** Some run failed (or a report could not be made). */
  static final int FAILED = 1;
  /** {@code compare --fail-on-worse}: a comparable figure got worse beyond the noise. */
  static final int WORSE = 1;
  /** Invalid input: nothing was started. */
  static final int INVALID_INPUT = 2;
  /** Stopped by Ctrl-C; results so far were written. */
  static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
