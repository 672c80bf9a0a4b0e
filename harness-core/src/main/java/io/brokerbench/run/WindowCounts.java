package io.brokerbench.run;

import java.util.concurrent.atomic.LongAdder;

/**
 * Events that fall inside a run's measured window, whatever message they concern (warm-up messages
 * confirmed or delivered in the window count; what arrives in the drain does not): confirms, and
 * per subscription the confirms of messages routed to it ("expected") and first deliveries.
 *
 * <p>A duration window is {@code [start, end)} and counted as events happen. A counted or
 * interrupted window ends when sending ends, which is known only then: {@link #snapshot} at that
 * moment gives its counts.
 *
 * <p>Thread-safety: the {@code on*} methods may be called from any thread, concurrently.
 */
final class WindowCounts {
  /** The counts at one moment. */
  record Snapshot(long confirmed, long[] expected, long[] delivered) {
    long deliveredTotal() {
      long sum = 0;
      for (long d : delivered) sum += d;
      return sum;
    }
  }

  private final long startNanos;
  private final long endNanos;
  private final LongAdder confirmed = new LongAdder();
  private final LongAdder[] expected;
  private final LongAdder[] delivered;

  /**
   * @param startNanos the window's start on the run clock
   * @param endNanos its end (exclusive); {@link Long#MAX_VALUE} when it ends with the sending
   */
  WindowCounts(long startNanos, long endNanos, int subscriptions) {
    this.startNanos = startNanos;
    this.endNanos = endNanos;
    expected = new LongAdder[subscriptions];
    delivered = new LongAdder[subscriptions];
    for (int s = 0; s < subscriptions; s++) {
      expected[s] = new LongAdder();
      delivered[s] = new LongAdder();
    }
  }

  boolean contains(long nowNanos) {
    return nowNanos >= startNanos && nowNanos < endNanos;
  }

  /** A confirm arrived at {@code nowNanos}. */
  void onConfirmed(long nowNanos) {
    if (contains(nowNanos)) confirmed.increment();
  }

  /** A confirmed message became expected by subscription {@code s} at {@code nowNanos}. */
  void onExpected(int s, long nowNanos) {
    if (contains(nowNanos)) expected[s].increment();
  }

  /** Subscription {@code s} received its first delivery of a message at {@code nowNanos}. */
  void onFirstDelivery(int s, long nowNanos) {
    if (contains(nowNanos)) delivered[s].increment();
  }

  Snapshot snapshot() {
    long[] e = new long[expected.length];
    long[] d = new long[delivered.length];
    for (int s = 0; s < e.length; s++) {
      e[s] = expected[s].sum();
      d[s] = delivered[s].sum();
    }
    return new Snapshot(confirmed.sum(), e, d);
  }
}
