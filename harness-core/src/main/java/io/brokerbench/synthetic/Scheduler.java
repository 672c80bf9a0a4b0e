package io.brokerbench.synthetic;

/**
 * Runs actions at given times of the run clock. The synthetic target does all its work (confirms,
 * deliveries) through it, on the scheduler's thread, in time order; ties in submission order.
 */
public interface Scheduler extends AutoCloseable {
  /** Runs {@code action} at {@code atNanos} (at once when that is past). Any thread. */
  void at(long atNanos, Runnable action);

  /** Stops running actions; pending ones are dropped. */
  @Override
  void close();
}
