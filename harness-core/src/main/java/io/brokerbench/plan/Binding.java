package io.brokerbench.plan;

import java.util.List;
import java.util.Map;

/**
 * How one subscription binds to each destination.
 *
 * @param keys for {@link Routing#DIRECT}: routing keys matched exactly; for {@link Routing#TOPIC}:
 *     patterns; a message is selected when any of them matches; unused for fanout and headers
 * @param headers for {@link Routing#HEADERS}: header names and values to match
 * @param match for {@link Routing#HEADERS}: all or any
 */
public record Binding(List<String> keys, Map<String, String> headers, HeaderMatch match) {
  public Binding {
    keys = List.copyOf(keys);
    headers = Map.copyOf(headers);
    if (match == null) match = HeaderMatch.ALL;
  }

  public static Binding ofKeys(List<String> keys) {
    return new Binding(keys, Map.of(), HeaderMatch.ALL);
  }

  public static Binding ofHeaders(Map<String, String> headers, HeaderMatch match) {
    return new Binding(List.of(), headers, match);
  }
}
