package io.brokerbench.adapter.builtin.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.plan.ConsumerMode;
import io.brokerbench.results.DeliveryRecord;
import io.brokerbench.results.RunResult;
import io.brokerbench.results.RunStatus;
import io.brokerbench.run.ProgressListener;
import io.brokerbench.run.SystemRunClock;
import io.brokerbench.run.WorkloadRun;
import io.brokerbench.scenario.Rejects;
import io.brokerbench.scenario.Workload;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.testing.TestWorkloads;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What queue-engine's limits remove is counted as removed, not lost, through the run's dead-letter
 * queue ({@code QueueEngineRemovals}), which the target declares whenever a limit is set.
 *
 * <p>Rejects with requeue meet a delivery limit: queue-engine with {@code queue.delivery-limit: 1}
 * removes a message once it would be delivered a second time, and one consumer rejects its every
 * 2nd delivery with requeue. Known answer: of 1,000 messages, deliveries alternate acked, rejected,
 * and each rejected message is removed at its limit instead of coming back, so 500 are delivered,
 * 500 removed as {@code deliveryLimit}, none lost and none flagged redelivered. The ledger counts a
 * message removed after a delivery that was never acknowledged as removed; counting it as delivered
 * (the rule before rejects) would show 1,000 delivered beside 500 removed.
 */
class QueueEngineRemovalsTest {
  @TempDir Path dir;

  @Test
  void aRequeuedMessageAtItsDeliveryLimitCountsAsRemovedNotDeliveredNorLost() {
    Workload keyed = TestWorkloads.keyed(1_000, 1, 1, 1, 1);
    Workload.Consumers c = keyed.consumers();
    Workload w = new Workload("limit", keyed.topology(), keyed.producers(), keyed.messages(),
        new Workload.Consumers(c.subscriptions(), 1, 1, c.ack(), c.processing(), c.sharing(), ConsumerMode.PUSH,
            Rejects.every(2, true)),
        keyed.timing(), "");
    RunResult r = run(w, Map.of("queue.delivery-limit", 1));
    DeliveryRecord d = r.delivery();
    assertEquals(List.of(1000L, 500L, 500L, 0L, 0L),
        List.of(d.expected(), d.delivered(), d.removed().deliveryLimit(), d.lost(), d.redelivered()));
    assertEquals(d.expected(), d.delivered() + d.lost() + d.removed().total());
  }

  @Test
  void messagesExpiredBehindASlowConsumerCountAsRemovedNotLost() {
    Workload keyed = TestWorkloads.keyed(400, 1, 1, 1, 1);
    Workload.Consumers c = keyed.consumers();
    Workload w = new Workload("ttl", keyed.topology(), keyed.producers(), keyed.messages(),
        new Workload.Consumers(c.subscriptions(), 1, 1, c.ack(), java.time.Duration.ofMillis(2), c.sharing()),
        keyed.timing(), "");
    RunResult r = run(w, Map.of("queue.message-ttl", "20ms"));
    DeliveryRecord d = r.delivery();
    // At max rate 400 messages arrive at once; one consumer taking 2 ms each gets through about ten
    // before the rest pass their 20 ms at the head of the queue.
    assertTrue(d.removed().expired() > 300, "expired: " + d.removed().expired());
    assertEquals(0, d.lost());
    assertEquals(d.expected(), d.delivered() + d.removed().expired());
  }

  private RunResult run(Workload w, Map<String, Object> settings) {
    QueueEngineTargetProvider p = new QueueEngineTargetProvider();
    var target = p.create(new TargetContext(w.name(), dir, System::nanoTime, line -> { }), Settings.of(p.settings(), settings));
    RunResult r = new WorkloadRun(SystemRunClock.INSTANCE, ProgressListener.NONE, () -> false)
        .execute(new WorkloadRun.Spec("queue-engine", target, w, 1, w.name(), dir.resolve(w.name()), null));
    assertEquals(RunStatus.OK, r.status(), r.error());
    return r;
  }
}
