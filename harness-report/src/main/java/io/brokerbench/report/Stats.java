package io.brokerbench.report;

import java.util.List;

/**
 * Mean and 95% confidence interval (Student t) of one figure over the repetitions of a scenario.
 *
 * @param n repetitions that gave a value, at least 1
 * @param mean arithmetic mean
 * @param halfWidth half-width of the 95% interval, {@code NaN} when {@code n == 1} (noise unknown)
 */
record Stats(int n, double mean, double halfWidth) {
  Stats {
    if (n < 1) throw new IllegalArgumentException("n must be >= 1, was " + n);
  }

  /** Summarises {@code values}; {@code null} when there are none. */
  static Stats of(List<Double> values) {
    if (values.isEmpty()) return null;
    int n = values.size();
    double sum = 0;
    for (double v : values) sum += v;
    double mean = sum / n;
    if (n == 1) return new Stats(1, mean, Double.NaN);
    double squares = 0;
    for (double v : values) squares += (v - mean) * (v - mean);
    double sd = Math.sqrt(squares / (n - 1));
    return new Stats(n, mean, StudentT.critical95(n - 1) * sd / Math.sqrt(n));
  }

  /** Whether the noise is known (at least two repetitions). */
  boolean hasInterval() {
    return n > 1;
  }

  double low() {
    return hasInterval() ? mean - halfWidth : mean;
  }

  double high() {
    return hasInterval() ? mean + halfWidth : mean;
  }

  /** Whether both intervals are known and do not overlap: a change larger than the noise. */
  boolean differsBeyondNoise(Stats other) {
    if (!hasInterval() || !other.hasInterval()) return false;
    return high() < other.low() || other.high() < low();
  }
}
