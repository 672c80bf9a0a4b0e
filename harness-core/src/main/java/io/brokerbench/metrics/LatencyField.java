package io.brokerbench.metrics;

import io.brokerbench.results.LatencySummary;
import java.util.function.ToDoubleFunction;

/**
 * A figure of a latency summary: a latency in microseconds (min, mean, percentiles, max) or a count
 * of values (count, overflow, negative). Fields that share a definition are explained together in
 * the glossary.
 */
public enum LatencyField {
  COUNT("count", "count", Unit.COUNT, Definitions.BASICS, s -> s.count()),
  MIN("min", "min", Unit.MICROS, Definitions.BASICS, LatencySummary::min),
  MEAN("mean", "mean", Unit.MICROS, Definitions.BASICS, LatencySummary::mean),
  P50("p50", "p50", Unit.MICROS, Definitions.PERCENTILES, LatencySummary::p50),
  P90("p90", "p90", Unit.MICROS, Definitions.PERCENTILES, LatencySummary::p90),
  P95("p95", "p95", Unit.MICROS, Definitions.PERCENTILES, LatencySummary::p95),
  P99("p99", "p99", Unit.MICROS, Definitions.PERCENTILES, LatencySummary::p99),
  P999("p99.9", "p999", Unit.MICROS, Definitions.PERCENTILES, LatencySummary::p999),
  P9999("p99.99", "p9999", Unit.MICROS, Definitions.PERCENTILES, LatencySummary::p9999),
  MAX("max", "max", Unit.MICROS, Definitions.PERCENTILES, LatencySummary::max),
  OVERFLOW("overflow", "overflow", Unit.COUNT, Definitions.OUT_OF_RANGE, s -> s.overflow()),
  NEGATIVE("negative", "negative", Unit.COUNT, Definitions.OUT_OF_RANGE, s -> s.negative());

  private static final class Definitions {
    static final String BASICS = "Latencies recorded in the measured window (over repetitions: summed); the smallest;"
        + " the arithmetic mean (µs).";
    static final String PERCENTILES = "Percentiles of the latency distribution (HdrHistogram, recorded in nanoseconds,"
        + " shown in microseconds) over messages whose intended send time falls in the measured window. Over"
        + " repetitions: of all the ok repetitions' values together (their histograms merged), so a 2 s stall in one of"
        + " three repetitions shows as a 2 s max.";
    static final String OUT_OF_RANGE = "Latencies beyond the histogram's range (1 hour) or below zero: counted apart,"
        + " never clamped or dropped.";
  }

  private final String label;
  private final String field;
  private final Unit unit;
  private final String definition;
  private final ToDoubleFunction<LatencySummary> get;

  LatencyField(String label, String field, Unit unit, String definition, ToDoubleFunction<LatencySummary> get) {
    this.label = label;
    this.field = field;
    this.unit = unit;
    this.definition = definition;
    this.get = get;
  }

  /** The column label, e.g. {@code p99.9}. */
  public String label() {
    return label;
  }

  /** The field's name in results.json, e.g. {@code p999}. */
  public String field() {
    return field;
  }

  public Unit unit() {
    return unit;
  }

  /** What the field means, shared by the fields explained together. */
  public String definition() {
    return definition;
  }

  /** Whether this is a latency (µs) rather than a count of values. */
  public boolean isLatency() {
    return unit == Unit.MICROS;
  }

  /** This figure of {@code summary}. */
  public double of(LatencySummary summary) {
    return get.applyAsDouble(summary);
  }
}
