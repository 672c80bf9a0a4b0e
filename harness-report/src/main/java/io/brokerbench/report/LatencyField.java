package io.brokerbench.report;

import io.brokerbench.results.LatencySummary;
import java.util.function.ToDoubleFunction;

/**
 * A figure of a latency summary: a latency in microseconds (min, mean, percentiles, max) or a count
 * of values (count, overflow, negative).
 */
enum LatencyField {
  COUNT("count", "count", Unit.COUNT, s -> s.count()),
  MIN("min", "min", Unit.MICROS, LatencySummary::min),
  MEAN("mean", "mean", Unit.MICROS, LatencySummary::mean),
  P50("p50", "p50", Unit.MICROS, LatencySummary::p50),
  P90("p90", "p90", Unit.MICROS, LatencySummary::p90),
  P95("p95", "p95", Unit.MICROS, LatencySummary::p95),
  P99("p99", "p99", Unit.MICROS, LatencySummary::p99),
  P999("p99.9", "p999", Unit.MICROS, LatencySummary::p999),
  P9999("p99.99", "p9999", Unit.MICROS, LatencySummary::p9999),
  MAX("max", "max", Unit.MICROS, LatencySummary::max),
  OVERFLOW("overflow", "overflow", Unit.COUNT, s -> s.overflow()),
  NEGATIVE("negative", "negative", Unit.COUNT, s -> s.negative());

  private final String label;
  private final String field;
  private final Unit unit;
  private final ToDoubleFunction<LatencySummary> get;

  LatencyField(String label, String field, Unit unit, ToDoubleFunction<LatencySummary> get) {
    this.label = label;
    this.field = field;
    this.unit = unit;
    this.get = get;
  }

  /** The column label, e.g. {@code p99.9}. */
  String label() {
    return label;
  }

  /** The field's name in results.json, e.g. {@code p999}. */
  String field() {
    return field;
  }

  Unit unit() {
    return unit;
  }

  /** Whether this is a latency (µs) rather than a count of values. */
  boolean isLatency() {
    return unit == Unit.MICROS;
  }

  /** This figure of {@code summary}. */
  double of(LatencySummary summary) {
    return get.applyAsDouble(summary);
  }
}
