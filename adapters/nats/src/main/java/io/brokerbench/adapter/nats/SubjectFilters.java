package io.brokerbench.adapter.nats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AMQP routing keys and topic binding patterns as NATS subject tokens and subject filters, with
 * exactly the meaning {@link io.brokerbench.plan.ReferenceRouter} gives them, or the reason why NATS
 * cannot express it.
 *
 * <p>A routing key's words (split at {@code .}) become subject tokens. A NATS token cannot be empty
 * and cannot hold whitespace; {@code *} and {@code >} are wildcards, so a word containing either is
 * refused too. In a topic pattern {@code *} (one word) is NATS {@code *}. AMQP {@code #} matches zero
 * or more words, NATS {@code >} one or more and only as the last token, so:
 *
 * <ul>
 *   <li>{@code a.b.#} becomes the two filters {@code a.b} and {@code a.b.>} (zero words, or one or
 *       more): the same keys;
 *   <li>a lone {@code #} becomes {@code >}, the same keys as long as no key is empty (an empty topic
 *       key is refused anyway: AMQP reads it as one empty word);
 *   <li>{@code #} anywhere but last ({@code #.a}, {@code a.#.b}) has no NATS equivalent and is
 *       refused with that reason.
 * </ul>
 *
 * <p>Filters are suffixes appended to a partition's subject; the empty suffix is the partition's
 * subject itself. Stateless; thread-safe.
 */
final class SubjectFilters {
  private SubjectFilters() {}

  /**
   * One NATS filter suffix and the binding key or pattern it came from.
   *
   * @param suffix tokens joined with {@code .}, possibly with wildcards; {@code ""} for none
   * @param source the AMQP key or pattern that produced it, for messages
   */
  record Filter(String suffix, String source) {
    List<String> tokens() {
      return suffix.isEmpty() ? List.of() : List.of(suffix.split("\\.", -1));
    }
  }

  /**
   * Why {@code routingKey} cannot be sent as subject tokens, or empty when it can. The empty key is
   * no tokens at all, which is fine for direct routing ({@code emptyAllowed}); for topic routing it
   * is one empty word, which NATS cannot express.
   */
  static Optional<String> keyProblem(String routingKey, boolean emptyAllowed) {
    if (routingKey.isEmpty()) {
      return emptyAllowed ? Optional.empty()
          : Optional.of("the empty routing key is one empty word to an AMQP topic pattern, and a NATS subject has no"
              + " empty token");
    }
    for (String word : routingKey.split("\\.", -1)) {
      Optional<String> problem = literalWordProblem(word);
      if (problem.isPresent()) return Optional.of("routing key '" + routingKey + "' " + problem.get());
    }
    return Optional.empty();
  }

  /**
   * The filters that select exactly what topic pattern {@code pattern} selects among keys without
   * empty words, or the reason there are none.
   */
  static Translation translatePattern(String pattern) {
    String[] words = pattern.split("\\.", -1);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      boolean last = i == words.length - 1;
      if (word.equals("#")) {
        if (!last) {
          return Translation.refused("topic pattern '" + pattern + "' has # before its last word: AMQP # matches zero"
              + " or more words anywhere, NATS > only one or more tokens at the end, so no NATS filter selects the"
              + " same keys");
        }
        if (tokens.isEmpty()) return Translation.of(List.of(new Filter(">", pattern)));
        String prefix = String.join(".", tokens);
        return Translation.of(List.of(new Filter(prefix, pattern), new Filter(prefix + ".>", pattern)));
      }
      if (word.equals("*")) {
        tokens.add("*");
        continue;
      }
      Optional<String> problem = literalWordProblem(word);
      if (problem.isPresent()) return Translation.refused("topic pattern '" + pattern + "' " + problem.get());
      tokens.add(word);
    }
    return Translation.of(List.of(new Filter(String.join(".", tokens), pattern)));
  }

  /** The filter of a direct binding key (matched exactly), or the reason there is none. */
  static Translation translateKey(String key) {
    Optional<String> problem = keyProblem(key, true);
    return problem.map(Translation::refused).orElseGet(() -> Translation.of(List.of(new Filter(key, key))));
  }

  /**
   * The filters of one subscription as JetStream consumers need them: duplicates and filters that
   * another one covers removed, so no two left can select the same subject; or the reason when two
   * overlap without one covering the other (each would deliver the shared subjects once more).
   */
  static Translation disjoint(List<Filter> filters) {
    Map<String, Filter> distinct = new LinkedHashMap<>();
    for (Filter f : filters) distinct.putIfAbsent(f.suffix(), f);
    List<Filter> kept = new ArrayList<>();
    for (Filter f : distinct.values()) {
      boolean covered = distinct.values().stream().anyMatch(o -> o != f && covers(o.tokens(), f.tokens()));
      if (!covered) kept.add(f);
    }
    for (int i = 0; i < kept.size(); i++) {
      for (int j = i + 1; j < kept.size(); j++) {
        Filter a = kept.get(i);
        Filter b = kept.get(j);
        if (overlap(a.tokens(), b.tokens())) {
          return Translation.refused("'" + a.source() + "' and '" + b.source() + "' both select some keys (e.g. '"
              + witness(a.tokens(), b.tokens()) + "') and neither covers the other: a JetStream consumer per filter"
              + " would deliver those messages twice");
        }
      }
    }
    return Translation.of(kept);
  }

  /** Whether some subject matches both filters. */
  static boolean overlap(List<String> a, List<String> b) {
    for (int i = 0; ; i++) {
      if (i == a.size() || i == b.size()) return i == a.size() && i == b.size();
      String x = a.get(i);
      String y = b.get(i);
      if (x.equals(">") || y.equals(">")) return true;
      if (!x.equals("*") && !y.equals("*") && !x.equals(y)) return false;
    }
  }

  /** Whether every subject that matches {@code narrow} also matches {@code wide}. */
  static boolean covers(List<String> wide, List<String> narrow) {
    for (int i = 0; ; i++) {
      if (i == wide.size()) return i == narrow.size();
      if (wide.get(i).equals(">")) return i < narrow.size();
      if (i == narrow.size() || narrow.get(i).equals(">")) return false;
      if (!wide.get(i).equals("*") && !wide.get(i).equals(narrow.get(i))) return false;
    }
  }

  /** A subject (as a routing key) that both overlapping filters match. */
  private static String witness(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String x = i < a.size() ? a.get(i) : ">";
      String y = i < b.size() ? b.get(i) : ">";
      if (x.equals(">") && y.equals(">")) {
        out.add("x");
        break;
      }
      String literal = !x.equals("*") && !x.equals(">") ? x : !y.equals("*") && !y.equals(">") ? y : "x";
      out.add(literal);
    }
    return String.join(".", out);
  }

  /** Why {@code word} cannot be a literal subject token, as the end of a sentence; empty when it can. */
  private static Optional<String> literalWordProblem(String word) {
    if (word.isEmpty()) return Optional.of("has an empty word, and a NATS subject has no empty token");
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isWhitespace(c)) return Optional.of("has whitespace in a word, which a NATS subject cannot hold");
      if (c == '*' || c == '>') {
        return Optional.of("has '" + c + "' within the word '" + word + "', a NATS wildcard character");
      }
    }
    return Optional.empty();
  }

  /**
   * Filters, or why there are none.
   *
   * @param filters the filters; empty when refused
   * @param refusal the reason, or null
   */
  record Translation(List<Filter> filters, String refusal) {
    Translation {
      filters = List.copyOf(filters);
    }

    static Translation of(List<Filter> filters) {
      return new Translation(filters, null);
    }

    static Translation refused(String reason) {
      return new Translation(List.of(), reason);
    }

    boolean refused() {
      return refusal != null;
    }
  }
}
