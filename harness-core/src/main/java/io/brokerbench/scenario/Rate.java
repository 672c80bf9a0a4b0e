package io.brokerbench.scenario;

/**
 * A total publish rate: a fixed number of messages per second across all producers, or as fast as
 * the target confirms ({@code max}).
 *
 * @param perSecond messages per second, &gt; 0; {@link Double#POSITIVE_INFINITY} for {@code max}
 */
public record Rate(double perSecond) {
  public Rate {
    if (!(perSecond > 0)) throw new IllegalArgumentException("rate must be > 0 messages/s, was " + perSecond);
  }

  public static Rate max() {
    return new Rate(Double.POSITIVE_INFINITY);
  }

  public boolean isMax() {
    return Double.isInfinite(perSecond);
  }

  @Override
  public String toString() {
    return isMax() ? "max" : (perSecond == Math.rint(perSecond) ? (long) perSecond + "/s" : perSecond + "/s");
  }
}
