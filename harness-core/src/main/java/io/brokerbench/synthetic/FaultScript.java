package io.brokerbench.synthetic;

/**
 * What the synthetic target does to each message. Faults are counted per target in arrival order
 * from 1 and apply to every subscription the message is routed to; 0 disables a fault.
 *
 * @param confirmDelay send → confirm
 * @param deliveryDelay send → delivery
 * @param seed seed of the delay samples
 * @param stallEveryNanos stall period; 0 = no stalls. Stall k (k ≥ 1) covers
 *     {@code [t0 + k·every − for, t0 + k·every)}, t0 = when the target opened; nothing is confirmed or
 *     delivered inside a stall, everything due inside happens at its end
 * @param stallForNanos stall length, less than the period
 * @param dropEvery the Nth message is confirmed and never delivered
 * @param duplicateEvery an unflagged copy of the Nth message is delivered after the original is acked
 * @param redeliverEvery a flagged copy of the Nth message is delivered before the original's ack
 *     takes effect; the first ack is ignored
 * @param reorderEvery the Nth message is held back until the next message of the same producer
 *     and key is delivered (one ordering violation, distance 1); a held message whose successor
 *     never comes is never delivered
 * @param expireEvery the Nth message is confirmed, then expires in every queue it reaches instead of
 *     being delivered, and is reported removed as expired
 * @param slowSubscription a subscription whose consumers can take only one delivery per {@code
 *     slowIntervalNanos} each (a consumer of limited capacity); -1 for none
 * @param slowIntervalNanos the least time between two deliveries to one consumer of {@code
 *     slowSubscription}, &gt; 0 when it is set
 */
public record FaultScript(
    DelayDistribution confirmDelay, DelayDistribution deliveryDelay, long seed, long stallEveryNanos, long stallForNanos,
    long dropEvery, long duplicateEvery, long redeliverEvery, long reorderEvery, long expireEvery, int slowSubscription,
    long slowIntervalNanos) {
  public FaultScript {
    if (expireEvery < 0) throw new IllegalArgumentException("expireEvery must be >= 0 (0 = off), was " + expireEvery);
    if (slowSubscription < -1) throw new IllegalArgumentException("slow subscription must be >= 0, or -1 for none, was " + slowSubscription);
    if (slowSubscription >= 0 && slowIntervalNanos <= 0) {
      throw new IllegalArgumentException("a slow subscription needs an interval > 0, was " + slowIntervalNanos + " ns");
    }
    if (stallEveryNanos < 0 || stallForNanos < 0) throw new IllegalArgumentException("stall times must be >= 0");
    if (stallEveryNanos > 0 && stallForNanos >= stallEveryNanos) {
      throw new IllegalArgumentException("stall.for must be shorter than stall.every");
    }
    for (long n : new long[] {dropEvery, duplicateEvery, redeliverEvery, reorderEvery}) {
      if (n < 0) throw new IllegalArgumentException("fault periods must be >= 0 (0 = off), was " + n);
    }
  }

  /** Delays, stalls and the original faults; no expiry, no slow subscription. */
  public FaultScript(DelayDistribution confirmDelay, DelayDistribution deliveryDelay, long seed, long stallEveryNanos,
      long stallForNanos, long dropEvery, long duplicateEvery, long redeliverEvery, long reorderEvery) {
    this(confirmDelay, deliveryDelay, seed, stallEveryNanos, stallForNanos, dropEvery, duplicateEvery, redeliverEvery,
        reorderEvery, 0, -1, 0);
  }

  /** No delays, no stalls, no faults. */
  public static FaultScript none() {
    return new FaultScript(new DelayDistribution.Fixed(0), new DelayDistribution.Fixed(0), 1, 0, 0, 0, 0, 0, 0);
  }

  /** This script with every {@code n}th message expiring instead of being delivered. */
  public FaultScript withExpireEvery(long n) {
    return new FaultScript(confirmDelay, deliveryDelay, seed, stallEveryNanos, stallForNanos, dropEvery, duplicateEvery,
        redeliverEvery, reorderEvery, n, slowSubscription, slowIntervalNanos);
  }

  /** This script with subscription {@code s}'s consumers taking one delivery per {@code intervalNanos} each. */
  public FaultScript withSlowSubscription(int s, long intervalNanos) {
    return new FaultScript(confirmDelay, deliveryDelay, seed, stallEveryNanos, stallForNanos, dropEvery, duplicateEvery,
        redeliverEvery, reorderEvery, expireEvery, s, intervalNanos);
  }

  /** The time an event due at {@code t} happens: the end of the stall containing {@code t}, else {@code t}. */
  long afterStall(long t0, long t) {
    if (stallEveryNanos == 0 || stallForNanos == 0 || t < t0) return t;
    long k = (t - t0) / stallEveryNanos + 1;
    long end = t0 + k * stallEveryNanos;
    return t >= end - stallForNanos ? end : t;
  }

  static boolean hits(long every, long n) {
    return every > 0 && n % every == 0;
  }
}
