package io.brokerbench.run;

import io.brokerbench.measure.DeliveryLedger;
import io.brokerbench.measure.LatencyRecorder;
import io.brokerbench.measure.ThroughputMeter;
import io.brokerbench.plan.TopologyPlan;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Everything one run records, shared by its producers, confirm callbacks and consumers. All fields
 * are safe for concurrent use from those threads.
 */
final class RunMeasurements {
  final LatencyRecorder publishService = new LatencyRecorder("publish.service");
  final LatencyRecorder publishResponse = new LatencyRecorder("publish.response");
  final LatencyRecorder endToEndService = new LatencyRecorder("endToEnd.service");
  final LatencyRecorder endToEndResponse = new LatencyRecorder("endToEnd.response");
  final ThroughputMeter meter = new ThroughputMeter();
  final DeliveryLedger ledger;

  /** Measured messages sent, confirmed, and first-delivered (all subscriptions). */
  final LongAdder measuredSent = new LongAdder();
  final LongAdder measuredConfirmed = new LongAdder();
  final LongAdder measuredConsumed = new LongAdder();
  /** Latest time (run clock) a measured message was sent / confirmed / first delivered; 0 if none. */
  final AtomicLong lastMeasuredSentAt = new AtomicLong();
  final AtomicLong lastMeasuredConfirmAt = new AtomicLong();
  final AtomicLong lastMeasuredConsumedAt = new AtomicLong();

  RunMeasurements(TopologyPlan plan, int producers) {
    this.ledger = new DeliveryLedger(plan, producers);
  }

  List<LatencyRecorder> recorders() {
    return List.of(publishService, publishResponse, endToEndService, endToEndResponse);
  }

  static void advance(AtomicLong latest, long now) {
    long prev = latest.get();
    while (now > prev && !latest.compareAndSet(prev, now)) prev = latest.get();
  }
}
