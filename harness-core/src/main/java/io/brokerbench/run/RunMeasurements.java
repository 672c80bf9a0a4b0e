package io.brokerbench.run;

import io.brokerbench.measure.DeliveryLedger;
import io.brokerbench.measure.LatencyRecorder;
import io.brokerbench.measure.ThroughputMeter;
import io.brokerbench.plan.TopologyPlan;
import java.util.List;

/**
 * Everything one run records, shared by its producers, confirm callbacks and consumers. All fields
 * are safe for concurrent use from those threads. {@link #meter} and {@link #window} exist from
 * {@link #begin} on, which the runner calls once the consumers are up and before any producer sends.
 */
final class RunMeasurements {
  final LatencyRecorder publishService = new LatencyRecorder("publish.service");
  final LatencyRecorder publishResponse = new LatencyRecorder("publish.response");
  final LatencyRecorder endToEndService = new LatencyRecorder("endToEnd.service");
  final LatencyRecorder endToEndResponse = new LatencyRecorder("endToEnd.response");
  final DeliveryLedger ledger;
  private final int subscriptions;
  volatile ThroughputMeter meter;
  volatile WindowCounts window;

  RunMeasurements(TopologyPlan plan, int producers) {
    this.ledger = new DeliveryLedger(plan, producers);
    this.subscriptions = plan.subscriptionCount();
  }

  /** Starts the clocks of the per-second series and of the measured window. */
  void begin(RunWindow runWindow) {
    meter = new ThroughputMeter(runWindow.startNanos());
    window = new WindowCounts(runWindow.measureStartNanos(), runWindow.measureEndNanos(), subscriptions);
  }

  List<LatencyRecorder> recorders() {
    return List.of(publishService, publishResponse, endToEndService, endToEndResponse);
  }
}
