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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulled consumers ({@code consumers.mode: pull}) are offered only with JetStream pull consumers. */
class NatsPullCapabilityTest {
  @TempDir Path dir;

  private NatsTarget target(String consumerMode) {
    NatsTargetProvider p = new NatsTargetProvider();
    return new NatsTarget(new TargetContext("t1", dir, System::nanoTime, line -> { }),
        Settings.of(p.name(), p.settings(), Map.of("consumer.mode", consumerMode)), Map.of());
  }

  private static TopologyPlan pulled() {
    return new TopologyPlan("t1", Routing.DIRECT, 1, 1, List.of(Binding.ofKeys(List.of("a"))),
        new ConsumerPlan(1, 10, AckMode.MANUAL, ConsumerSharing.PARTITIONED, io.brokerbench.plan.ConsumerMode.PULL), 1,
        List.of(new MessageVariant("a", Map.of())));
  }

  @Test
  void pullConsumersSettingOffersPulledConsumers() {
    NatsTarget t = target("pull");
    assertTrue(t.capabilities().has(Feature.PULL_CONSUMERS));
    assertEquals(Optional.empty(), t.supports(pulled()));
  }

  @Test
  void pushConsumersSettingRefusesPulledConsumersWithTheReason() {
    NatsTarget t = target("push");
    assertFalse(t.capabilities().has(Feature.PULL_CONSUMERS));
    assertEquals(Optional.of("pulled consumers (consumers.mode: pull) need JetStream pull consumers; the setting "
        + "consumer.mode is push"), t.supports(pulled()));
  }
}
