package io.brokerbench.adapter.rabbitmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.rabbitmq.client.BuiltinExchangeType;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.HeaderMatch;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RabbitMqTopologyTest {

  @Test
  void eachRoutingMapsToTheExchangeTypeOfTheSameName() {
    assertEquals(BuiltinExchangeType.DIRECT, RabbitMqTopology.exchangeType(Routing.DIRECT));
    assertEquals(BuiltinExchangeType.FANOUT, RabbitMqTopology.exchangeType(Routing.FANOUT));
    assertEquals(BuiltinExchangeType.TOPIC, RabbitMqTopology.exchangeType(Routing.TOPIC));
    assertEquals(BuiltinExchangeType.HEADERS, RabbitMqTopology.exchangeType(Routing.HEADERS));
  }

  @Test
  void directAndTopicBindOncePerKeyOrPattern() {
    Binding binding = Binding.ofKeys(List.of("eu.*", "us.#"));
    assertEquals(List.of(new RabbitMqTopology.BindSpec("eu.*", Map.of()), new RabbitMqTopology.BindSpec("us.#", Map.of())),
        RabbitMqTopology.bindings(Routing.TOPIC, binding));
    assertEquals(List.of("eu.*", "us.#"),
        RabbitMqTopology.bindings(Routing.DIRECT, binding).stream().map(RabbitMqTopology.BindSpec::routingKey).toList());
  }

  @Test
  void fanoutBindsOnceWithoutKey() {
    assertEquals(List.of(new RabbitMqTopology.BindSpec("", Map.of())),
        RabbitMqTopology.bindings(Routing.FANOUT, Binding.ofKeys(List.of("ignored"))));
  }

  @Test
  void headersBindWithTheHeadersAndXMatch() {
    List<RabbitMqTopology.BindSpec> any = RabbitMqTopology.bindings(Routing.HEADERS,
        Binding.ofHeaders(Map.of("region", "eu", "tier", "gold"), HeaderMatch.ANY));
    assertEquals(List.of(new RabbitMqTopology.BindSpec("", Map.of("region", "eu", "tier", "gold", "x-match", "any"))), any);
    List<RabbitMqTopology.BindSpec> all = RabbitMqTopology.bindings(Routing.HEADERS,
        Binding.ofHeaders(Map.of("region", "eu"), HeaderMatch.ALL));
    assertEquals("all", all.get(0).arguments().get("x-match"));
  }

  @Test
  void queuesCarryTheirTypeAndNothingElseWithoutLimits() {
    assertEquals(Map.of("x-queue-type", "quorum"), RabbitMqTopology.queueArguments(QueueType.QUORUM, QueueLimits.NONE, "dlx"));
    assertEquals(Map.of("x-queue-type", "stream"), RabbitMqTopology.queueArguments(QueueType.STREAM, QueueLimits.NONE, "dlx"));
    assertEquals(Map.of("x-queue-type", "classic"), RabbitMqTopology.queueArguments(QueueType.CLASSIC, QueueLimits.NONE, "dlx"));
  }

  @Test
  void limitsBecomeQueueArgumentsAndDeadLetterIntoTheRunsExchange() {
    QueueLimits limits = new QueueLimits(Optional.of(Duration.ofMillis(250)), OptionalLong.of(100),
        QueueLimits.Overflow.REJECT_PUBLISH, OptionalLong.of(3), false);
    assertEquals(Map.of("x-queue-type", "quorum", "x-message-ttl", 250L, "x-max-length", 100L,
        "x-overflow", "reject-publish", "x-delivery-limit", 3L, "x-dead-letter-exchange", "bb-r1-dead-letters"),
        RabbitMqTopology.queueArguments(QueueType.QUORUM, limits, "bb-r1-dead-letters"));
    QueueLimits onlyDeadLetter = new QueueLimits(Optional.empty(), OptionalLong.empty(), QueueLimits.Overflow.DROP_HEAD,
        OptionalLong.empty(), true);
    assertEquals(Map.of("x-queue-type", "classic", "x-dead-letter-exchange", "dlx"),
        RabbitMqTopology.queueArguments(QueueType.CLASSIC, onlyDeadLetter, "dlx"));
  }

  @Test
  void everyQueueNameMapsBackToItsSubscription() {
    TopologyPlan plan = new TopologyPlan("r1", Routing.DIRECT, 2, 3,
        List.of(Binding.ofKeys(List.of("a")), Binding.ofKeys(List.of("b"))),
        ConsumerPlan.partitioned(1, 10, AckMode.MANUAL), 4,
        List.of(new MessageVariant("a", Map.of())));
    Map<String, Integer> bySubscription = plan.subscriptionsByQueueName();
    assertEquals(2 * 2 * 3, bySubscription.size());
    for (int s = 0; s < 2; s++) {
      for (int d = 0; d < 2; d++) {
        for (int p = 0; p < 3; p++) assertEquals(s, bySubscription.get(plan.queueName(s, d, p)));
      }
    }
    assertEquals("bb-r1-dead-letters", RabbitMqTopology.deadLetterName(plan));
    assertFalse(bySubscription.containsKey(RabbitMqTopology.deadLetterName(plan)));
  }
}
