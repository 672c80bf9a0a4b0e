package io.brokerbench.run;

import io.brokerbench.measure.DeliveryLedger;
import io.brokerbench.measure.LatencyRecorder;
import io.brokerbench.measure.ThroughputMeter;
import io.brokerbench.plan.TopologyPlan;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

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
  /** The first failure of any thread the run owns; null while there is none. */
  private final AtomicReference<String> failure = new AtomicReference<>();
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

  /** Records {@code reason} as the run's failure unless one was recorded before; any thread. */
  void fail(String reason) {
    failure.compareAndSet(null, reason);
  }

  /** The run's first failure, or null. */
  String failure() {
    return failure.get();
  }

  List<LatencyRecorder> recorders() {
    return List.of(publishService, publishResponse, endToEndService, endToEndResponse);
  }
}
