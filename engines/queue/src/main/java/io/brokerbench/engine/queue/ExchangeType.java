package io.brokerbench.engine.queue;

/** The four AMQP 0-9-1 exchange types and how each selects the bindings a message follows. */
public enum ExchangeType {
  /** A binding matches when its routing key equals the message's routing key. */
  DIRECT,
  /** Every binding matches; routing keys and headers are ignored. */
  FANOUT,
  /**
   * A binding key is a pattern of {@code .}-separated words: {@code *} matches exactly one word,
   * {@code #} zero or more words; empty words are words ({@code "a..b"} has three).
   */
  TOPIC,
  /** Binding headers are compared with message headers, all of them or any of them ({@link HeaderMatch}). */
  HEADERS
}
