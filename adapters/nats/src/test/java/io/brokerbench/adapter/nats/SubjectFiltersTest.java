package io.brokerbench.adapter.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.nats.SubjectFilters.Filter;
import io.brokerbench.adapter.nats.SubjectFilters.Translation;
import io.brokerbench.plan.ReferenceRouter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectFiltersTest {

  /** NATS subject matching: {@code *} one token, {@code >} one or more at the end. */
  static boolean natsMatches(String filter, String subject) {
    String[] f = filter.split("\\.", -1);
    String[] s = subject.split("\\.", -1);
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals(">")) return s.length > i;
      if (i >= s.length) return false;
      if (!f[i].equals("*") && !f[i].equals(s[i])) return false;
    }
    return f.length == s.length;
  }

  /** A routing key as a subject under partition subject {@code P}, matched with a filter suffix the same way. */
  static boolean selects(List<Filter> filters, String key) {
    String subject = key.isEmpty() ? "P" : "P." + key;
    return filters.stream().anyMatch(f -> natsMatches(f.suffix().isEmpty() ? "P" : "P." + f.suffix(), subject));
  }

  private static List<String> words(List<String> alphabet, int maxWords) {
    List<String> out = new ArrayList<>();
    List<String> level = List.of("");
    for (int n = 1; n <= maxWords; n++) {
      List<String> next = new ArrayList<>();
      for (String prefix : level) {
        for (String w : alphabet) next.add(prefix.isEmpty() ? w : prefix + "." + w);
      }
      out.addAll(next);
      level = next;
    }
    return out;
  }

  @Test
  void everyTranslatedPatternSelectsExactlyTheKeysAmqpSelects() {
    List<String> keys = words(List.of("a", "b", "c"), 4);
    List<String> patterns = words(List.of("a", "b", "*", "#"), 4);
    int translated = 0;
    int refused = 0;
    for (String pattern : patterns) {
      Translation t = SubjectFilters.translatePattern(pattern);
      int hash = pattern.indexOf('#');
      boolean hashBeforeLast = hash >= 0 && hash != pattern.length() - 1;
      assertEquals(hashBeforeLast, t.refused(), pattern + ": " + t.refusal());
      if (t.refused()) {
        refused++;
        continue;
      }
      translated++;
      for (String key : keys) {
        assertEquals(ReferenceRouter.topicMatches(pattern, key), selects(t.filters(), key),
            "pattern " + pattern + " -> " + t.filters() + ", key " + key);
      }
    }
    assertTrue(translated > 100 && refused > 50, translated + " translated, " + refused + " refused");
  }

  @Test
  void trailingHashBecomesTheWordsThemselvesPlusOneOrMoreTokens() {
    assertEquals(List.of(new Filter("orders", "orders.#"), new Filter("orders.>", "orders.#")),
        SubjectFilters.translatePattern("orders.#").filters());
    assertEquals(List.of(new Filter(">", "#")), SubjectFilters.translatePattern("#").filters());
    assertEquals(List.of(new Filter("*.eu", "*.eu")), SubjectFilters.translatePattern("*.eu").filters());
  }

  @Test
  void hashBeforeTheLastWordIsRefusedWithTheDifferenceNamed() {
    Translation t = SubjectFilters.translatePattern("orders.#.new");
    assertTrue(t.refused());
    assertEquals("topic pattern 'orders.#.new' has # before its last word: AMQP # matches zero or more words anywhere,"
        + " NATS > only one or more tokens at the end, so no NATS filter selects the same keys", t.refusal());
  }

  @Test
  void keysNatsCannotCarryAreRefusedAndTheEmptyKeyOnlyForTopicRouting() {
    assertTrue(SubjectFilters.keyProblem("", true).isEmpty());
    assertTrue(SubjectFilters.keyProblem("", false).orElseThrow().contains("one empty word"));
    assertTrue(SubjectFilters.keyProblem("a..b", true).orElseThrow().contains("empty word"));
    assertTrue(SubjectFilters.keyProblem("a b", true).orElseThrow().contains("whitespace"));
    assertTrue(SubjectFilters.keyProblem("a.>", true).orElseThrow().contains("wildcard"));
    assertTrue(SubjectFilters.keyProblem("a.x*", true).orElseThrow().contains("wildcard"));
    assertTrue(SubjectFilters.keyProblem("orders.eu.new", false).isEmpty());
    assertTrue(SubjectFilters.translatePattern("a.>").refused(), "a literal > would be a NATS wildcard");
    assertTrue(SubjectFilters.translateKey("*").refused(), "a direct key * would be a NATS wildcard");
  }

  @Test
  void coveredFiltersAreDroppedAndDuplicatesMerged() {
    List<Filter> filters = new ArrayList<>(SubjectFilters.translatePattern("orders.#").filters());
    filters.addAll(SubjectFilters.translatePattern("orders.*.new").filters());
    filters.addAll(SubjectFilters.translatePattern("orders").filters());
    Translation t = SubjectFilters.disjoint(filters);
    assertFalse(t.refused(), t.refusal());
    assertEquals(List.of("orders", "orders.>"), t.filters().stream().map(Filter::suffix).toList());
  }

  @Test
  void overlappingFiltersNeitherCoveringTheOtherAreRefusedWithAKeyBothSelect() {
    List<Filter> filters = new ArrayList<>(SubjectFilters.translatePattern("a.*").filters());
    filters.addAll(SubjectFilters.translatePattern("*.b").filters());
    Translation t = SubjectFilters.disjoint(filters);
    assertTrue(t.refused());
    assertEquals("'a.*' and '*.b' both select some keys (e.g. 'a.b') and neither covers the other: a JetStream"
        + " consumer per filter would deliver those messages twice", t.refusal());
  }

  @Test
  void disjointFiltersAreKeptAsGiven() {
    List<Filter> filters = new ArrayList<>(SubjectFilters.translatePattern("*.eu").filters());
    filters.addAll(SubjectFilters.translatePattern("orders.*.new").filters());
    Translation t = SubjectFilters.disjoint(filters);
    assertEquals(List.of("*.eu", "orders.*.new"), t.filters().stream().map(Filter::suffix).toList());
  }

  @Test
  void overlapAndCoverAgreeWithMatchingOnEverySmallFilterPair() {
    // Filters have up to 4 tokens; subjects of up to 5 tell "one or more" from "exactly one more".
    List<String> subjects = words(List.of("a", "b"), 5);
    List<String> filters = new ArrayList<>(words(List.of("a", "b", "*"), 3));
    for (String f : List.copyOf(filters)) filters.add(f + ".>");
    filters.add(">");
    for (String x : filters) {
      for (String y : filters) {
        boolean some = subjects.stream().anyMatch(s -> natsMatches(x, s) && natsMatches(y, s));
        boolean every = subjects.stream().filter(s -> natsMatches(y, s)).allMatch(s -> natsMatches(x, s));
        List<String> tx = List.of(x.split("\\."));
        List<String> ty = List.of(y.split("\\."));
        assertEquals(some, SubjectFilters.overlap(tx, ty), x + " / " + y);
        assertEquals(every, SubjectFilters.covers(tx, ty), x + " covers " + y);
      }
    }
  }
}
