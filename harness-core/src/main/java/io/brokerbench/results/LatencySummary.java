package io.brokerbench.results;

import java.util.List;

/**
 * A latency distribution; values in microseconds (recorded in nanoseconds). All figures are 0 when
 * {@code count} is 0.
 *
 * @param count values recorded
 * @param overflow values beyond the histogram's range (counted here, not in {@code count}); never
 *     clamped
 * @param negative values below zero (a clock problem; counted here, not in {@code count})
 * @param curve percentile → value points for the percentile chart: [percentile, micros] pairs at
 *     50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.995, 99.999 and 100
 */
public record LatencySummary(
    long count, long overflow, long negative, double min, double mean, double p50, double p90, double p95, double p99,
    double p999, double p9999, double max, List<double[]> curve, String histogram) {}
