package io.brokerbench.adapter.shared;

import io.brokerbench.spi.Delivery;

/**
 * One record of a log-model target handed to the harness: where it sits (partition, offset), the
 * redelivered flag its consumer worked out ({@link LogRedeliveries} for a consumer group, the
 * delivery count for a share group), and its settling, which the consumer decides
 * ({@link Settlement}). The first of {@link #ack()} and {@link #reject(boolean)}
 * settles it; later calls do nothing. Either may come from any thread.
 *
 * <p>The payload is not copied: with a consumer that reuses its buffer it is valid during the
 * listener call only, as {@link Delivery} allows.
 *
 * @param <P> the log's partition type (e.g. a Kafka {@code TopicPartition})
 */
public final class OffsetDelivery<P> implements Delivery {

  /** Something a consumer does with the record at {@code offset} of {@code partition}; any thread. */
  @FunctionalInterface
  public interface OffsetAction<P> {
    void apply(P partition, long offset);
  }

  /**
   * How a consumer settles its records: through {@link SettledOffsets} for a consumer group, or by
   * acknowledging each record to a share group.
   *
   * @param accept the record was acked
   * @param reject the record was rejected without requeue
   * @param requeue the record was rejected with requeue
   */
  public record Settlement<P>(OffsetAction<P> accept, OffsetAction<P> reject, OffsetAction<P> requeue) {
    /** A consumer for which an ack and a reject without requeue both just finish the record ({@code settle}). */
    public static <P> Settlement<P> of(OffsetAction<P> settle, OffsetAction<P> requeue) {
      return new Settlement<>(settle, settle, requeue);
    }

    /**
     * This settlement, counting each delivery settled through it as settled in {@code unsettled}
     * (after the action): with the consumer counting each delivery it hands out there, {@link
     * UnsettledDeliveries#most()} is exact, as an {@link OffsetDelivery} settles once.
     */
    public Settlement<P> countedIn(UnsettledDeliveries unsettled) {
      return new Settlement<>(counted(accept, unsettled), counted(reject, unsettled), counted(requeue, unsettled));
    }

    private static <P> OffsetAction<P> counted(OffsetAction<P> action, UnsettledDeliveries unsettled) {
      return (partition, offset) -> {
        try {
          action.apply(partition, offset);
        } finally {
          unsettled.settled();
        }
      };
    }

    /** For automatic acknowledgement: the consumer settles on delivery, the harness's calls do nothing. */
    public static <P> Settlement<P> onDelivery() {
      OffsetAction<P> nothing = (partition, offset) -> {};
      return new Settlement<>(nothing, nothing, nothing);
    }
  }

  private final byte[] payload;
  private final int payloadLength;
  private final byte[] key;
  private final int destination;
  private final P partition;
  private final int partitionIndex;
  private final long offset;
  private final boolean redelivered;
  private final Settlement<P> settlement;
  private boolean settled;

  /**
   * @param payloadLength the payload's bytes in {@code payload}, from index 0; 0 to {@code
   *     payload.length}
   * @param partitionIndex the number of {@code partition} within its topic, 0 or more
   * @param offset the record's offset in {@code partition}, 0 or more
   */
  public OffsetDelivery(byte[] payload, int payloadLength, byte[] key, int destination, P partition, int partitionIndex,
      long offset, boolean redelivered, Settlement<P> settlement) {
    this.payload = payload;
    this.payloadLength = payloadLength;
    this.key = key;
    this.destination = destination;
    this.partition = partition;
    this.partitionIndex = partitionIndex;
    this.offset = offset;
    this.redelivered = redelivered;
    this.settlement = settlement;
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
    return partitionIndex;
  }

  @Override
  public boolean redelivered() {
    return redelivered;
  }

  /** The record's offset in its partition. */
  public long offset() {
    return offset;
  }

  @Override
  public void ack() {
    if (firstSettlement()) settlement.accept().apply(partition, offset);
  }

  @Override
  public void reject(boolean requeue) {
    if (firstSettlement()) (requeue ? settlement.requeue() : settlement.reject()).apply(partition, offset);
  }

  private synchronized boolean firstSettlement() {
    if (settled) return false;
    settled = true;
    return true;
  }
}
