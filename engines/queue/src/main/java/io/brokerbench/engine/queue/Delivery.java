package io.brokerbench.engine.queue;

import java.util.Map;

/**
 * One delivery of a message to a consumer (or one {@link Session#get} result).
 *
 * <p>Settling: a manual-ack delivery is settled by exactly one of {@link #ack()}, {@link
 * #reject(boolean)}; later calls do nothing. Any thread may settle. Auto-ack deliveries are settled
 * already; both methods do nothing. A delivery never settled stays unacknowledged until its consumer
 * or session closes, when it returns to its queue.
 *
 * <p>The body array is the engine's copy, shared by every queue the message reached: read it, do
 * not modify it.
 */
public interface Delivery {

  /** The message body; do not modify. */
  byte[] body();

  /** The routing key the message was published (or dead-lettered) with. */
  String routingKey();

  /** The exchange it was published (or dead-lettered) to; {@code ""} for the default exchange. */
  String exchange();

  /** Message headers, including {@link DeadLetterReason#HEADER} once dead-lettered. */
  Map<String, String> headers();

  /** Whether the message was published persistent. */
  boolean persistent();

  /** The queue it came from. */
  String queue();

  /**
   * True when the message may have been delivered before: on every delivery after the first, and
   * on every delivery of a message recovered from the journal after a restart (the journal does
   * not record deliveries). Never true on a first delivery of a message published to this engine
   * instance.
   */
  boolean redelivered();

  /** Deliveries of this message from this queue so far, this one included (1 on a first delivery); restarts from 0 after recovery. */
  int deliveryCount();

  /** Why the message was last dead-lettered, or {@code null} when it never was. */
  default DeadLetterReason deadLetterReason() {
    return DeadLetterReason.fromAmqpName(headers().get(DeadLetterReason.HEADER));
  }

  /** Positive acknowledgement: the message leaves the queue for good. */
  void ack();

  /**
   * Negative acknowledgement. With {@code requeue} the message returns to its original position in
   * the queue (or is dead-lettered with {@link DeadLetterReason#DELIVERY_LIMIT} past the limit);
   * without, it is dead-lettered with {@link DeadLetterReason#REJECTED} or dropped.
   */
  void reject(boolean requeue);

  /** Same as {@link #reject(boolean)}; AMQP's basic.nack for one message. */
  default void nack(boolean requeue) {
    reject(requeue);
  }
}
