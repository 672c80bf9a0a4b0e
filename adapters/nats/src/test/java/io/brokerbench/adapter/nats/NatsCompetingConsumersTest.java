package io.brokerbench.adapter.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.ConsumerSharing;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.Feature;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.TargetContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Competing consumers share the durable consumers of their subscription, sized for all of them, and
 * are offered only with JetStream pull consumers.
 */
class NatsCompetingConsumersTest {
  @TempDir Path dir;

  private NatsTarget target(String consumerMode) {
    NatsTargetProvider p = new NatsTargetProvider();
    return new NatsTarget(new TargetContext("t1", dir, System::nanoTime, line -> { }),
        Settings.of(p.name(), p.settings(), Map.of("consumer.mode", consumerMode)), Map.of());
  }

  /** 2 destinations of 3 partitions, {@code consumers} competing consumers with prefetch 60. */
  private static TopologyPlan competing(int consumers) {
    return new TopologyPlan("t1", Routing.DIRECT, 2, 3, List.of(Binding.ofKeys(List.of("a"))),
        new ConsumerPlan(consumers, 60, AckMode.MANUAL, ConsumerSharing.COMPETING), 1,
        List.of(new MessageVariant("a", Map.of())));
  }

  @Test
  void pullConsumersSettingOffersCompetingConsumers() {
    NatsTarget t = target("pull");
    assertTrue(t.capabilities().has(Feature.COMPETING_CONSUMERS));
    assertEquals(Optional.empty(), t.supports(competing(2)));
  }

  @Test
  void pushConsumersSettingRefusesCompetingConsumersWithTheReason() {
    NatsTarget t = target("push");
    assertFalse(t.capabilities().has(Feature.COMPETING_CONSUMERS));
    assertEquals(Optional.of(NatsTarget.COMPETING_UNDER_PUSH), t.supports(competing(2)));
  }

  @Test
  void everyConsumerReadsEveryDurableConsumerWithMaxAckPendingForAllOfThem() {
    JetStreamTopology t = new JetStreamTopology(competing(4));
    // Each of the 4 reads the 6 durable consumers (2 destinations x 3 partitions, one filter): 60 / 6 each.
    for (int c = 0; c < 4; c++) {
      assertEquals(6, t.consumersOf(0, c).size());
      assertEquals(10, t.prefetchShare(0, c));
    }
    assertEquals(t.consumersOf(0, 0), t.consumersOf(0, 3), "the same durable consumers, shared");
    assertEquals(40, t.maxAckPending(0, 1, 2));
    assertEquals(40, t.consumerConfiguration(0, 1, 2, 0, ConsumerMode.PULL, Duration.ofSeconds(1)).getMaxAckPending());
  }
}
