package io.brokerbench.engine.queue;

import java.util.Map;

/**
 * Properties a publisher sets on a message.
 *
 * @param persistent whether the message is written to the journal when it reaches a durable queue
 *     (AMQP delivery mode 2); transient messages are never written, even on durable queues
 * @param expirationMillis per-message TTL in milliseconds, at least 0, or -1 for none
 * @param headers message headers, used by headers exchanges and carried to consumers; names and
 *     values at most 65,535 UTF-8 bytes each
 */
public record MessageProperties(boolean persistent, long expirationMillis, Map<String, String> headers) {
  /** Transient, no TTL, no headers. */
  public static final MessageProperties TRANSIENT = new MessageProperties(false, -1, Map.of());
  /** Persistent, no TTL, no headers. */
  public static final MessageProperties PERSISTENT = new MessageProperties(true, -1, Map.of());

  public MessageProperties {
    if (expirationMillis < -1) {
      throw new IllegalArgumentException("expirationMillis must be >= 0 or -1 for none, was " + expirationMillis);
    }
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public MessageProperties withHeaders(Map<String, String> newHeaders) {
    return new MessageProperties(persistent, expirationMillis, newHeaders);
  }

  public MessageProperties withExpirationMillis(long millis) {
    return new MessageProperties(persistent, millis, headers);
  }
}
