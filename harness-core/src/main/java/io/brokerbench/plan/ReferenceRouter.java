package io.brokerbench.plan;

import java.util.Map;

/**
 * Decides, independently of any target, whether a subscription's binding selects a message. The
 * delivery ledger expects exactly what this router selects; targets are checked against it.
 * Stateless and thread-safe.
 */
public final class ReferenceRouter {
  private ReferenceRouter() {}

  /** Whether {@code binding} selects a message with {@code routingKey} and {@code headers}. */
  public static boolean matches(Routing routing, Binding binding, String routingKey, Map<String, String> headers) {
    return switch (routing) {
      case FANOUT -> true;
      case DIRECT -> binding.keys().contains(routingKey);
      case TOPIC -> binding.keys().stream().anyMatch(p -> topicMatches(p, routingKey));
      case HEADERS -> headersMatch(binding, headers);
    };
  }

  /**
   * AMQP topic matching as RabbitMQ does it: words are separated by {@code .} (empty words
   * allowed), {@code *} matches exactly one word, {@code #} zero or more words.
   */
  public static boolean topicMatches(String pattern, String routingKey) {
    String[] p = pattern.split("\\.", -1);
    String[] k = routingKey.split("\\.", -1);
    return match(p, 0, k, 0);
  }

  private static boolean match(String[] p, int pi, String[] k, int ki) {
    while (true) {
      if (pi == p.length) return ki == k.length;
      String word = p[pi];
      if (word.equals("#")) {
        // # at the end swallows the rest; otherwise try every split point.
        if (pi == p.length - 1) return true;
        for (int skip = ki; skip <= k.length; skip++) {
          if (match(p, pi + 1, k, skip)) return true;
        }
        return false;
      }
      if (ki == k.length) return false;
      if (!word.equals("*") && !word.equals(k[ki])) return false;
      pi++;
      ki++;
    }
  }

  private static boolean headersMatch(Binding binding, Map<String, String> headers) {
    if (binding.headers().isEmpty()) return binding.match() == HeaderMatch.ALL;
    if (binding.match() == HeaderMatch.ALL) {
      return binding.headers().entrySet().stream().allMatch(e -> e.getValue().equals(headers.get(e.getKey())));
    }
    return binding.headers().entrySet().stream().anyMatch(e -> e.getValue().equals(headers.get(e.getKey())));
  }
}
