package io.brokerbench.spi;

import io.brokerbench.plan.AckMode;

/**
 * One delivery of a message to a consumer.
 *
 * <p>With {@link AckMode#MANUAL} the harness calls at most one of {@link #ack()} or {@link
 * #reject(boolean)} per delivery, usually from the listener's thread during {@link
 * DeliveryListener#onDelivery}, but possibly later from another thread (the conformance kit holds
 * deliveries to check prefetch); implementations must accept both. A delivery never settled goes
 * back to the system when its consumer closes. With {@link AckMode#AUTO} the target settles the
 * delivery itself and both methods do nothing.
 */
public interface Delivery {

  /**
   * The message bytes exactly as sent (envelope and filler). The array may be reused by the target
   * after the listener returns; the harness reads what it needs before that.
   */
  byte[] payload();

  /** Length of the message in {@link #payload()}, which may be a larger reused buffer. */
  default int payloadLength() {
    return payload().length;
  }

  /** The message key bytes as sent, or {@code null} when the target does not carry keys. */
  byte[] key();

  /** Destination index of the topology plan, 0-based. */
  int destination();

  /** Partition (queue of the subscription, or log partition) the message came from, 0-based. */
  int partition();

  /**
   * The target's redelivered flag: set by a queue-model system on every delivery after the first,
   * and by a log-model adapter on a record at or below the highest offset already delivered for its
   * partition and group.
   */
  boolean redelivered();

  /** Positively acknowledges the delivery. */
  void ack();

  /** Negatively acknowledges; {@code requeue} asks the system to deliver the message again. */
  void reject(boolean requeue);
}
