package io.brokerbench.report;

import io.brokerbench.measure.LatencyRecorder;
import io.brokerbench.metrics.LatencyField;
import io.brokerbench.metrics.LatencyKind;
import io.brokerbench.results.LatencySummary;
import io.brokerbench.results.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One latency distribution of one target over its ok repetitions, in two readings:
 * <ul>
 *   <li>the <em>pooled</em> figure: of all the repetitions' values together, their histograms
 *       merged ({@link LatencyRecorder#merge}), so a stall in one repetition shows in the max and
 *       the high percentiles as it happened;
 *   <li>the <em>spread</em>: the mean of each repetition's own figure ± its 95% Student-t interval,
 *       which says how much the repetitions differ and is what "beyond the noise" is judged on.
 * </ul>
 * Results of schema version 1 carry no histograms; then the pooled figure falls back to the mean of
 * the repetitions' figures ({@link #merged()} is false) and the page says so. Immutable.
 */
final class PooledLatency {
  private final List<LatencySummary> repetitions;
  /** All repetitions merged; {@code null} when a summary has no histogram (schema 1) or none recorded anything. */
  private final LatencySummary merged;

  private PooledLatency(List<LatencySummary> repetitions, LatencySummary merged) {
    this.repetitions = repetitions;
    this.merged = merged;
  }

  /**
   * The {@code kind} distribution over {@code okRuns}; runs that recorded nothing of it are left
   * out.
   */
  static PooledLatency of(List<RunResult> okRuns, LatencyKind kind) {
    List<LatencySummary> summaries = new ArrayList<>();
    for (RunResult run : okRuns) {
      LatencySummary s = kind.of(run);
      if (s != null) summaries.add(s);
    }
    boolean mergeable = !summaries.isEmpty() && summaries.stream().allMatch(s -> s.histogram() != null);
    return new PooledLatency(List.copyOf(summaries), mergeable ? LatencyRecorder.merge(summaries) : null);
  }

  /** Whether any repetition recorded this distribution. */
  boolean isEmpty() {
    return repetitions.isEmpty();
  }

  /**
   * Whether the pooled figures come from merged histograms: false for schema-1 results, whose pooled
   * figures are means of the repetitions; true when nothing was recorded (nothing falls back).
   */
  boolean merged() {
    return merged != null || repetitions.isEmpty();
  }

  /** Repetitions that recorded this distribution. */
  int repetitions() {
    return repetitions.size();
  }

  /**
   * The pooled figure: of the merged histograms (counts are sums), or for schema-1 results the
   * mean over the repetitions; {@code null} when no repetition recorded anything.
   */
  Double pooled(LatencyField field) {
    if (repetitions.isEmpty()) return null;
    if (merged != null) return field.of(merged);
    return spread(field).mean();
  }

  /** Mean ± 95% interval of each repetition's own figure; {@code null} when none recorded anything. */
  Stats spread(LatencyField field) {
    List<Double> values = new ArrayList<>();
    for (LatencySummary s : repetitions) values.add(field.of(s));
    return Stats.of(values);
  }

  /**
   * Percentile → latency (µs) points for the percentile chart, ascending: the merged curve, or for
   * schema-1 results each percentile's mean over the repetitions that have it.
   */
  List<double[]> curve() {
    if (merged != null) return merged.curve() == null ? List.of() : merged.curve();
    Map<Double, double[]> sums = new TreeMap<>();
    for (LatencySummary s : repetitions) {
      if (s.curve() == null) continue;
      for (double[] point : s.curve()) {
        if (point.length < 2) continue;
        double[] acc = sums.computeIfAbsent(point[0], k -> new double[2]);
        acc[0] += point[1];
        acc[1]++;
      }
    }
    List<double[]> curve = new ArrayList<>();
    sums.forEach((p, acc) -> curve.add(new double[] {p, acc[0] / acc[1]}));
    return curve;
  }
}
