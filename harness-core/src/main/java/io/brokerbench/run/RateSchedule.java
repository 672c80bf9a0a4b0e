package io.brokerbench.run;

import io.brokerbench.scenario.Arrivals;
import java.util.SplittableRandom;

/**
 * When each message of a producer is meant to be sent, at a fixed total rate {@code R} over {@code
 * P} producers, each at {@code R / P} on average ({@link Arrivals}):
 *
 * <ul>
 *   <li><b>even</b>: producer {@code p}'s {@code i}-th slot at {@code start + (i × P + p) × 10⁹ / R}
 *       ns, so producers interleave evenly;
 *   <li><b>poisson</b>: gaps between a producer's slots drawn from an exponential distribution of
 *       mean {@code P × 10⁹ / R} ns from the producer's seeded source, the first gap after {@code
 *       start} included; the producers together are a Poisson process of rate {@code R};
 *   <li><b>bursts(N)</b>: burst {@code b} at {@code start + b × N × 10⁹ / R}; producer {@code p}
 *       sends {@code N / P} of each burst (the first {@code N mod P} producers one more), all
 *       intended at the burst's time.
 * </ul>
 *
 * <p>Every slot whose intended time falls in the measured window is sent, however late; lateness
 * then shows in the response time. At max rate there is no schedule: the intended time is the
 * actual send time.
 *
 * <p>Threading: a Poisson schedule draws as it goes, so {@link #intendedNanos} must be called with
 * {@code i = 0, 1, 2, …} in order, from the producer's thread; even and burst schedules are pure.
 */
public final class RateSchedule {
  private final long startNanos;
  private final double intervalNanos;
  private final int producers;
  private final int producer;
  private final Arrivals arrivals;
  /** Poisson only: the draws, and the last slot computed with its time. */
  private final SplittableRandom random;
  private long lastSlot = -1;
  private double lastNanos;
  /** Bursts only: this producer's messages in each burst, ≥ 1. */
  private final int perBurst;

  private RateSchedule(long startNanos, double intervalNanos, int producers, int producer, Arrivals arrivals,
      SplittableRandom random) {
    this.startNanos = startNanos;
    this.intervalNanos = intervalNanos;
    this.producers = producers;
    this.producer = producer;
    this.arrivals = arrivals;
    this.random = random;
    this.lastNanos = startNanos;
    this.perBurst = arrivals.kind() == Arrivals.Kind.BURSTS
        ? arrivals.burst() / producers + (producer < arrivals.burst() % producers ? 1 : 0) : 0;
    if (arrivals.kind() == Arrivals.Kind.BURSTS && perBurst < 1) {
      throw new IllegalArgumentException("a burst of " + arrivals.burst() + " leaves producer " + producer + " of "
          + producers + " nothing to send");
    }
  }

  /**
   * Even arrivals.
   *
   * @param startNanos the run's start on the run clock
   * @param totalPerSecond total rate across producers, &gt; 0; infinite for max rate
   * @param producers producer count, ≥ 1
   * @param producer this producer's index, 0 ≤ producer &lt; producers
   */
  public static RateSchedule of(long startNanos, double totalPerSecond, int producers, int producer) {
    return of(startNanos, totalPerSecond, producers, producer, Arrivals.EVEN, null);
  }

  /**
   * Arrivals of the given shape.
   *
   * @param random the producer's own seeded source; read only by Poisson arrivals
   */
  public static RateSchedule of(long startNanos, double totalPerSecond, int producers, int producer, Arrivals arrivals,
      SplittableRandom random) {
    if (!(totalPerSecond > 0)) throw new IllegalArgumentException("rate must be > 0, was " + totalPerSecond);
    if (producer < 0 || producer >= producers) throw new IllegalArgumentException("producer " + producer + " not in [0," + producers + ")");
    double interval = Double.isInfinite(totalPerSecond) ? 0 : 1e9 / totalPerSecond;
    if (arrivals.kind() == Arrivals.Kind.POISSON && random == null) throw new IllegalArgumentException("poisson needs a random source");
    return new RateSchedule(startNanos, interval, producers, producer, arrivals, random);
  }

  /** Whether this is max rate (no schedule). */
  public boolean isMaxRate() {
    return intervalNanos == 0;
  }

  /** Intended send time of slot {@code i} (0-based); meaningless at max rate. */
  public long intendedNanos(long i) {
    return switch (arrivals.kind()) {
      case EVEN -> startNanos + Math.round((i * (double) producers + producer) * intervalNanos);
      case BURSTS -> startNanos + Math.round((i / perBurst) * (double) arrivals.burst() * intervalNanos);
      case POISSON -> poissonNanos(i);
    };
  }

  private long poissonNanos(long i) {
    if (i < lastSlot) throw new IllegalStateException("poisson slots are drawn in order: asked " + i + " after " + lastSlot);
    double meanGap = producers * intervalNanos;
    while (lastSlot < i) {
      lastNanos += -meanGap * Math.log(1 - random.nextDouble());
      lastSlot++;
    }
    return Math.round(lastNanos);
  }

  /** Number of this producer's slots intended before {@code endNanos} (the first slot index at or after it). */
  public long slotsBefore(long endNanos) {
    if (isMaxRate()) throw new IllegalStateException("max rate has no slots");
    if (arrivals.kind() != Arrivals.Kind.EVEN) throw new IllegalStateException("only even arrivals count slots ahead");
    // Smallest i with intendedNanos(i) >= endNanos; solve then correct for rounding.
    long i = Math.max(0, (long) Math.ceil(((endNanos - startNanos) / intervalNanos - producer) / producers));
    while (i > 0 && intendedNanos(i - 1) >= endNanos) i--;
    while (intendedNanos(i) < endNanos) i++;
    return i;
  }
}
