package io.brokerbench.adapter.kafka;

import io.brokerbench.spi.Delivery;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One record of a share group handed to the harness. {@link #ack()} accepts it ({@link
 * AcknowledgeType#ACCEPT}); {@link #reject(boolean)} with requeue releases it ({@link
 * AcknowledgeType#RELEASE}: the group delivers it again, to any consumer, with a higher delivery
 * count), without requeue rejects it ({@link AcknowledgeType#REJECT}: archived, never delivered
 * again). The settlement is queued for the poll thread ({@link ShareAcknowledgements}), which
 * applies and commits it. With automatic acknowledgement both do nothing (the poll thread accepts
 * the record itself). Either may be called from any thread; the second and later calls do nothing.
 */
final class KafkaShareDelivery implements Delivery {
  private final ConsumerRecord<byte[], byte[]> record;
  private final int destination;
  private final ShareAcknowledgements<ConsumerRecord<byte[], byte[]>> acknowledgements;
  private boolean settled;

  /** {@code acknowledgements} is null for automatic acknowledgement. */
  KafkaShareDelivery(ConsumerRecord<byte[], byte[]> record, int destination,
      ShareAcknowledgements<ConsumerRecord<byte[], byte[]>> acknowledgements) {
    this.record = record;
    this.destination = destination;
    this.acknowledgements = acknowledgements;
  }

  @Override
  public byte[] payload() {
    return record.value();
  }

  @Override
  public byte[] key() {
    return record.key();
  }

  @Override
  public int destination() {
    return destination;
  }

  @Override
  public int partition() {
    return record.partition();
  }

  /**
   * Whether the share group delivered this record before: its delivery count is above 1 (a record
   * released, or whose acquisition lock expired or whose consumer left, before it was accepted).
   */
  @Override
  public boolean redelivered() {
    return redelivered(record);
  }

  /** The redelivered flag of a share group's record; a record without a delivery count counts as a first delivery. */
  static boolean redelivered(ConsumerRecord<?, ?> record) {
    return record.deliveryCount().orElse((short) 1) > 1;
  }

  @Override
  public void ack() {
    settle(AcknowledgeType.ACCEPT);
  }

  @Override
  public void reject(boolean requeue) {
    settle(requeue ? AcknowledgeType.RELEASE : AcknowledgeType.REJECT);
  }

  private void settle(AcknowledgeType type) {
    if (acknowledgements == null || !firstSettlement()) return;
    acknowledgements.settle(record, type);
  }

  private synchronized boolean firstSettlement() {
    if (settled) return false;
    settled = true;
    return true;
  }
}
