package io.brokerbench.engine.queue;

import java.util.Map;

/**
 * One assignment of a queued message to a consumer. It is current while {@code message.handle ==
 * this}; settling a handle that is no longer current does nothing.
 */
final class DeliveryHandle implements Delivery {
  final QueuedMessage message;
  final ConsumerState consumer;
  /** Set when handed out (session thread or get), before the handler sees it. */
  boolean redelivered;
  int deliveryCount;
  /** Link in the session inbox; written by the offering thread, read by the session thread. */
  volatile DeliveryHandle nextInInbox;

  DeliveryHandle(QueuedMessage message, ConsumerState consumer) {
    this.message = message;
    this.consumer = consumer;
  }

  /** Counts the hand-out on the message and fixes this delivery's flag. */
  void markHandedOut() {
    QueuedMessage m = message;
    redelivered = m.deliveryCount > 0 || m.recovered;
    deliveryCount = ++m.deliveryCount;
  }

  @Override
  public byte[] body() {
    return message.message.body;
  }

  @Override
  public String routingKey() {
    return message.message.routingKey;
  }

  @Override
  public String exchange() {
    return message.message.exchange;
  }

  @Override
  public Map<String, String> headers() {
    return message.message.headers;
  }

  @Override
  public boolean persistent() {
    return message.message.persistent;
  }

  @Override
  public String queue() {
    return consumer.queue.name;
  }

  @Override
  public boolean redelivered() {
    return redelivered;
  }

  @Override
  public int deliveryCount() {
    return deliveryCount;
  }

  @Override
  public void ack() {
    if (!consumer.autoAck) consumer.queue.settle(this, Settlement.ACK);
  }

  @Override
  public void reject(boolean requeue) {
    if (!consumer.autoAck) consumer.queue.settle(this, requeue ? Settlement.REQUEUE : Settlement.REJECT);
  }

  enum Settlement { ACK, REQUEUE, REJECT }
}
