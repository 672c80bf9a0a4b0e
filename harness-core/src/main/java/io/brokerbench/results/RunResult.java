package io.brokerbench.results;

import java.util.List;
import java.util.Map;

/**
 * One target × workload × repetition.
 *
 * @param target the target's label in the scenario
 * @param targetInfo what the target reported once opened; {@code null} if it never opened
 * @param workload workload name
 * @param repetition 1-based
 * @param status how it ended
 * @param error the reason for a status other than ok, else {@code null}
 * @param startedAt ISO-8601 UTC
 * @param endedAt ISO-8601 UTC
 * @param phases seconds from the run's start at which each phase began ({@code warmup},
 *     {@code measure}, {@code drain}, {@code teardown})
 * @param throughput rates over the measured window and the per-second series
 * @param latency publish and end-to-end, service and response time
 * @param ordering per-key ordering among first deliveries
 * @param delivery the delivery ledger
 * @param resources CPU, memory and disk
 * @param histogramLog path of the HdrHistogram interval log, relative to the results folder
 * @param warnings why some figures of this run mean little (too short a window, too few latency
 *     values); empty when none; empty in schema version 1
 * @param timeline the run's phases (and, later, load changes and faults) as spans with start and
 *     end; empty in schema version 1 and for a run that never started
 * @param consumers what each consumer did, by subscription then consumer index; empty before schema
 *     version 3 and for a run that never started
 * @param partitions messages sent to each destination and partition, in index order; empty before
 *     schema version 3 and for a run that never started
 */
public record RunResult(
    String target,
    TargetInfoRecord targetInfo,
    String workload,
    int repetition,
    RunStatus status,
    String error,
    String startedAt,
    String endedAt,
    Map<String, Double> phases,
    ThroughputRecord throughput,
    LatencyRecord latency,
    OrderingRecord ordering,
    DeliveryRecord delivery,
    ResourcesRecord resources,
    String histogramLog,
    List<String> warnings,
    List<TimelineEntry> timeline,
    List<ConsumerRecord> consumers,
    List<PartitionRecord> partitions) {

  public RunResult {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
    consumers = consumers == null ? List.of() : List.copyOf(consumers);
    partitions = partitions == null ? List.of() : List.copyOf(partitions);
  }

  /** A run without per-consumer records (as schema versions before 3 wrote them). */
  public RunResult(String target, TargetInfoRecord targetInfo, String workload, int repetition, RunStatus status,
      String error, String startedAt, String endedAt, Map<String, Double> phases, ThroughputRecord throughput,
      LatencyRecord latency, OrderingRecord ordering, DeliveryRecord delivery, ResourcesRecord resources,
      String histogramLog, List<String> warnings, List<TimelineEntry> timeline) {
    this(target, targetInfo, workload, repetition, status, error, startedAt, endedAt, phases, throughput, latency,
        ordering, delivery, resources, histogramLog, warnings, timeline, List.of(), List.of());
  }

  /** A run without warnings or timeline (as schema version 1 wrote them). */
  public RunResult(String target, TargetInfoRecord targetInfo, String workload, int repetition, RunStatus status,
      String error, String startedAt, String endedAt, Map<String, Double> phases, ThroughputRecord throughput,
      LatencyRecord latency, OrderingRecord ordering, DeliveryRecord delivery, ResourcesRecord resources,
      String histogramLog) {
    this(target, targetInfo, workload, repetition, status, error, startedAt, endedAt, phases, throughput, latency,
        ordering, delivery, resources, histogramLog, List.of(), List.of());
  }

  /**
   * A run that ended before it measured anything (it failed to start, is unsupported, or was stopped
   * while the target opened): no phases, figures or files.
   *
   * @param targetInfo what the target reported, or {@code null} when it never opened
   */
  public static RunResult withoutFigures(String target, TargetInfoRecord targetInfo, String workload, int repetition,
      RunStatus status, String error, String startedAt, String endedAt) {
    return new RunResult(target, targetInfo, workload, repetition, status, error, startedAt, endedAt, Map.of(), null, null,
        null, null, null, null, List.of(), List.of());
  }

  /**
   * When {@code phase} began, in seconds from the run's start: from the timeline, or from {@code
   * phases} for schema-1 results; {@code null} when the run has no such phase.
   */
  public Double phaseStartSeconds(RunPhase phase) {
    for (TimelineEntry e : timeline) {
      if (TimelineEntry.PHASE.equals(e.kind()) && phase.json().equals(e.name())) return e.startSeconds();
    }
    return phases == null ? null : phases.get(phase.json());
  }
}
