package io.brokerbench.adapter.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.nats.JetStreamTopology.ConsumerRef;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.HeaderMatch;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JetStreamTopologyTest {

  private static TopologyPlan plan(Routing routing, List<Binding> bindings, List<String> routingKeys, int consumers,
      AckMode ack) {
    return plan(routing, bindings, routingKeys, consumers, ack, 60);
  }

  private static TopologyPlan plan(Routing routing, List<Binding> bindings, List<String> routingKeys, int consumers,
      AckMode ack, int prefetch) {
    List<MessageVariant> variants = routingKeys.stream().map(k -> new MessageVariant(k, Map.of())).toList();
    return new TopologyPlan("r1", routing, 2, 3, bindings,
        ConsumerPlan.partitioned(consumers, prefetch, ack), 16, variants);
  }

  @Test
  void aStreamPerDestinationCapturesItsPartitionsAndKeys() {
    JetStreamTopology t = new JetStreamTopology(plan(Routing.DIRECT, List.of(Binding.ofKeys(List.of("a.b"))),
        List.of("a.b", ""), 1, AckMode.MANUAL));
    StreamConfiguration stream = t.streamConfiguration(1, StreamStorage.MEMORY);
    assertEquals("bb-r1-d1", stream.getName());
    assertEquals(List.of("bb-r1-d1.>"), stream.getSubjects());
    assertEquals(StorageType.Memory, stream.getStorageType());
    assertEquals(1, stream.getReplicas());
    assertEquals("bb-r1-d1.p2.a.b", t.subject(1, 2, "a.b"));
    assertEquals("bb-r1-d1.p2", t.subject(1, 2, ""));
    assertEquals(StorageType.File, t.streamConfiguration(0, StreamStorage.FILE).getStorageType());
  }

  @Test
  void fanoutIgnoresTheRoutingKeyAndReadsThePartitionSubject() {
    JetStreamTopology t = new JetStreamTopology(plan(Routing.FANOUT, List.of(Binding.ofKeys(List.of()),
        Binding.ofKeys(List.of())), List.of("orders.eu.new"), 1, AckMode.MANUAL));
    assertEquals("bb-r1-d0.p1", t.subject(0, 1, "orders.eu.new"));
    assertEquals("bb-r1-d0.p1", t.filterSubject(1, 0, 1, 0));
    assertEquals(1, t.filters(1).size());
  }

  @Test
  void aManualAckConsumerBoundsUnackedDeliveriesByThePrefetchAndReplaysFromTheStart() {
    JetStreamTopology t = new JetStreamTopology(plan(Routing.TOPIC, List.of(Binding.ofKeys(List.of("orders.#"))),
        List.of("orders.eu"), 1, AckMode.MANUAL));
    assertEquals(List.of("bb-r1-d1.p2.orders", "bb-r1-d1.p2.orders.>"),
        List.of(t.filterSubject(0, 1, 2, 0), t.filterSubject(0, 1, 2, 1)));
    ConsumerConfiguration pull = t.consumerConfiguration(0, 1, 2, 1, ConsumerMode.PULL, Duration.ofSeconds(3));
    assertEquals("s0-p2-f1", pull.getDurable());
    assertEquals("bb-r1-d1.p2.orders.>", pull.getFilterSubject());
    assertEquals(AckPolicy.Explicit, pull.getAckPolicy());
    assertEquals(5, pull.getMaxAckPending(), "a 60 prefetch over 6 partitions x 2 filters");
    assertEquals(Duration.ofSeconds(3), pull.getAckWait());
    assertEquals(DeliverPolicy.All, pull.getDeliverPolicy());
    assertNull(pull.getDeliverSubject());
    ConsumerConfiguration push = t.consumerConfiguration(0, 1, 2, 1, ConsumerMode.PUSH, Duration.ofSeconds(3));
    assertEquals("bb-r1-deliver.d1.s0.p2.f1", push.getDeliverSubject());
    assertTrue(push.isFlowControl());
  }

  @Test
  void theDurableConsumersOfOneHarnessConsumerShareItsPrefetch() {
    List<Binding> one = List.of(Binding.ofKeys(List.of("")));
    // 6 partitions; 4 consumers read 2, 2, 1, 1 of them.
    JetStreamTopology t = new JetStreamTopology(plan(Routing.DIRECT, one, List.of(""), 4, AckMode.MANUAL, 9));
    assertEquals(List.of(4, 4, 9, 9), List.of(t.prefetchShare(0, 0), t.prefetchShare(0, 1), t.prefetchShare(0, 2),
        t.prefetchShare(0, 3)));
    // Partition 1 of destination 1 is queue 4, read by consumer 0 of 4.
    assertEquals(4, t.consumerConfiguration(0, 1, 1, 0, ConsumerMode.PUSH, Duration.ofSeconds(1)).getMaxAckPending());
    JetStreamTopology tiny = new JetStreamTopology(plan(Routing.DIRECT, one, List.of(""), 1, AckMode.MANUAL, 2));
    assertEquals(1, tiny.prefetchShare(0, 0), "never below 1, so a prefetch under the durable consumers' count is exceeded");
  }

  @Test
  void anAutoAckConsumerHasNoAcks() {
    JetStreamTopology t = new JetStreamTopology(plan(Routing.DIRECT, List.of(Binding.ofKeys(List.of(""))),
        List.of(""), 1, AckMode.AUTO));
    assertEquals(AckPolicy.None, t.consumerConfiguration(0, 0, 0, 0, ConsumerMode.PULL, Duration.ofSeconds(30)).getAckPolicy());
  }

  @Test
  void consumerIOfASubscriptionReadsEveryFilterOfItsPartitionsOnly() {
    JetStreamTopology t = new JetStreamTopology(plan(Routing.DIRECT, List.of(Binding.ofKeys(List.of("x", "y", "x"))),
        List.of("x", "y"), 4, AckMode.MANUAL));
    // 2 destinations x 3 partitions = queues 0..5; consumer 1 of 4 reads queues 1 and 5: (d0, p1) and (d1, p2).
    assertEquals(List.of(
        new ConsumerRef(0, 1, "bb-r1-d0", "s0-p1-f0"), new ConsumerRef(0, 1, "bb-r1-d0", "s0-p1-f1"),
        new ConsumerRef(1, 2, "bb-r1-d1", "s0-p2-f0"), new ConsumerRef(1, 2, "bb-r1-d1", "s0-p2-f1")),
        t.consumersOf(0, 1));
  }

  @Test
  void headersRoutingIsRefusedWithTheReason() {
    TopologyPlan headers = plan(Routing.HEADERS, List.of(Binding.ofHeaders(Map.of("k", "v"), HeaderMatch.ALL)),
        List.of(""), 1, AckMode.MANUAL);
    assertEquals("headers routing: a JetStream consumer selects messages by subject only, never by header",
        JetStreamTopology.unsupportedReason(headers).orElseThrow());
    assertThrows(IllegalArgumentException.class, () -> new JetStreamTopology(headers));
  }

  @Test
  void patternsAndKeysNatsCannotExpressAreRefusedNamingTheSubscription() {
    TopologyPlan middleHash = plan(Routing.TOPIC, List.of(Binding.ofKeys(List.of("a")), Binding.ofKeys(List.of("a.#.b"))),
        List.of("a.b"), 1, AckMode.MANUAL);
    assertTrue(JetStreamTopology.unsupportedReason(middleHash).orElseThrow().startsWith("subscription 1: topic pattern"),
        JetStreamTopology.unsupportedReason(middleHash).orElseThrow());
    TopologyPlan overlapping = plan(Routing.TOPIC, List.of(Binding.ofKeys(List.of("a.*", "*.b"))), List.of("a.b"), 1,
        AckMode.MANUAL);
    assertTrue(JetStreamTopology.unsupportedReason(overlapping).orElseThrow().contains("deliver those messages twice"));
    TopologyPlan emptyTopicKey = plan(Routing.TOPIC, List.of(Binding.ofKeys(List.of("#"))), List.of(""), 1,
        AckMode.MANUAL);
    assertTrue(JetStreamTopology.unsupportedReason(emptyTopicKey).orElseThrow().contains("empty routing key"));
    TopologyPlan emptyDirectKey = plan(Routing.DIRECT, List.of(Binding.ofKeys(List.of(""))), List.of(""), 1,
        AckMode.MANUAL);
    assertTrue(JetStreamTopology.unsupportedReason(emptyDirectKey).isEmpty());
  }
}
