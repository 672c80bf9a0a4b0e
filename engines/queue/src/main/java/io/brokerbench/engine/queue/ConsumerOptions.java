package io.brokerbench.engine.queue;

/**
 * How a consumer receives messages.
 *
 * @param prefetch most deliveries handed to the consumer and not yet settled, 1 to 65,535; with
 *     {@code autoAck} a delivery is settled when it is handed to the handler, so the bound applies
 *     to deliveries waiting in the session for their handler call
 * @param autoAck settle each delivery when it is handed to the handler (no ack expected)
 */
public record ConsumerOptions(int prefetch, boolean autoAck) {
  public ConsumerOptions {
    if (prefetch < 1 || prefetch > 65_535) {
      throw new IllegalArgumentException("prefetch must be between 1 and 65535, was " + prefetch);
    }
  }

  public static ConsumerOptions manualAck(int prefetch) {
    return new ConsumerOptions(prefetch, false);
  }

  public static ConsumerOptions autoAck(int prefetch) {
    return new ConsumerOptions(prefetch, true);
  }
}
