package io.brokerbench.run;

import java.util.function.BooleanSupplier;

/**
 * The time source of the runner: every wait of a producer, of the in-flight window and of the
 * phases goes through it, so known-answer tests can run the whole runner on a simulated clock,
 * exactly and without sleeping.
 *
 * <p>Implementations are thread-safe. Times are in nanoseconds on one monotonic scale shared with
 * what the harness writes into envelopes.
 */
public interface RunClock {

  /** The current time in nanoseconds (monotonic; {@link System#nanoTime()} for the real clock). */
  long nanoTime();

  /** Returns once {@link #nanoTime()} ≥ {@code deadlineNanos}. */
  void sleepUntil(long deadlineNanos) throws InterruptedException;

  /**
   * Returns once {@code condition} holds (then {@code true}) or the clock passes {@code deadlineNanos}
   * (then {@code false}). {@code condition} must be cheap and side-effect free; a thread that makes
   * it true should call {@link #signal()} so a waiting thread notices promptly.
   */
  boolean awaitCondition(BooleanSupplier condition, long deadlineNanos) throws InterruptedException;

  /** Wakes threads waiting in {@link #awaitCondition} to re-check their condition. */
  void signal();
}
