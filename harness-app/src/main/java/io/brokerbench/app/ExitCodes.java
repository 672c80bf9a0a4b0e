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
  /** Stopped by Ctrl-C (SIGINT); results so far were written. */
  static final int INTERRUPTED = 130;
  /**
   * Stopped by SIGTERM: the JVM's own exit code for it (128 + 15), after the same shutdown as
   * Ctrl-C wrote the results so far. Named here to document it; the JVM sets it.
   */
  static final int TERMINATED = 143;

  private ExitCodes() {}
}
