package io.brokerbench.measure;

import io.brokerbench.results.SecondSample;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;

/**
 * Counts sends, confirms and first deliveries per second of run-clock time, for the per-second
 * series of a run.
 *
 * <p>Second {@code i} covers {@code [start + i s, start + (i + 1) s)} on the run clock, so the series
 * is exact on a simulated clock; an event before {@code start} counts in second 0. The last second
 * of a series ends with the run and keeps its real length.
 *
 * <p>Thread-safety: the {@code on*} methods may be called from any thread, concurrently, and do not
 * allocate but once per second of the run; {@link #count} and {@link #series} may be called from
 * any thread and read the counts as they are.
 */
public final class ThroughputMeter {
  private static final long SECOND_NANOS = 1_000_000_000L;

  /** The counts of one second. */
  private static final class Second {
    final LongAdder sent = new LongAdder();
    final LongAdder confirmed = new LongAdder();
    final LongAdder consumed = new LongAdder();
  }

  private final long startNanos;
  private volatile AtomicReferenceArray<Second> seconds = new AtomicReferenceArray<>(64);
  private final Object growLock = new Object();

  /** @param startNanos the run's start on the run clock: second 0 begins here */
  public ThroughputMeter(long startNanos) {
    this.startNanos = startNanos;
  }

  public void onSent(long nowNanos) {
    second(nowNanos).sent.increment();
  }

  public void onConfirmed(long nowNanos) {
    second(nowNanos).confirmed.increment();
  }

  public void onConsumed(long nowNanos) {
    second(nowNanos).consumed.increment();
  }

  /** The counts of second {@code second} so far as {@code [sent, confirmed, consumed]}. */
  public long[] count(int second) {
    AtomicReferenceArray<Second> array = seconds;
    Second s = second < array.length() ? array.get(second) : null;
    return s == null ? new long[3] : new long[] {s.sent.sum(), s.confirmed.sum(), s.consumed.sum()};
  }

  /**
   * The series from the run's start to {@code endNanos}: one sample per second, the last one as
   * long as what remains (its length in {@link SecondSample#seconds()}). Events after {@code
   * endNanos} are not in it.
   *
   * @param phaseAt the phase at a time on the run clock; each interval takes the phase at its
   *     middle, so a sub-second run's only interval is in the phase that holds most of it
   */
  public List<SecondSample> series(long endNanos, LongFunction<String> phaseAt) {
    List<SecondSample> out = new ArrayList<>();
    for (int i = 0; startNanos + (long) i * SECOND_NANOS < endNanos; i++) {
      long from = startNanos + (long) i * SECOND_NANOS;
      double length = Math.min(SECOND_NANOS, endNanos - from) / 1e9;
      long[] c = count(i);
      out.add(new SecondSample(i, phaseAt.apply(from + Math.min(SECOND_NANOS, endNanos - from) / 2), length, c[0], c[1], c[2]));
    }
    return out;
  }

  private Second second(long nowNanos) {
    long index = nowNanos <= startNanos ? 0 : (nowNanos - startNanos) / SECOND_NANOS;
    if (index > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("run longer than the meter can count: " + index + " s");
    int i = (int) index;
    AtomicReferenceArray<Second> array = seconds;
    if (i < array.length()) {
      Second s = array.get(i);
      if (s != null) return s;
    }
    synchronized (growLock) {
      array = seconds;
      if (i >= array.length()) {
        AtomicReferenceArray<Second> bigger = new AtomicReferenceArray<>(Math.max(i + 1, array.length() * 2));
        for (int k = 0; k < array.length(); k++) bigger.set(k, array.get(k));
        seconds = bigger;
        array = bigger;
      }
      Second s = array.get(i);
      if (s == null) {
        s = new Second();
        array.set(i, s);
      }
      return s;
    }
  }
}
