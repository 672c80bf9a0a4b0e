package io.brokerbench.report;

import io.brokerbench.results.DeliveryRecord;
import io.brokerbench.results.LatencySummary;
import io.brokerbench.results.ProcessResources;
import io.brokerbench.results.RunResult;
import java.util.function.Function;

/**
 * A figure of a run shown in the report. {@link #path()} names it as in results.json (dots between
 * fields; {@code resources.cpuSeconds} and {@code resources.peakRssBytes} are sums over
 * {@code resources.processes}, {@code delivery.removed} the sum of its reasons); pages carry it in
 * {@code data-metric} so a reader (or a test) can find each figure in results.json.
 */
enum Metric {
  OFFERED("throughput.offeredPerSec", "offered", Unit.PER_SECOND, Better.NEITHER,
      r -> r.throughput() == null ? null : r.throughput().offeredPerSec()),
  CONFIRMED("throughput.confirmedPerSec", "confirmed", Unit.PER_SECOND, Better.HIGHER,
      r -> r.throughput() == null ? null : r.throughput().confirmedPerSec()),
  CONSUMED("throughput.consumedPerSec", "consumed", Unit.PER_SECOND, Better.HIGHER,
      r -> r.throughput() == null ? null : r.throughput().consumedPerSec()),
  PUBLISH_P50(LatencyKind.PUBLISH_RESPONSE, LatencyField.P50),
  PUBLISH_P99(LatencyKind.PUBLISH_RESPONSE, LatencyField.P99),
  PUBLISH_P999(LatencyKind.PUBLISH_RESPONSE, LatencyField.P999),
  E2E_P50(LatencyKind.END_TO_END_RESPONSE, LatencyField.P50),
  E2E_P99(LatencyKind.END_TO_END_RESPONSE, LatencyField.P99),
  E2E_P999(LatencyKind.END_TO_END_RESPONSE, LatencyField.P999),
  E2E_MAX(LatencyKind.END_TO_END_RESPONSE, LatencyField.MAX),
  VIOLATIONS("ordering.violations", "order violations", Unit.COUNT, Better.LOWER,
      r -> r.ordering() == null ? null : (double) r.ordering().violations()),
  LOST("delivery.lost", "lost", Unit.COUNT, Better.LOWER, r -> ledger(r, d -> d.lost())),
  /** Removed by the target's own rules (TTL, max length, delivery limit, rejected): not lost, no better direction. */
  REMOVED("delivery.removed", "removed", Unit.COUNT, Better.NEITHER,
      r -> r.delivery() == null || r.delivery().removed() == null ? null : (double) r.delivery().removed().total()),
  DUPLICATES("delivery.duplicates", "duplicates", Unit.COUNT, Better.LOWER, r -> ledger(r, d -> d.duplicates())),
  REDELIVERED("delivery.redelivered", "redelivered", Unit.COUNT, Better.LOWER, r -> ledger(r, d -> d.redelivered())),
  CPU("resources.cpuSeconds", "CPU", Unit.SECONDS, Better.LOWER, Metric::cpuSeconds),
  RSS("resources.peakRssBytes", "peak RSS", Unit.BYTES, Better.LOWER, Metric::peakRss),

  SENT("delivery.sent", "sent", Unit.COUNT, Better.NEITHER, r -> ledger(r, d -> d.sent())),
  LEDGER_CONFIRMED("delivery.confirmed", "confirmed", Unit.COUNT, Better.NEITHER, r -> ledger(r, d -> d.confirmed())),
  FAILED("delivery.failed", "failed", Unit.COUNT, Better.LOWER, r -> ledger(r, d -> d.failed())),
  EXPECTED("delivery.expected", "expected", Unit.COUNT, Better.NEITHER, r -> ledger(r, d -> d.expected())),
  DELIVERED("delivery.delivered", "delivered", Unit.COUNT, Better.NEITHER, r -> ledger(r, d -> d.delivered())),
  UNEXPECTED("delivery.unexpected", "unexpected", Unit.COUNT, Better.LOWER, r -> ledger(r, d -> d.unexpected())),
  RECOVERED("delivery.recovered", "recovered", Unit.COUNT, Better.NEITHER, r -> ledger(r, d -> d.recovered())),
  CHECKED("ordering.checked", "checked", Unit.COUNT, Better.NEITHER,
      r -> r.ordering() == null ? null : (double) r.ordering().checked()),
  MAX_DISTANCE("ordering.maxDistance", "max distance", Unit.COUNT, Better.LOWER,
      r -> r.ordering() == null ? null : (double) r.ordering().maxDistance()),
  REDELIVERY_REORDERS("ordering.redeliveryReorders", "redelivery reorders", Unit.COUNT, Better.LOWER,
      r -> r.ordering() == null ? null : (double) r.ordering().redeliveryReorders()),
  BYTES_WRITTEN("resources.bytesWritten", "written", Unit.BYTES, Better.LOWER,
      r -> r.resources() == null || r.resources().bytesWritten() < 0 ? null : (double) r.resources().bytesWritten());

  private final String path;
  private final String label;
  private final Unit unit;
  private final Better better;
  private final Function<RunResult, Double> extractor;
  private final LatencyKind latencyKind;
  private final LatencyField latencyField;

  Metric(String path, String label, Unit unit, Better better, Function<RunResult, Double> extractor) {
    this.path = path;
    this.label = label;
    this.unit = unit;
    this.better = better;
    this.extractor = extractor;
    this.latencyKind = null;
    this.latencyField = null;
  }

  /** A figure of one latency distribution; lower is better. */
  Metric(LatencyKind kind, LatencyField field) {
    this.path = kind.path() + "." + field.field();
    this.label = field.label();
    this.unit = field.unit();
    this.better = Better.LOWER;
    this.extractor = run -> {
      LatencySummary summary = kind.of(run);
      return summary == null ? null : field.of(summary);
    };
    this.latencyKind = kind;
    this.latencyField = field;
  }

  String path() {
    return path;
  }

  String label() {
    return label;
  }

  Unit unit() {
    return unit;
  }

  Better better() {
    return better;
  }

  /** The figure of {@code run}, or {@code null} when the run has none (failed, or not measured). */
  Double of(RunResult run) {
    return extractor.apply(run);
  }

  /** Whether this is a figure of a latency distribution ({@link #latencyKind()} and {@link #latencyField()} are set). */
  boolean isLatency() {
    return latencyKind != null;
  }

  /** The distribution of a latency figure, else {@code null}. */
  LatencyKind latencyKind() {
    return latencyKind;
  }

  /** The field of a latency figure, else {@code null}. */
  LatencyField latencyField() {
    return latencyField;
  }

  private static Double ledger(RunResult r, Function<DeliveryRecord, Long> f) {
    return r.delivery() == null ? null : (double) f.apply(r.delivery());
  }

  private static Double cpuSeconds(RunResult r) {
    if (r.resources() == null || r.resources().processes() == null || r.resources().processes().isEmpty()) return null;
    double sum = 0;
    for (ProcessResources p : r.resources().processes()) sum += p.cpuSeconds();
    return sum;
  }

  private static Double peakRss(RunResult r) {
    if (r.resources() == null || r.resources().processes() == null || r.resources().processes().isEmpty()) return null;
    double sum = 0;
    for (ProcessResources p : r.resources().processes()) sum += p.peakRssBytes();
    return sum;
  }
}
