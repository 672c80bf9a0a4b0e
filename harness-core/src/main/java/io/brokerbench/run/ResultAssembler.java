package io.brokerbench.run;

import io.brokerbench.measure.ResourceSampler;
import io.brokerbench.measure.SampleSufficiency;
import io.brokerbench.measure.SaturationRule;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.results.ConsumerRecord;
import io.brokerbench.results.PartitionRecord;
import io.brokerbench.results.GuaranteeRecord;
import io.brokerbench.results.LatencyPair;
import io.brokerbench.results.LatencyRecord;
import io.brokerbench.results.ResourcesRecord;
import io.brokerbench.results.RunPhase;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.results.SaturationRecord;
import io.brokerbench.results.SecondSample;
import io.brokerbench.results.TargetInfoRecord;
import io.brokerbench.results.ThroughputRecord;
import io.brokerbench.scenario.Workload;
import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.TargetInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Turns what one run recorded into its {@link RunResult}: rates over the window, saturation,
 * latency summaries, the ledger, warnings and the timeline. Called once, after the consumers have
 * closed, on the run's thread.
 */
final class ResultAssembler {
  /** How a run ended. */
  record Outcome(RunStatus status, String error) {}

  /**
   * The measured window as it turned out.
   *
   * @param counts the events in it
   * @param seconds its length
   * @param producerLagNanos each producer's send lag at its end
   */
  record MeasuredWindow(WindowCounts.Snapshot counts, double seconds, long[] producerLagNanos) {}

  private ResultAssembler() {}

  static RunResult assemble(WorkloadRun.Spec spec, TargetInfo info, TopologyPlan plan, Outcome outcome, RunMeasurements m,
      MeasuredWindow window, Timeline timeline, ResourceSampler resources, List<ConsumerRecord> consumers,
      List<PartitionRecord> partitions, Instant startedAt) {
    Workload w = spec.workload();
    double windowSeconds = window.seconds();
    double confirmedPerSec = window.counts().confirmed() / windowSeconds;
    double consumedPerSec = window.counts().deliveredTotal() / windowSeconds;
    boolean maxRate = w.producers().rate().isMax();
    double offered = maxRate ? confirmedPerSec : w.producers().rate().perSecond();
    List<SaturationRecord> saturation = maxRate ? List.of() : saturation(plan, m, window, offered);
    List<SecondSample> series = m.meter.series(timeline.beginNanos(RunPhase.TEARDOWN),
        t -> timeline.phaseAt(t).json());
    int size = w.messages().sizeBytes();
    ThroughputRecord throughput = new ThroughputRecord(offered, confirmedPerSec, consumedPerSec,
        confirmedPerSec * size, consumedPerSec * size, windowSeconds, !saturation.isEmpty(), saturation, series);
    LatencyRecord latency = new LatencyRecord(
        new LatencyPair(m.publishService.summary(), m.publishResponse.summary()),
        new LatencyPair(m.endToEndService.summary(), m.endToEndResponse.summary()));
    List<String> warnings = outcome.status() == RunStatus.OK
        ? SampleSufficiency.warnings(windowSeconds, latency.publish().response().count()) : List.of();
    return new RunResult(spec.label(), infoRecord(info), w.name(), spec.repetition(), outcome.status(), outcome.error(),
        startedAt.toString(), Instant.now().toString(), timeline.phaseStarts(), throughput, latency,
        m.ledger.orderingRecord(), m.ledger.deliveryRecord(), new ResourcesRecord(resources.processes(), resources.bytesWritten()),
        relativeHistogramLog(spec.histogramLog()), warnings, timeline.entries(), consumers, partitions);
  }

  private static List<SaturationRecord> saturation(TopologyPlan plan, RunMeasurements m, MeasuredWindow window, double offered) {
    long[] lagNanos = window.producerLagNanos();
    double[] lagSeconds = new double[lagNanos.length];
    for (int p = 0; p < lagNanos.length; p++) lagSeconds[p] = lagNanos[p] / 1e9;
    int subscriptions = plan.subscriptionCount();
    double[] offeredFraction = new double[subscriptions];
    long[] backlogGrowth = new long[subscriptions];
    for (int s = 0; s < subscriptions; s++) {
      offeredFraction[s] = routedFraction(m, plan, s);
      backlogGrowth[s] = window.counts().expected()[s] - window.counts().delivered()[s];
    }
    return SaturationRule.judge(window.seconds(), offered, lagSeconds, offeredFraction, backlogGrowth);
  }

  /** The fraction of messages routed to subscription {@code s} (messages cycle through the plan's variants). */
  private static double routedFraction(RunMeasurements m, TopologyPlan plan, int s) {
    int variants = plan.variants().size();
    int routed = 0;
    for (int v = 0; v < variants; v++) if (m.ledger.routes(s, v)) routed++;
    return (double) routed / variants;
  }

  /** The target's report as results.json records it; {@code null} when it never opened. */
  static TargetInfoRecord infoRecord(TargetInfo info) {
    if (info == null) return null;
    Guarantee g = info.guarantee();
    GuaranteeRecord guarantee = new GuaranteeRecord(g.confirmedWhen().id(), g.replicas(), g.brokerKill().id(),
        g.powerLoss().id(), g.basis(), g.summary());
    return new TargetInfoRecord(info.name(), info.version(), info.mode().name().toLowerCase(Locale.ROOT), info.settings(),
        guarantee);
  }

  /** The log's path relative to the results folder: {@code histograms/<target>/<workload>-r<n>.hlog}. */
  private static String relativeHistogramLog(Path log) {
    if (log == null) return null;
    int n = log.getNameCount();
    return n < 3 ? log.getFileName().toString() : log.subpath(n - 3, n).toString().replace('\\', '/');
  }
}
