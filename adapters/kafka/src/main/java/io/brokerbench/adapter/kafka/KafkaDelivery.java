package io.brokerbench.adapter.kafka;

import io.brokerbench.adapter.shared.SettledOffsets;
import io.brokerbench.spi.Delivery;
import org.apache.kafka.common.TopicPartition;

/**
 * One Kafka record handed to the harness. {@link #ack()} settles it for the commit; {@link
 * #reject(boolean)} with requeue rewinds its partition to it, so it is fetched and delivered again
 * (flagged redelivered); without requeue it is settled like an ack (Kafka has no dead-lettering).
 * With automatic acknowledgement both do nothing. Either may be called from any thread; the second
 * and later calls do nothing.
 */
final class KafkaDelivery implements Delivery {
  private final byte[] payload;
  private final byte[] key;
  private final int destination;
  private final TopicPartition partition;
  private final long offset;
  private final boolean redelivered;
  private final SettledOffsets<TopicPartition> settlements;
  private boolean settled;

  /** {@code settlements} is null for automatic acknowledgement. */
  KafkaDelivery(byte[] payload, byte[] key, int destination, TopicPartition partition, long offset, boolean redelivered,
      SettledOffsets<TopicPartition> settlements) {
    this.payload = payload;
    this.key = key;
    this.destination = destination;
    this.partition = partition;
    this.offset = offset;
    this.redelivered = redelivered;
    this.settlements = settlements;
  }

  @Override
  public byte[] payload() {
    return payload;
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

  /** The record's offset in its partition. */
  long offset() {
    return offset;
  }

  @Override
  public void ack() {
    if (settlements == null || !firstSettlement()) return;
    settlements.settle(partition, offset);
  }

  @Override
  public void reject(boolean requeue) {
    if (settlements == null || !firstSettlement()) return;
    if (requeue) {
      settlements.rewind(partition, offset);
    } else {
      settlements.settle(partition, offset);
    }
  }

  private synchronized boolean firstSettlement() {
    if (settled) return false;
    settled = true;
    return true;
  }
}
