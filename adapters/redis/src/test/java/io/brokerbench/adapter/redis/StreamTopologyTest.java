package io.brokerbench.adapter.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.redis.StreamTopology.StreamRef;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.HeaderMatch;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamTopologyTest {

  private static TopologyPlan plan(Routing routing, int partitions, int consumers, List<Binding> bindings,
      String... variantKeys) {
    return new TopologyPlan("r1", routing, 1, partitions, bindings,
        ConsumerPlan.partitioned(consumers, 10, AckMode.MANUAL), 4,
        java.util.Arrays.stream(variantKeys).map(k -> new MessageVariant(k, Map.of())).toList());
  }

  @Test
  void fanoutIsAStreamPerPartitionReadByEverySubscriptionsGroup() {
    StreamTopology t = new StreamTopology(plan(Routing.FANOUT, 2, 1,
        List.of(Binding.ofKeys(List.of()), Binding.ofKeys(List.of())), "ignored"));
    assertEquals("bb-r1-d0-p1", t.streamOf(0, 1, "ignored"));
    assertEquals(Map.of("bb-r1-d0-p0", List.of("bb-r1-s0", "bb-r1-s1"), "bb-r1-d0-p1", List.of("bb-r1-s0", "bb-r1-s1")),
        t.groupsByStream());
    assertEquals(List.of(new StreamRef("bb-r1-d0-p0", 0, 0), new StreamRef("bb-r1-d0-p1", 0, 1)), t.streamsReadBy(1, 0));
    assertEquals(1, t.subscriptionOf("bb-r1-s1"));
    assertEquals(-1, t.subscriptionOf("someone-elses-group"));
  }

  @Test
  void directRoutingIsAStreamPerRoutingKeyAndEachGroupReadsThoseOfItsBindingKeys() {
    StreamTopology t = new StreamTopology(plan(Routing.DIRECT, 1, 1,
        List.of(Binding.ofKeys(List.of("eu", "audit", "eu")), Binding.ofKeys(List.of("us"))), "eu", "us", "audit", "other"));
    assertEquals("bb-r1-d0-p0.eu", t.streamOf(0, 0, "eu"));
    assertEquals("bb-r1-d0-p0", t.streamOf(0, 0, ""), "the empty key is the partition's bare stream");
    assertEquals(List.of("bb-r1-d0-p0.eu", "bb-r1-d0-p0.audit"), t.streamsOf(0, 0, 0), "a repeated key is one stream");
    assertEquals(Map.of("bb-r1-d0-p0.eu", List.of("bb-r1-s0"), "bb-r1-d0-p0.audit", List.of("bb-r1-s0"),
        "bb-r1-d0-p0.us", List.of("bb-r1-s1")), t.groupsByStream());
    assertEquals(Set.of("bb-r1-d0-p0.eu", "bb-r1-d0-p0.audit", "bb-r1-d0-p0.us", "bb-r1-d0-p0.other"), t.allStreams(),
        "a key no subscription binds still has a stream, which cleanup deletes");
  }

  @Test
  void eachConsumerReadsThePartitionsThePlanGivesIt() {
    StreamTopology t = new StreamTopology(plan(Routing.DIRECT, 3, 2, List.of(Binding.ofKeys(List.of(""))), ""));
    assertEquals(List.of(new StreamRef("bb-r1-d0-p0", 0, 0), new StreamRef("bb-r1-d0-p2", 0, 2)), t.streamsReadBy(0, 0));
    assertEquals(List.of(new StreamRef("bb-r1-d0-p1", 0, 1)), t.streamsReadBy(0, 1));
    StreamTopology idle = new StreamTopology(plan(Routing.DIRECT, 1, 2, List.of(Binding.ofKeys(List.of(""))), ""));
    assertEquals(List.of(), idle.streamsReadBy(0, 1));
  }

  @Test
  void topicAndHeadersRoutingAreRefusedWithTheReason() {
    TopologyPlan topic = plan(Routing.TOPIC, 1, 1, List.of(Binding.ofKeys(List.of("orders.#"))), "orders.eu");
    String reason = StreamTopology.unsupportedReason(topic).orElseThrow();
    assertTrue(reason.startsWith("topic routing: a Redis stream has no pattern filter"), reason);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StreamTopology(topic));
    assertEquals(reason, e.getMessage());
    TopologyPlan headers = plan(Routing.HEADERS, 1, 1, List.of(Binding.ofHeaders(Map.of("a", "b"), HeaderMatch.ALL)), "");
    assertTrue(StreamTopology.unsupportedReason(headers).orElseThrow().startsWith("headers routing:"));
    assertEquals(Optional.empty(), StreamTopology.unsupportedReason(plan(Routing.FANOUT, 1, 1,
        List.of(Binding.ofKeys(List.of())), "")));
  }
}
