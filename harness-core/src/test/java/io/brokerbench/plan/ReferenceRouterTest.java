package io.brokerbench.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceRouterTest {

  @ParameterizedTest(name = "{0} ~ \"{1}\" = {2}")
  @CsvSource(delimiter = '|', value = {
      "#|orders.eu.new|true",
      "#|''|true",
      "orders.*|orders.eu|true",
      "orders.*|orders.eu.new|false",
      "orders.*|orders|false",
      "orders.#|orders|true",
      "orders.#|orders.eu.new|true",
      "a.#.b|a.b|true",
      "a.#.b|a.x.y.b|true",
      "a.#.b|a.x.y.c|false",
      "*.eu.*|orders.eu.new|true",
      "*|''|true",
      "*|a.b|false",
      "a..b|a..b|true",
      "a.*.b|a..b|true",
      "#.#|a|true",
      "a.b|a.b|true",
      "a.b|a.b.c|false",
      "#.c|a.b.c|true",
      "#.c|a.b.d|false"})
  void topicPatternsMatchAsInRabbitMq(String pattern, String key, boolean expected) {
    assertEquals(expected, ReferenceRouter.topicMatches(pattern, key));
  }

  @Test
  void directMatchesExactKeysOnly() {
    Binding b = Binding.ofKeys(List.of("eu", "us"));
    assertTrue(ReferenceRouter.matches(Routing.DIRECT, b, "eu", Map.of()));
    assertFalse(ReferenceRouter.matches(Routing.DIRECT, b, "eu.x", Map.of()));
    assertFalse(ReferenceRouter.matches(Routing.DIRECT, b, "", Map.of()));
  }

  @Test
  void fanoutMatchesEverything() {
    assertTrue(ReferenceRouter.matches(Routing.FANOUT, Binding.ofKeys(List.of()), "anything", Map.of()));
  }

  @Test
  void headersAllNeedsEveryHeaderWithEqualValue() {
    Binding b = Binding.ofHeaders(Map.of("region", "eu", "kind", "new"), HeaderMatch.ALL);
    assertTrue(ReferenceRouter.matches(Routing.HEADERS, b, "", Map.of("region", "eu", "kind", "new", "x", "y")));
    assertFalse(ReferenceRouter.matches(Routing.HEADERS, b, "", Map.of("region", "eu")));
    assertFalse(ReferenceRouter.matches(Routing.HEADERS, b, "", Map.of("region", "eu", "kind", "old")));
  }

  @Test
  void headersAnyNeedsOneHeaderWithEqualValue() {
    Binding b = Binding.ofHeaders(Map.of("region", "eu", "kind", "new"), HeaderMatch.ANY);
    assertTrue(ReferenceRouter.matches(Routing.HEADERS, b, "", Map.of("region", "eu")));
    assertTrue(ReferenceRouter.matches(Routing.HEADERS, b, "", Map.of("kind", "new", "region", "us")));
    assertFalse(ReferenceRouter.matches(Routing.HEADERS, b, "", Map.of("region", "us")));
  }

  @Test
  void emptyHeadersBindingMatchesAllWithAllAndNothingWithAny() {
    assertTrue(ReferenceRouter.matches(Routing.HEADERS, Binding.ofHeaders(Map.of(), HeaderMatch.ALL), "", Map.of("a", "b")));
    assertFalse(ReferenceRouter.matches(Routing.HEADERS, Binding.ofHeaders(Map.of(), HeaderMatch.ANY), "", Map.of("a", "b")));
  }
}
