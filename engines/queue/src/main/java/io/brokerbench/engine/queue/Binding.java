package io.brokerbench.engine.queue;

import java.util.Map;

/**
 * The arguments of one binding from an exchange to a queue or another exchange.
 *
 * @param routingKey the binding key: matched exactly by direct exchanges, as a pattern by topic
 *     exchanges, ignored by fanout and headers exchanges; at most 255 UTF-8 bytes
 * @param headers for headers exchanges: header names and values to compare; empty otherwise
 * @param match for headers exchanges: all or any of {@code headers}
 */
public record Binding(String routingKey, Map<String, String> headers, HeaderMatch match) {
  public Binding {
    if (routingKey == null) throw new IllegalArgumentException("binding routingKey must not be null (use \"\")");
    if (routingKey.length() > 255) {
      throw new IllegalArgumentException("binding routingKey must be at most 255 characters, was " + routingKey.length());
    }
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    if (match == null) match = HeaderMatch.ALL;
  }

  /** A binding by key (direct and topic exchanges; fanout ignores it). */
  public static Binding key(String routingKey) {
    return new Binding(routingKey, Map.of(), HeaderMatch.ALL);
  }

  /** A headers-exchange binding. */
  public static Binding headers(Map<String, String> headers, HeaderMatch match) {
    return new Binding("", headers, match);
  }
}
