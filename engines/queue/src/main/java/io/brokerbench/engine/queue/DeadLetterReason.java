package io.brokerbench.engine.queue;

import java.util.Locale;

/** Why a message left its queue for the dead-letter exchange; recorded in header {@value #HEADER}. */
public enum DeadLetterReason {
  /** Rejected or nacked by a consumer without requeue. */
  REJECTED,
  /** Its per-message or per-queue TTL passed while it waited at the head of the queue. */
  EXPIRED,
  /** Dropped from the head of a queue at its maximum length ({@link Overflow#DROP_HEAD}). */
  MAXLEN,
  /** Returned to the queue after its last allowed delivery ({@link QueueOptions#deliveryLimit()}). */
  DELIVERY_LIMIT;

  /** Message header holding the reason of the most recent dead-lettering, in RabbitMQ spelling. */
  public static final String HEADER = "x-death-reason";
  /** Message header holding the name of the queue the message was dead-lettered from. */
  public static final String QUEUE_HEADER = "x-death-queue";

  /** RabbitMQ's spelling: {@code rejected}, {@code expired}, {@code maxlen}, {@code delivery_limit}. */
  public String amqpName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The reason spelled by {@link #amqpName()}, or {@code null} when {@code text} is null or unknown. */
  public static DeadLetterReason fromAmqpName(String text) {
    if (text == null) return null;
    for (DeadLetterReason r : values()) {
      if (r.amqpName().equals(text)) return r;
    }
    return null;
  }
}
