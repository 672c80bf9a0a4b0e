package io.brokerbench.run;

/**
 * When each message of a producer is meant to be sent.
 *
 * <p>At a fixed total rate {@code R} over {@code P} producers, producer {@code p}'s {@code i}-th
 * slot is intended at {@code start + (i × P + p) × 10⁹ / R} ns: producers interleave evenly, each at
 * {@code R / P}. Every slot whose intended time falls in the measured window is sent, however late;
 * lateness then shows in the response time. At max rate there is no schedule: the intended time
 * is the actual send time.
 *
 * <p>Immutable and thread-safe.
 */
public final class RateSchedule {
  private final long startNanos;
  private final double intervalNanos;
  private final int producers;
  private final int producer;

  private RateSchedule(long startNanos, double intervalNanos, int producers, int producer) {
    this.startNanos = startNanos;
    this.intervalNanos = intervalNanos;
    this.producers = producers;
    this.producer = producer;
  }

  /**
   * @param startNanos the run's start on the run clock
   * @param totalPerSecond total rate across producers, &gt; 0; infinite for max rate
   * @param producers producer count, ≥ 1
   * @param producer this producer's index, 0 ≤ producer &lt; producers
   */
  public static RateSchedule of(long startNanos, double totalPerSecond, int producers, int producer) {
    if (!(totalPerSecond > 0)) throw new IllegalArgumentException("rate must be > 0, was " + totalPerSecond);
    if (producer < 0 || producer >= producers) throw new IllegalArgumentException("producer " + producer + " not in [0," + producers + ")");
    double interval = Double.isInfinite(totalPerSecond) ? 0 : 1e9 / totalPerSecond;
    return new RateSchedule(startNanos, interval, producers, producer);
  }

  /** Whether this is max rate (no schedule). */
  public boolean isMaxRate() {
    return intervalNanos == 0;
  }

  /** Intended send time of slot {@code i} (0-based); meaningless at max rate. */
  public long intendedNanos(long i) {
    return startNanos + Math.round((i * (double) producers + producer) * intervalNanos);
  }

  /** Number of this producer's slots intended before {@code endNanos} (the first slot index at or after it). */
  public long slotsBefore(long endNanos) {
    if (isMaxRate()) throw new IllegalStateException("max rate has no slots");
    // Smallest i with intendedNanos(i) >= endNanos; solve then correct for rounding.
    long i = Math.max(0, (long) Math.ceil(((endNanos - startNanos) / intervalNanos - producer) / producers));
    while (i > 0 && intendedNanos(i - 1) >= endNanos) i--;
    while (intendedNanos(i) < endNanos) i++;
    return i;
  }
}
