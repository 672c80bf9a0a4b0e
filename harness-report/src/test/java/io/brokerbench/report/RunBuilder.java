package io.brokerbench.report;

import io.brokerbench.measure.LatencyRecorder;
import io.brokerbench.results.ConsumerRecord;
import io.brokerbench.results.PartitionRecord;
import io.brokerbench.results.DeliveryRecord;
import io.brokerbench.results.EnvironmentRecord;
import io.brokerbench.results.GuaranteeRecord;
import io.brokerbench.results.LatencyPair;
import io.brokerbench.results.LatencyRecord;
import io.brokerbench.results.LatencySummary;
import io.brokerbench.results.OrderingRecord;
import io.brokerbench.results.ProcessResources;
import io.brokerbench.results.RemovedRecord;
import io.brokerbench.results.ResourcesRecord;
import io.brokerbench.results.ResultsDocument;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.results.SaturationRecord;
import io.brokerbench.results.ScenarioRecord;
import io.brokerbench.results.SecondSample;
import io.brokerbench.results.SubscriptionLedger;
import io.brokerbench.results.TargetInfoRecord;
import io.brokerbench.results.ThroughputRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Builds schema-2 runs for tests, with real latency histograms: a summary is made the way a run makes
 * it ({@link LatencyRecorder#summarize} of an HdrHistogram), so merging and percentiles behave as
 * with real results. Defaults: an ok run of an embedded target at 1,000 msg/s offered and confirmed
 * over a 10 s window, one subscription, nothing lost, every latency 1 ms.
 */
final class RunBuilder {
  static final long MS = 1_000_000L;
  static final GuaranteeRecord IN_MEMORY = new GuaranteeRecord("received", 1, "none", "none", "",
      "confirmed when the broker received it; broker kill: nothing survives; power loss: nothing survives");
  static final GuaranteeRecord FSYNC = new GuaranteeRecord("fsync", 1, "all-confirmed", "all-confirmed",
      "persistent=true, durable=true", "confirmed after fsync; broker kill: every confirmed message survives;"
          + " power loss: every confirmed message survives");
  static final EnvironmentRecord ENVIRONMENT = new EnvironmentRecord("0.1.0-SNAPSHOT", "3050319a", "OpenJDK 17.0.15",
      "Linux 6.1 amd64", 2, 25_000_000_000L, 80_000_000_000L, "2026-11-27T02:05:12Z", "2026-11-27T02:09:12Z");

  private final String target;
  private final String workload;
  private final int repetition;
  private String provider;
  private String mode = "embedded";
  private Map<String, String> settings = new LinkedHashMap<>();
  private GuaranteeRecord guarantee = IN_MEMORY;
  private RunStatus status = RunStatus.OK;
  private String error;
  private double offered = 1_000;
  private double confirmed = 1_000;
  private double consumed = 1_000;
  private double window = 10;
  private List<SaturationRecord> saturation = List.of();
  private List<SecondSample> series = List.of(new SecondSample(0, "measure", 1, 1_000, 1_000, 1_000));
  private LatencySummary publish = summary(Map.of(MS, 10_000L));
  private LatencySummary endToEnd = summary(Map.of(MS, 10_000L));
  private int subscriptions = 1;
  private long lost;
  private RemovedRecord removedPerSubscription = RemovedRecord.NONE;
  private double cpuSeconds = 5;
  private List<ConsumerRecord> consumers = List.of();
  private List<PartitionRecord> partitions = List.of();

  private RunBuilder(String target, String workload, int repetition) {
    this.target = target;
    this.workload = workload;
    this.repetition = repetition;
    this.provider = target;
  }

  static RunBuilder run(String target, String workload, int repetition) {
    return new RunBuilder(target, workload, repetition);
  }

  /**
   * A latency summary, in microseconds, of an HdrHistogram holding {@code countByNanos} (value in
   * nanoseconds → how many times it was recorded).
   */
  static LatencySummary summary(Map<Long, Long> countByNanos) {
    Histogram h = new Histogram(LatencyRecorder.HIGHEST_TRACKABLE_NANOS, 3);
    countByNanos.forEach(h::recordValueWithCount);
    return LatencyRecorder.summarize(h, 0, 0);
  }

  /** A document of schema version 2 with {@code runs}, the standard environment and the given files. */
  static ResultsDocument document(String runId, Map<String, String> files, List<RunResult> runs) {
    return new ResultsDocument(ResultsDocument.SCHEMA_VERSION, runId, new ScenarioRecord("test", "", files), ENVIRONMENT, runs);
  }

  RunBuilder provider(String name) {
    this.provider = name;
    return this;
  }

  RunBuilder mode(String mode) {
    this.mode = mode;
    return this;
  }

  RunBuilder setting(String name, String value) {
    settings.put(name, value);
    return this;
  }

  RunBuilder guarantee(GuaranteeRecord g) {
    this.guarantee = g;
    return this;
  }

  RunBuilder failed(String reason) {
    this.status = RunStatus.FAILED;
    this.error = reason;
    return this;
  }

  /** Confirmed and consumed msg/s (one subscription); offered stays as set. */
  RunBuilder rate(double confirmedPerSec) {
    this.confirmed = confirmedPerSec;
    this.consumed = confirmedPerSec * subscriptions;
    return this;
  }

  RunBuilder offered(double perSec) {
    this.offered = perSec;
    return this;
  }

  RunBuilder saturated(SaturationRecord... records) {
    this.saturation = List.of(records);
    return this;
  }

  RunBuilder series(SecondSample... samples) {
    this.series = List.of(samples);
    return this;
  }

  /** Publish and end-to-end latencies (service and response alike). */
  RunBuilder latency(LatencySummary publish, LatencySummary endToEnd) {
    this.publish = publish;
    this.endToEnd = endToEnd;
    return this;
  }

  RunBuilder endToEnd(LatencySummary endToEnd) {
    this.endToEnd = endToEnd;
    return this;
  }

  RunBuilder subscriptions(int n) {
    this.subscriptions = n;
    this.consumed = confirmed * n;
    return this;
  }

  RunBuilder lost(long perSubscription) {
    this.lost = perSubscription;
    return this;
  }

  RunBuilder removed(RemovedRecord perSubscription) {
    this.removedPerSubscription = perSubscription;
    return this;
  }

  RunBuilder cpuSeconds(double seconds) {
    this.cpuSeconds = seconds;
    return this;
  }

  /** Per-consumer records, as the run recorded them. */
  RunBuilder consumers(List<ConsumerRecord> records) {
    this.consumers = List.copyOf(records);
    return this;
  }

  /** Messages sent per destination and partition, as the run recorded them. */
  RunBuilder partitions(List<PartitionRecord> records) {
    this.partitions = List.copyOf(records);
    return this;
  }

  RunResult build() {
    var info = new TargetInfoRecord(provider, "1.0", mode, settings, guarantee);
    String start = "2026-11-27T02:05:12Z";
    if (status != RunStatus.OK) {
      return new RunResult(target, info, workload, repetition, status, error, start, start, Map.of(), null, null, null,
          null, null, null);
    }
    var phases = new LinkedHashMap<String, Double>();
    phases.put("warmup", 0.2);
    phases.put("measure", 1.2);
    phases.put("drain", 1.2 + window);
    phases.put("teardown", 2.2 + window);
    var throughput = new ThroughputRecord(offered, confirmed, consumed, confirmed * 100, consumed * 100, window,
        !saturation.isEmpty(), saturation, series);
    var latency = new LatencyRecord(new LatencyPair(publish, publish), new LatencyPair(endToEnd, endToEnd));
    long sent = Math.round(confirmed * window);
    List<SubscriptionLedger> subs = new ArrayList<>();
    RemovedRecord removed = RemovedRecord.NONE;
    for (int i = 0; i < subscriptions; i++) {
      long delivered = sent - lost - removedPerSubscription.total();
      subs.add(new SubscriptionLedger(i, sent, delivered, 0, 0, lost, removedPerSubscription, 0, 0));
      removed = removed.plus(removedPerSubscription);
    }
    long expected = sent * subscriptions;
    long delivered = expected - lost * subscriptions - removed.total();
    var delivery = new DeliveryRecord(sent, sent, 0, expected, delivered, 0, 0, lost * subscriptions, removed, 0, 0, subs);
    var resources = new ResourcesRecord(List.of(new ProcessResources("harness", 4242, cpuSeconds, 400L << 20)), -1);
    return new RunResult(target, info, workload, repetition, RunStatus.OK, null, start, start, phases, throughput, latency,
        new OrderingRecord(delivered, 0, 0, 0), delivery, resources, "histograms/" + target + "-" + repetition + ".hlog",
        List.of(), List.of(), consumers, partitions);
  }
}
