package io.brokerbench.engine.queue;

import static io.brokerbench.engine.queue.Collector.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingTest {
  private QueueEngine engine;

  @BeforeEach
  void open() throws Exception {
    engine = QueueEngine.open(EngineConfig.inMemory());
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private void queues(String... names) {
    for (String n : names) engine.declareQueue(n, QueueOptions.transientQueue());
  }

  private long ready(String q) {
    return engine.queueStats(q).ready();
  }

  private void publish(String exchange, String key) {
    engine.publish(exchange, key, MessageProperties.TRANSIENT, bytes("m"), false).join();
  }

  private void publishHeaders(String exchange, Map<String, String> headers) {
    engine.publish(exchange, "", MessageProperties.TRANSIENT.withHeaders(headers), bytes("m"), false).join();
  }

  @Test
  void defaultExchangeRoutesByQueueName() {
    queues("a", "b");
    publish("", "a");
    publish("", "a");
    publish("", "b");
    publish("", "missing");
    assertEquals(2, ready("a"));
    assertEquals(1, ready("b"));
  }

  @Test
  void directExchangeMatchesKeysExactly() {
    queues("a", "b");
    engine.declareExchange("x", ExchangeType.DIRECT, false);
    engine.bindQueue("a", "x", Binding.key("red"));
    engine.bindQueue("b", "x", Binding.key("red"));
    engine.bindQueue("b", "x", Binding.key("blue"));
    publish("x", "red");
    publish("x", "blue");
    publish("x", "Red");
    publish("x", "red.x");
    assertEquals(1, ready("a"));
    assertEquals(2, ready("b"));
  }

  @Test
  void fanoutExchangeIgnoresKeys() {
    queues("a", "b");
    engine.declareExchange("x", ExchangeType.FANOUT, false);
    engine.bindQueue("a", "x", Binding.key("ignored"));
    engine.bindQueue("b", "x", Binding.key(""));
    publish("x", "anything");
    publish("x", "");
    assertEquals(2, ready("a"));
    assertEquals(2, ready("b"));
  }

  @Test
  void aQueueBoundTwiceGetsOneCopy() {
    queues("a");
    engine.declareExchange("x", ExchangeType.TOPIC, false);
    engine.bindQueue("a", "x", Binding.key("a.*"));
    engine.bindQueue("a", "x", Binding.key("#"));
    publish("x", "a.b");
    assertEquals(1, ready("a"));
  }

  @ParameterizedTest(name = "pattern ''{0}'' vs key ''{1}'' -> {2}")
  @CsvSource(delimiter = '|', value = {
      "#|''|true",
      "#|a|true",
      "#|a.b.c|true",
      "*|''|true",
      "*|a|true",
      "*|a.b|false",
      "a.*|a.b|true",
      "a.*|a|false",
      "a.*|a.b.c|false",
      "*.*|a.b|true",
      "*.*|a.b.c|false",
      "a.#|a|true",
      "a.#|a.b.c|true",
      "a.#|b.a|false",
      "#.a|a|true",
      "#.a|x.y.a|true",
      "#.a|a.x|false",
      "a.#.b|a.b|true",
      "a.#.b|a.x.b|true",
      "a.#.b|a.x.y.b|true",
      "a.#.b|a.x.y|false",
      "a.#.b|b.a.b|false",
      "a..b|a..b|true",
      "a.*.b|a..b|true",
      "a.b|a..b|false",
      "''|''|true",
      "''|a|false",
      "*|.|false",
      "*.*|.|true",
      "#.#|a|true",
      "#.*.#|''|true",
      "#.*.#.*|a|false",
      "#.*.#.*|a.b|true",
      "a.b.c|a.b.c|true",
      "a.b.c|a.b.d|false",
  })
  void topicPatternsFollowAmqpRules(String pattern, String key, boolean expected) {
    assertEquals(expected, TopicPattern.matches(pattern, key));
  }

  @Test
  void topicExchangeRoutesThroughPatterns() {
    queues("all", "eu", "star", "none");
    engine.declareExchange("t", ExchangeType.TOPIC, false);
    engine.bindQueue("all", "t", Binding.key("#"));
    engine.bindQueue("eu", "t", Binding.key("eu.#"));
    engine.bindQueue("star", "t", Binding.key("*.orders"));
    engine.bindQueue("none", "t", Binding.key("us.*.orders"));
    publish("t", "eu");
    publish("t", "eu.orders");
    publish("t", "us.orders");
    publish("t", "us.west.east.orders");
    assertEquals(4, ready("all"));
    assertEquals(2, ready("eu"));
    assertEquals(2, ready("star"));
    assertEquals(0, ready("none"));
  }

  @Test
  void topicRoutingSeesBindingChangesMadeAfterCaching() {
    queues("a");
    engine.declareExchange("t", ExchangeType.TOPIC, false);
    publish("t", "k.x");
    engine.bindQueue("a", "t", Binding.key("k.*"));
    publish("t", "k.x");
    engine.unbindQueue("a", "t", Binding.key("k.*"));
    publish("t", "k.x");
    assertEquals(1, ready("a"));
  }

  @Test
  void headersExchangeMatchesAllOrAny() {
    queues("all", "any", "emptyAll", "emptyAny");
    engine.declareExchange("h", ExchangeType.HEADERS, false);
    engine.bindQueue("all", "h", Binding.headers(Map.of("format", "pdf", "type", "report"), HeaderMatch.ALL));
    engine.bindQueue("any", "h", Binding.headers(Map.of("format", "pdf", "type", "report"), HeaderMatch.ANY));
    engine.bindQueue("emptyAll", "h", Binding.headers(Map.of(), HeaderMatch.ALL));
    engine.bindQueue("emptyAny", "h", Binding.headers(Map.of(), HeaderMatch.ANY));
    publishHeaders("h", Map.of("format", "pdf", "type", "report", "extra", "1"));
    publishHeaders("h", Map.of("format", "pdf"));
    publishHeaders("h", Map.of("format", "zip", "type", "log"));
    publishHeaders("h", Map.of());
    assertEquals(1, ready("all"));
    assertEquals(2, ready("any"));
    assertEquals(4, ready("emptyAll"));
    assertEquals(0, ready("emptyAny"));
  }

  @Test
  void exchangeToExchangeBindingsRouteOnwardOncePerQueueEvenInCycles() {
    queues("q1", "q2");
    engine.declareExchange("front", ExchangeType.TOPIC, false);
    engine.declareExchange("back", ExchangeType.DIRECT, false);
    engine.bindExchange("back", "front", Binding.key("a.#"));
    engine.bindExchange("front", "back", Binding.key("a.b"));
    engine.bindQueue("q1", "back", Binding.key("a.b"));
    engine.bindQueue("q2", "front", Binding.key("#"));
    engine.bindQueue("q1", "front", Binding.key("a.b"));
    publish("front", "a.b");
    publish("front", "a.c");
    publish("back", "a.b");
    assertEquals(2, ready("q1"));
    assertEquals(3, ready("q2"));
  }

  @Test
  void mandatoryUnroutableMessageComesBackToThePublisher() {
    engine.declareExchange("x", ExchangeType.DIRECT, false);
    var f = engine.publish("x", "nobody", MessageProperties.TRANSIENT, bytes("m"), true);
    CompletionException e = assertThrows(CompletionException.class, f::join);
    assertTrue(e.getCause() instanceof UnroutableMessageException u && u.routingKey().equals("nobody")
        && new String(u.body(), java.nio.charset.StandardCharsets.UTF_8).equals("m"));
    var g = engine.publish("x", "nobody", MessageProperties.TRANSIENT, bytes("m"), false);
    assertFalse(g.isCompletedExceptionally());
  }

  @Test
  void publishingToAMissingExchangeFails() {
    assertThrows(TopologyException.class, () -> publish("missing", "k"));
  }

  @Test
  void deletingAQueueRemovesItsBindings() {
    queues("a", "b");
    engine.declareExchange("x", ExchangeType.FANOUT, false);
    engine.bindQueue("a", "x", Binding.key(""));
    engine.bindQueue("b", "x", Binding.key(""));
    engine.deleteQueue("a");
    publish("x", "");
    assertEquals(List.of("b"), engine.queueNames());
    assertEquals(1, ready("b"));
  }
}
