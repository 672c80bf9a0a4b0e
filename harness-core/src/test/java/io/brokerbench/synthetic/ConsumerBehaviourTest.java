package io.brokerbench.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.distribution.Distribution;
import io.brokerbench.distribution.Seeds;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerMode;
import io.brokerbench.plan.ConsumerSharing;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.results.ConsumerRecord;
import io.brokerbench.results.DeliveryRecord;
import io.brokerbench.results.RunPhase;
import io.brokerbench.results.RunResult;
import io.brokerbench.scenario.Processing;
import io.brokerbench.scenario.Rate;
import io.brokerbench.scenario.Rejects;
import io.brokerbench.scenario.Timing;
import io.brokerbench.scenario.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rejects, processing times and per-consumer records, on the simulated clock against the synthetic
 * target: 100 msg/s from one producer for 10 s (1,000 messages), 1 ms to confirm and to deliver.
 *
 * <p>Known answers: rejecting every 10th delivery with requeue takes 1,111 deliveries for 1,000
 * messages (the 1,110th is the last rejected and its copy the last delivered), all 1,000 delivered;
 * without requeue 100 are removed as rejected and 900 delivered. The ledger's rule that makes these
 * add up (delivered + lost + removed = expected) would be broken by counting a rejected message as
 * delivered (the negative control: 1,000 + 100 > 1,000).
 */
class ConsumerBehaviourTest {
  static final long MS = 1_000_000;
  static final int MESSAGES = 1_000;
  @TempDir Path dir;

  static Workload workload(int consumers, ConsumerSharing sharing, Processing processing, Rejects rejects, long seed) {
    return new Workload("behaviours", "", new Workload.Topology(1, 1, Routing.FANOUT, List.of(Binding.ofKeys(List.of()))),
        new Workload.Producers(1, new Rate(100), 100),
        new Workload.Messages(100, 1, List.of(new MessageVariant("", Map.of()))),
        new Workload.Consumers(1, consumers, 100, AckMode.MANUAL, processing, sharing, ConsumerMode.PUSH, rejects),
        Timing.ofDuration(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(60)), "", seed);
  }

  RunResult run(Workload w) {
    return KnownAnswers.runWithMillisecondDelays(w, dir);
  }

  @Test
  void rejectingEveryTenthDeliveryWithRequeueDeliversEverythingAfterAllRetries() {
    RunResult r = run(workload(1, ConsumerSharing.PARTITIONED, Processing.NONE, Rejects.every(10, true), 1));
    DeliveryRecord d = r.delivery();
    assertEquals(List.of(1000L, 1000L, 0L, 0L), List.of(d.expected(), d.delivered(), d.lost(), d.removed().total()));
    assertEquals(111, d.redelivered());
    assertEquals(0, d.duplicates());
    ConsumerRecord c = r.consumers().get(0);
    assertEquals(List.of(1111L, 111L, 111L), List.of(c.deliveries(), c.redelivered(), c.rejected()));
  }

  @Test
  void aRejectWithoutRequeueIsRemovedAsRejectedNotDeliveredNorLost() {
    RunResult r = run(workload(1, ConsumerSharing.PARTITIONED, Processing.NONE, Rejects.every(10, false), 1));
    DeliveryRecord d = r.delivery();
    assertEquals(List.of(1000L, 900L, 0L, 100L), List.of(d.expected(), d.delivered(), d.lost(), d.removed().rejected()));
    assertEquals(d.expected(), d.delivered() + d.lost() + d.removed().total());
    // Negative control: counting the rejected messages as delivered as well would not add up.
    assertNotEquals(d.expected(), d.delivered() + r.consumers().get(0).rejected() + d.lost() + d.removed().total());
    assertEquals(List.of(1000L, 0L, 100L), List.of(r.consumers().get(0).deliveries(), d.redelivered(),
        r.consumers().get(0).rejected()));
  }

  @Test
  void aFractionOfDeliveriesIsRejectedAsTheSeedDraws() {
    RunResult seven = run(workload(1, ConsumerSharing.PARTITIONED, Processing.NONE, Rejects.fraction(0.05, false), 7));
    SplittableRandom draws = Seeds.random(7, "reject", 0, 0);
    long expected = 0;
    for (int i = 0; i < MESSAGES; i++) if (draws.nextDouble() < 0.05) expected++;
    assertEquals(expected, seven.consumers().get(0).rejected());
    assertEquals(expected, seven.delivery().removed().rejected());
    assertTrue(expected > 25 && expected < 75, "about 50 of 1,000: " + expected);
    RunResult eight = run(workload(1, ConsumerSharing.PARTITIONED, Processing.NONE, Rejects.fraction(0.05, false), 8));
    assertNotEquals(expected, eight.consumers().get(0).rejected(), "another seed draws other deliveries");
  }

  @Test
  void aPerConsumerProcessingTimeMakesOneConsumerBusyAndLeavesTheOtherIdle() {
    Processing oneSlow = new Processing(List.of(new Distribution.Fixed(2 * MS), new Distribution.Fixed(0)));
    RunResult r = run(workload(2, ConsumerSharing.COMPETING, oneSlow, Rejects.NONE, 1));
    ConsumerRecord slow = r.consumers().get(0);
    ConsumerRecord fast = r.consumers().get(1);
    // The synthetic target hands message i to consumer i mod 2 under competing sharing.
    assertEquals(List.of(500L, 500L), List.of(slow.deliveries(), fast.deliveries()));
    double consumingSeconds = r.phaseStartSeconds(RunPhase.TEARDOWN);
    assertEquals(500 * 0.002 / consumingSeconds, slow.busyShare(), 1e-9);
    // Negative control: a processing time applied to every consumer would make this one busy too.
    assertEquals(0.0, fast.busyShare());
    assertEquals(1000, r.delivery().delivered());
  }
}
