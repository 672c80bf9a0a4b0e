package io.brokerbench.synthetic;

import io.brokerbench.distribution.Distribution;

/**
 * What the synthetic target does to each message: its delays, its stalls, the faults it injects
 * into chosen messages, and a subscription whose consumers are slow.
 *
 * @param delays send → confirm and send → delivery, and their seed
 * @param stalls periods in which nothing is confirmed or delivered
 * @param faults messages dropped, duplicated, redelivered, reordered or expired
 * @param slow a subscription of limited capacity, or {@link SlowSubscription#NONE}
 */
public record FaultScript(Delays delays, Stalls stalls, MessageFaults faults, SlowSubscription slow) {
  /** No delays, no stalls, no faults. */
  public static FaultScript none() {
    return new FaultScript(Delays.NONE, Stalls.NONE, MessageFaults.NONE, SlowSubscription.NONE);
  }

  /** Delays only: no stalls, no faults, no slow subscription. */
  public static FaultScript delays(Distribution confirm, Distribution delivery, long seed) {
    return new FaultScript(new Delays(confirm, delivery, seed), Stalls.NONE, MessageFaults.NONE, SlowSubscription.NONE);
  }

  /** This script with {@code stalls} instead of its own. */
  public FaultScript withStalls(Stalls stalls) {
    return new FaultScript(delays, stalls, faults, slow);
  }

  /** This script with {@code faults} instead of its own. */
  public FaultScript withFaults(MessageFaults faults) {
    return new FaultScript(delays, stalls, faults, slow);
  }

  /** This script with every {@code n}th message expiring instead of being delivered. */
  public FaultScript withExpireEvery(long n) {
    return withFaults(new MessageFaults(faults.dropEvery(), faults.duplicateEvery(), faults.redeliverEvery(),
        faults.reorderEvery(), n));
  }

  /** This script with subscription {@code s}'s consumers taking one delivery per {@code intervalNanos} each. */
  public FaultScript withSlowSubscription(int s, long intervalNanos) {
    return new FaultScript(delays, stalls, faults, new SlowSubscription(s, intervalNanos));
  }

  /** The time an event due at {@code t} happens: the end of the stall containing {@code t}, else {@code t}. */
  long afterStall(long t0, long t) {
    return stalls.after(t0, t);
  }

  static boolean hits(long every, long n) {
    return every > 0 && n % every == 0;
  }

  /**
   * @param confirm send → confirm
   * @param delivery send → delivery
   * @param seed seed of the delay samples
   */
  public record Delays(Distribution confirm, Distribution delivery, long seed) {
    public static final Delays NONE = new Delays(new Distribution.Fixed(0), new Distribution.Fixed(0), 1);
  }

  /**
   * Stall k (k ≥ 1) covers {@code [t0 + k·every − for, t0 + k·every)}, t0 = when the target opened;
   * nothing is confirmed or delivered inside a stall, everything due inside happens at its end.
   *
   * @param everyNanos stall period, at least 0; 0 = no stalls
   * @param forNanos stall length, at least 0 and less than the period
   */
  public record Stalls(long everyNanos, long forNanos) {
    public static final Stalls NONE = new Stalls(0, 0);

    public Stalls {
      if (everyNanos < 0 || forNanos < 0) throw new IllegalArgumentException("stall times must be >= 0");
      if (everyNanos > 0 && forNanos >= everyNanos) {
        throw new IllegalArgumentException("stall.for must be shorter than stall.every");
      }
    }

    /** The time an event due at {@code t} happens: the end of the stall containing {@code t}, else {@code t}. */
    long after(long t0, long t) {
      if (everyNanos == 0 || forNanos == 0 || t < t0) return t;
      long k = (t - t0) / everyNanos + 1;
      long end = t0 + k * everyNanos;
      return t >= end - forNanos ? end : t;
    }
  }

  /**
   * Faults counted per target in arrival order from 1; each applies to every subscription the
   * message is routed to; 0 disables it, no period is negative.
   *
   * @param dropEvery the Nth message is confirmed and never delivered
   * @param duplicateEvery an unflagged copy of the Nth message is delivered after the original is acked
   * @param redeliverEvery a flagged copy of the Nth message is delivered before the original's ack
   *     takes effect; the first ack is ignored
   * @param reorderEvery the Nth message is held back until the next message of the same producer
   *     and key is delivered (one ordering violation, distance 1); a held message whose successor
   *     never comes is never delivered
   * @param expireEvery the Nth message is confirmed, then expires in every queue it reaches instead of
   *     being delivered, and is reported removed as expired
   */
  public record MessageFaults(long dropEvery, long duplicateEvery, long redeliverEvery, long reorderEvery,
      long expireEvery) {
    public static final MessageFaults NONE = new MessageFaults(0, 0, 0, 0, 0);

    public MessageFaults {
      for (long n : new long[] {dropEvery, duplicateEvery, redeliverEvery, reorderEvery, expireEvery}) {
        if (n < 0) throw new IllegalArgumentException("fault periods must be >= 0 (0 = off), was " + n);
      }
    }
  }

  /**
   * @param subscription a subscription (from 0) whose consumers can take only one delivery per
   *     {@code intervalNanos} each (a consumer of limited capacity); -1 for none
   * @param intervalNanos the least time between two deliveries to one of its consumers, above 0 when
   *     it is set
   */
  public record SlowSubscription(int subscription, long intervalNanos) {
    public static final SlowSubscription NONE = new SlowSubscription(-1, 0);

    public SlowSubscription {
      if (subscription < -1) {
        throw new IllegalArgumentException("slow subscription must be >= 0, or -1 for none, was " + subscription);
      }
      if (subscription >= 0 && intervalNanos <= 0) {
        throw new IllegalArgumentException("a slow subscription needs an interval > 0, was " + intervalNanos + " ns");
      }
    }

    /** The least time between two deliveries to a consumer of subscription {@code s}, 0 when it is not slow. */
    long intervalOf(int s) {
      return s == subscription ? intervalNanos : 0;
    }
  }
}
