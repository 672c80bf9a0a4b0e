package io.brokerbench.engine.queue;

import java.util.Map;

/**
 * A published message as the engine keeps it: immutable and shared by every queue it reached.
 * The body is the engine's own copy.
 */
final class Message {
  final String exchange;
  final String routingKey;
  final Map<String, String> headers;
  final boolean persistent;
  /** Per-message TTL in milliseconds, or -1. */
  final long expirationMillis;
  final byte[] body;

  Message(String exchange, String routingKey, Map<String, String> headers, boolean persistent, long expirationMillis, byte[] body) {
    this.exchange = exchange;
    this.routingKey = routingKey;
    this.headers = headers;
    this.persistent = persistent;
    this.expirationMillis = expirationMillis;
    this.body = body;
  }
}
