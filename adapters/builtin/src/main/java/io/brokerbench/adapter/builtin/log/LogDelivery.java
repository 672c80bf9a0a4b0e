package io.brokerbench.adapter.builtin.log;

import io.brokerbench.engine.log.TopicPartition;
import io.brokerbench.spi.Delivery;

/**
 * One record handed to the harness. The payload is the consumer's reused buffer (valid during the
 * listener call); {@link #ack()} and {@link #reject(boolean)} may come from any thread.
 */
final class LogDelivery implements Delivery {
  private final LogEngineConsumer consumer;
  private final byte[] payload;
  private final int payloadLength;
  private final byte[] key;
  private final int destination;
  private final TopicPartition partition;
  private final long offset;
  private final boolean redelivered;

  LogDelivery(LogEngineConsumer consumer, byte[] payload, int payloadLength, byte[] key, int destination,
      TopicPartition partition, long offset, boolean redelivered) {
    this.consumer = consumer;
    this.payload = payload;
    this.payloadLength = payloadLength;
    this.key = key;
    this.destination = destination;
    this.partition = partition;
    this.offset = offset;
    this.redelivered = redelivered;
  }

  @Override
  public byte[] payload() {
    return payload;
  }

  @Override
  public int payloadLength() {
    return payloadLength;
  }

  @Override
  public byte[] key() {
    return key;
  }

  @Override
  public int destination() {
    return destination;
  }

  @Override
  public int partition() {
    return partition.partition();
  }

  @Override
  public boolean redelivered() {
    return redelivered;
  }

  @Override
  public void ack() {
    consumer.settle(partition, offset);
  }

  /**
   * A log cannot drop or requeue one record: the record counts as processed either way and the
   * consumer moves on (the feature REQUEUE_ON_REJECT is not declared).
   */
  @Override
  public void reject(boolean requeue) {
    consumer.settle(partition, offset);
  }
}
