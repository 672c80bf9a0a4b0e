package io.brokerbench.engine.log;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a group member reads: named topics, or every topic whose whole name matches a pattern
 * (re-evaluated when topics are created).
 *
 * @param topics named topics; empty when {@code pattern} is set
 * @param pattern a regular expression matched against whole topic names, or null
 */
public record Subscription(Set<String> topics, Pattern pattern) {
  public Subscription {
    topics = topics == null ? Set.of() : Set.copyOf(topics);
    if (topics.isEmpty() == (pattern == null)) {
      throw new IllegalArgumentException("a subscription names topics or gives a pattern, exactly one of them");
    }
  }

  public static Subscription of(Set<String> topics) {
    return new Subscription(topics, null);
  }

  public static Subscription of(Pattern pattern) {
    return new Subscription(Set.of(), pattern);
  }

  /** Whether this subscription covers {@code topic}. Internal topics (starting {@code __}) never match a pattern. */
  public boolean covers(String topic) {
    if (pattern != null) return !topic.startsWith("__") && pattern.matcher(topic).matches();
    return topics.contains(topic);
  }
}
