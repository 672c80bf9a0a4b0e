package io.brokerbench.adapter.rabbitmq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabbitmq.client.BuiltinExchangeType;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.HeaderMatch;
import io.brokerbench.plan.Routing;
import java.util.List;
import java.util.Map;
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
  void queuesCarryTheirType() {
    assertEquals(Map.of("x-queue-type", "quorum"), RabbitMqTopology.queueArguments(QueueType.QUORUM));
    assertEquals(Map.of("x-queue-type", "stream"), RabbitMqTopology.queueArguments(QueueType.STREAM));
    assertEquals(Map.of("x-queue-type", "classic"), RabbitMqTopology.queueArguments(QueueType.CLASSIC));
  }
}
