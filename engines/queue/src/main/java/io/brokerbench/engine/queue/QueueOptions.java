package io.brokerbench.engine.queue;

/**
 * How a queue behaves; fixed at declaration (a redeclaration with other options fails).
 *
 * @param durable the queue, its bindings to durable exchanges and its persistent messages survive a
 *     restart; needs an engine with storage
 * @param exclusive only the declaring {@link Session} may consume, and the queue is deleted when
 *     that session closes
 * @param autoDelete deleted when its last consumer goes away, once it has had one
 * @param maxLength most ready messages (unacknowledged ones do not count), at least 0, or -1 for no limit
 * @param overflow what happens at {@code maxLength}
 * @param messageTtlMillis TTL of every message in the queue in milliseconds, or -1 for none; a
 *     message's own expiration applies when shorter
 * @param deadLetterExchange exchange that receives dead-lettered messages, or {@code null} to drop them
 * @param deadLetterRoutingKey routing key for dead-lettered messages, or {@code null} to keep the original
 * @param deliveryLimit most deliveries of one message, at least 1, or -1 for no limit: a message
 *     returned (nack, reject or consumer close with requeue) after its {@code deliveryLimit}-th
 *     delivery is dead-lettered with reason {@link DeadLetterReason#DELIVERY_LIMIT}
 * @param singleActiveConsumer only the earliest registered consumer receives messages; the next one
 *     takes over when it goes away
 */
public record QueueOptions(
    boolean durable,
    boolean exclusive,
    boolean autoDelete,
    long maxLength,
    Overflow overflow,
    long messageTtlMillis,
    String deadLetterExchange,
    String deadLetterRoutingKey,
    int deliveryLimit,
    boolean singleActiveConsumer) {

  public QueueOptions {
    if (maxLength < -1) throw new IllegalArgumentException("maxLength must be >= 0 or -1 for none, was " + maxLength);
    if (overflow == null) overflow = Overflow.DROP_HEAD;
    if (messageTtlMillis < -1) {
      throw new IllegalArgumentException("messageTtlMillis must be >= 0 or -1 for none, was " + messageTtlMillis);
    }
    if (deliveryLimit == 0 || deliveryLimit < -1) {
      throw new IllegalArgumentException("deliveryLimit must be >= 1 or -1 for none, was " + deliveryLimit);
    }
    if (durable && exclusive) throw new IllegalArgumentException("an exclusive queue cannot be durable");
  }

  /** A transient queue without limits. */
  public static QueueOptions transientQueue() {
    return new QueueOptions(false, false, false, -1, Overflow.DROP_HEAD, -1, null, null, -1, false);
  }

  /** A durable queue without limits. */
  public static QueueOptions durableQueue() {
    return new QueueOptions(true, false, false, -1, Overflow.DROP_HEAD, -1, null, null, -1, false);
  }

  public QueueOptions withDurable(boolean v) {
    return new QueueOptions(v, exclusive, autoDelete, maxLength, overflow, messageTtlMillis, deadLetterExchange, deadLetterRoutingKey, deliveryLimit, singleActiveConsumer);
  }

  public QueueOptions withExclusive(boolean v) {
    return new QueueOptions(durable, v, autoDelete, maxLength, overflow, messageTtlMillis, deadLetterExchange, deadLetterRoutingKey, deliveryLimit, singleActiveConsumer);
  }

  public QueueOptions withAutoDelete(boolean v) {
    return new QueueOptions(durable, exclusive, v, maxLength, overflow, messageTtlMillis, deadLetterExchange, deadLetterRoutingKey, deliveryLimit, singleActiveConsumer);
  }

  public QueueOptions withMaxLength(long max, Overflow o) {
    return new QueueOptions(durable, exclusive, autoDelete, max, o, messageTtlMillis, deadLetterExchange, deadLetterRoutingKey, deliveryLimit, singleActiveConsumer);
  }

  public QueueOptions withMessageTtlMillis(long ttl) {
    return new QueueOptions(durable, exclusive, autoDelete, maxLength, overflow, ttl, deadLetterExchange, deadLetterRoutingKey, deliveryLimit, singleActiveConsumer);
  }

  public QueueOptions withDeadLetter(String exchange, String routingKey) {
    return new QueueOptions(durable, exclusive, autoDelete, maxLength, overflow, messageTtlMillis, exchange, routingKey, deliveryLimit, singleActiveConsumer);
  }

  public QueueOptions withDeliveryLimit(int limit) {
    return new QueueOptions(durable, exclusive, autoDelete, maxLength, overflow, messageTtlMillis, deadLetterExchange, deadLetterRoutingKey, limit, singleActiveConsumer);
  }

  public QueueOptions withSingleActiveConsumer(boolean v) {
    return new QueueOptions(durable, exclusive, autoDelete, maxLength, overflow, messageTtlMillis, deadLetterExchange, deadLetterRoutingKey, deliveryLimit, v);
  }
}
