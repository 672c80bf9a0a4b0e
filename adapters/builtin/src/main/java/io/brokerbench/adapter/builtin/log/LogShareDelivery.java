package io.brokerbench.adapter.builtin.log;

import io.brokerbench.engine.log.AcknowledgeType;
import io.brokerbench.engine.log.ShareConsumer;
import io.brokerbench.engine.log.TopicPartition;
import io.brokerbench.spi.Delivery;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One record of a share group handed to the harness. The payload is the consumer's reused buffer
 * (valid during the listener call); {@link #ack()} and {@link #reject(boolean)} may come from any
 * thread, and only the first of them counts.
 */
final class LogShareDelivery implements Delivery {
  private final LogShareConsumer consumer;
  private final ShareConsumer member;
  private final byte[] payload;
  private final int payloadLength;
  private final byte[] key;
  private final int destination;
  private final TopicPartition partition;
  private final long offset;
  private final int deliveryCount;
  private final AtomicBoolean settled = new AtomicBoolean();

  LogShareDelivery(LogShareConsumer consumer, ShareConsumer member, byte[] payload, int payloadLength, byte[] key, int destination,
      TopicPartition partition, long offset, int deliveryCount) {
    this.consumer = consumer;
    this.member = member;
    this.payload = payload;
    this.payloadLength = payloadLength;
    this.key = key;
    this.destination = destination;
    this.partition = partition;
    this.offset = offset;
    this.deliveryCount = deliveryCount;
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

  /** The share group's own flag: the record was delivered to the group before (delivery count above 1). */
  @Override
  public boolean redelivered() {
    return deliveryCount > 1;
  }

  /** {@link AcknowledgeType#ACCEPT}: never delivered to the group again. */
  @Override
  public void ack() {
    settle(AcknowledgeType.ACCEPT);
  }

  /**
   * With requeue {@link AcknowledgeType#RELEASE} (delivered again, unless that reaches the delivery
   * count limit: then archived and reported removed), without {@link AcknowledgeType#REJECT}
   * (archived, reported removed as rejected).
   */
  @Override
  public void reject(boolean requeue) {
    settle(requeue ? AcknowledgeType.RELEASE : AcknowledgeType.REJECT);
  }

  private void settle(AcknowledgeType type) {
    if (settled.compareAndSet(false, true)) consumer.settle(member, partition, offset, type);
  }
}
