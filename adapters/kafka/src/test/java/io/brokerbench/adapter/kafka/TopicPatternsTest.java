package io.brokerbench.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.plan.ReferenceRouter;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TopicPatternsTest {

  private static boolean matches(String pattern, String key) {
    return Pattern.matches(TopicPatterns.toRegex(pattern), key);
  }

  @Test
  void starMatchesExactlyOneWordAndHashZeroOrMore() {
    assertTrue(matches("a.*", "a.b"));
    assertFalse(matches("a.*", "a"));
    assertFalse(matches("a.*", "a.b.c"));
    assertTrue(matches("a.#", "a"));
    assertTrue(matches("a.#", "a.b.c"));
    assertTrue(matches("#.c", "c"));
    assertTrue(matches("#.c", "a.b.c"));
    assertTrue(matches("a.#.c", "a.c"));
    assertTrue(matches("a.#.c", "a.b.b.c"));
    assertFalse(matches("a.#.c", "a.b.d"));
    assertTrue(matches("#", ""));
    assertTrue(matches("#", "x.y"));
  }

  @Test
  void regexCharactersInWordsAreLiteral() {
    assertTrue(matches("a-b.c", "a-b.c"));
    assertFalse(matches("a.c", "abc"), "the '.' separator is not a regex wildcard");
    assertFalse(matches("a+", "aa"));
  }

  @Property(tries = 3000)
  void agreesWithTheReferenceRouter(@ForAll("patterns") String pattern, @ForAll("keys") String key) {
    assertEquals(ReferenceRouter.topicMatches(pattern, key), matches(pattern, key),
        "pattern '" + pattern + "' against key '" + key + "' (regex " + TopicPatterns.toRegex(pattern) + ")");
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.of("a", "b", "", "*", "#").list().ofMinSize(1).ofMaxSize(5).map(words -> String.join(".", words));
  }

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.of("a", "b", "").list().ofMinSize(1).ofMaxSize(5).map(words -> String.join(".", words));
  }

  @Test
  void examplesOfTheDocumentedTranslation() {
    for (String key : List.of("a.b", "a.b.c", "a.x.y.z")) assertTrue(matches("a.*.#", key), key);
    assertFalse(matches("a.*.#", "a"));
  }
}
