package io.brokerbench.measure;

import io.brokerbench.results.SaturationRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Saturation means "could not keep up with the offered rate", judged per producer and per
 * subscription at a fixed rate (never at max rate, which has no schedule to fall behind):
 * <ul>
 *   <li>a producer is saturated when its send lag at the window's end (how far behind its schedule
 *       it was: the window's end minus the intended time of the first slot of the window not yet
 *       sent) is above {@code max(}{@value #MIN_PRODUCER_LAG_SECONDS} s, {@value
 *       #PRODUCER_LAG_FRACTION} × window{@code )};
 *   <li>a subscription is saturated when its backlog (confirmed messages routed to it minus those
 *       delivered) grew over the window by more than {@value #SUBSCRIPTION_BACKLOG_FRACTION} × the
 *       messages the window offered it.
 * </ul>
 * A constant delay is not saturation (the backlog is as large at the window's end as at its start,
 * given a warm-up at least as long as the delay); a consumer that can process half the offered
 * rate is. Pure and thread-safe.
 */
public final class SaturationRule {
  /** The smallest producer lag that counts, in seconds. */
  public static final double MIN_PRODUCER_LAG_SECONDS = 1.0;
  /** The producer lag that counts, as a fraction of the window. */
  public static final double PRODUCER_LAG_FRACTION = 0.05;
  /** The backlog growth that counts, as a fraction of the messages offered to the subscription. */
  public static final double SUBSCRIPTION_BACKLOG_FRACTION = 0.05;

  private SaturationRule() {}

  /** The producer lag limit for a window of {@code windowSeconds}, in seconds. */
  public static double producerLagLimitSeconds(double windowSeconds) {
    return Math.max(MIN_PRODUCER_LAG_SECONDS, PRODUCER_LAG_FRACTION * windowSeconds);
  }

  /**
   * The producers and subscriptions that could not keep up; empty when all did.
   *
   * @param windowSeconds the measured window's length, &gt; 0
   * @param offeredPerSec the offered rate, all producers together
   * @param producerLagSeconds each producer's send lag at the window's end, ≥ 0
   * @param offeredFraction per subscription, the fraction of messages routed to it, in [0, 1]
   * @param backlogGrowth per subscription, how many messages its backlog grew by over the window
   */
  public static List<SaturationRecord> judge(double windowSeconds, double offeredPerSec, double[] producerLagSeconds,
      double[] offeredFraction, long[] backlogGrowth) {
    List<SaturationRecord> out = new ArrayList<>();
    double lagLimit = producerLagLimitSeconds(windowSeconds);
    for (int p = 0; p < producerLagSeconds.length; p++) {
      double lag = producerLagSeconds[p];
      if (lag > lagLimit) {
        out.add(new SaturationRecord("producer", p, lag, lagLimit, String.format(Locale.ROOT,
            "producer %d: %.2f s behind its schedule at the window's end (limit %.2f s)", p, lag, lagLimit)));
      }
    }
    for (int s = 0; s < backlogGrowth.length; s++) {
      double offered = offeredPerSec * windowSeconds * offeredFraction[s];
      double limit = SUBSCRIPTION_BACKLOG_FRACTION * offered;
      if (offered > 0 && backlogGrowth[s] > limit) {
        out.add(new SaturationRecord("subscription", s, backlogGrowth[s], limit, String.format(Locale.ROOT,
            "subscription %d: backlog grew by %,d messages over the window, %.1f%% of the %,.0f offered to it (limit %.0f%%)",
            s, backlogGrowth[s], 100.0 * backlogGrowth[s] / offered, offered, 100 * SUBSCRIPTION_BACKLOG_FRACTION)));
      }
    }
    return out;
  }
}
