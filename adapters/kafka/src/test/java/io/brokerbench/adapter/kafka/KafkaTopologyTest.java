package io.brokerbench.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.HeaderMatch;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.OutgoingMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class KafkaTopologyTest {

  static TopologyPlan plan(Routing routing, int destinations, int partitions, List<Binding> subscriptions, int consumers,
      List<String> routingKeys) {
    List<MessageVariant> variants = new ArrayList<>();
    for (String key : routingKeys) variants.add(new MessageVariant(key, Map.of()));
    return new TopologyPlan("r1", routing, destinations, partitions, subscriptions,
        ConsumerPlan.partitioned(consumers, 10, AckMode.AUTO), 16, variants);
  }

  private static OutgoingMessage message(int destination, String routingKey) {
    return new OutgoingMessage(destination, 0, new byte[] {1}, routingKey, Map.of(), new byte[] {2});
  }

  @Test
  void fanoutHasOneTopicPerDestinationReadByEveryGroup() {
    KafkaTopology t = new KafkaTopology(plan(Routing.FANOUT, 2, 3,
        List.of(Binding.ofKeys(List.of()), Binding.ofKeys(List.of())), 1, List.of("")));
    assertEquals(List.of("bb-r1-d0", "bb-r1-d1"), t.topics());
    assertEquals("bb-r1-d1", t.topicOf(message(1, "")));
    assertEquals(List.of("bb-r1-d0", "bb-r1-d1"), t.topicsRead(1));
    assertEquals(1, t.destinationOf("bb-r1-d1"));
  }

  @Test
  void directRoutingHasATopicPerRoutingKeyAndReadsTheBindingKeysTopics() {
    KafkaTopology t = new KafkaTopology(plan(Routing.DIRECT, 1, 2,
        List.of(Binding.ofKeys(List.of("red")), Binding.ofKeys(List.of("red", "blue", "absent"))), 1,
        List.of("red", "blue", "green")));
    assertEquals(3, t.topics().size());
    assertEquals("bb-r1-d0.blue", t.topicOf(message(0, "blue")));
    assertEquals(List.of("bb-r1-d0.red"), t.topicsRead(0));
    assertEquals(List.of("bb-r1-d0.blue", "bb-r1-d0.red"), t.topicsRead(1));
  }

  @Test
  void topicRoutingReadsTheTopicsWhoseRoutingKeyThePatternSelects() {
    KafkaTopology t = new KafkaTopology(plan(Routing.TOPIC, 2, 1,
        List.of(Binding.ofKeys(List.of("eu.*")), Binding.ofKeys(List.of("#.fr")), Binding.ofKeys(List.of("#"))), 1,
        List.of("eu.fr", "eu.de", "us.fr", "")));
    assertEquals(List.of("bb-r1-d0.eu.de", "bb-r1-d0.eu.fr"), t.topicsRead(0, 0));
    assertEquals(List.of("bb-r1-d1.eu.fr", "bb-r1-d1.us.fr"), t.topicsRead(1, 1));
    assertEquals(List.of("bb-r1-d0", "bb-r1-d0.eu.de", "bb-r1-d0.eu.fr", "bb-r1-d0.us.fr"), t.topicsRead(2, 0),
        "'#' selects the empty routing key too, whose topic is the bare destination topic");
    assertTrue(t.subscriptionPattern(0).matcher("bb-r1-d1.eu.it").matches(), "pattern subscription sees later topics");
    assertTrue(!t.subscriptionPattern(0).matcher("bb-r2-d0.eu.it").matches(), "other runs never match");
  }

  @Test
  void partitionIOfEverySubscriptionTopicGoesToConsumerIModM() {
    TopologyPlan p = plan(Routing.DIRECT, 2, 3, List.of(Binding.ofKeys(List.of("a", "b"))), 2, List.of("a", "b"));
    KafkaTopology t = new KafkaTopology(p);
    // Queue index i = d * 3 + p: consumer 0 gets i = 0, 2, 4 → (0,0), (0,2), (1,1).
    assertEquals(List.of(
        new TopicPartition("bb-r1-d0.a", 0), new TopicPartition("bb-r1-d0.b", 0),
        new TopicPartition("bb-r1-d0.a", 2), new TopicPartition("bb-r1-d0.b", 2),
        new TopicPartition("bb-r1-d1.a", 1), new TopicPartition("bb-r1-d1.b", 1)), t.partitionsOf(0, 0));
    for (TopicPartition tp : t.partitionsOf(0, 1)) {
      assertEquals(1, p.consumerOf(t.destinationOf(tp.topic()), tp.partition()));
    }
  }

  @Test
  void consumersBeyondThePartitionCountGetNothing() {
    KafkaTopology t = new KafkaTopology(plan(Routing.FANOUT, 1, 2, List.of(Binding.ofKeys(List.of())), 3, List.of("")));
    assertTrue(t.partitionsOf(0, 2).isEmpty());
  }

  @Test
  void headersRoutingAndIllegalTopicNamesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new KafkaTopology(plan(Routing.HEADERS, 1, 1,
        List.of(Binding.ofHeaders(Map.of("h", "v"), HeaderMatch.ALL)), 1, List.of(""))));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KafkaTopology(plan(Routing.DIRECT, 1, 1,
        List.of(Binding.ofKeys(List.of("a b"))), 1, List.of("a b"))));
    assertTrue(e.getMessage().contains("'a b'"), e.getMessage());
  }

  @Test
  void aRoutingKeyNoVariantCarriesIsAnError() {
    KafkaTopology t = new KafkaTopology(plan(Routing.DIRECT, 1, 1, List.of(Binding.ofKeys(List.of("a"))), 1, List.of("a")));
    assertThrows(IllegalArgumentException.class, () -> t.topicOf(message(0, "z")));
  }
}
