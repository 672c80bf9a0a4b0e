package io.brokerbench.engine.queue;

import java.util.Map;

/** Headers-exchange matching. Header names starting with {@code x-} in the binding are ignored, as in RabbitMQ. */
final class HeadersMatcher {
  private HeadersMatcher() {}

  static boolean matches(Binding binding, Map<String, String> headers) {
    boolean all = binding.match() == HeaderMatch.ALL;
    boolean anyMatched = false;
    for (Map.Entry<String, String> e : binding.headers().entrySet()) {
      if (e.getKey().startsWith("x-")) continue;
      boolean ok = e.getValue().equals(headers.get(e.getKey()));
      if (all && !ok) return false;
      if (ok) anyMatched = true;
    }
    return all || anyMatched;
  }
}
