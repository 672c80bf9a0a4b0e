package io.brokerbench.engine.log;

import java.time.Duration;

/**
 * Producer settings.
 *
 * @param batchBytes a partition's open batch is sealed once it reaches this size, 64 B to 64 MiB
 * @param linger how long a batch may wait for more records before it is sent; 0 sends as soon as the
 *     sender is free (records arriving meanwhile still share a batch)
 * @param acks when a record is acknowledged
 * @param idempotent whether batches carry a producer id and sequence numbers, so a retried batch is
 *     not appended twice
 * @param retries how many times a batch whose write or force failed is tried again, 0 or more
 * @param maxBufferedBatches open, sealed and in-flight batches together; {@code send} blocks while
 *     the producer holds this many (back-pressure), at least 2
 */
public record ProducerConfig(int batchBytes, Duration linger, Acks acks, boolean idempotent, int retries, int maxBufferedBatches) {
  /** Smallest batch: 64 bytes. */
  public static final int MIN_BATCH_BYTES = 64;

  public ProducerConfig {
    if (batchBytes < MIN_BATCH_BYTES || batchBytes > RecordBatch.MAX_BATCH_BYTES) {
      throw new IllegalArgumentException("batchBytes must be in [" + MIN_BATCH_BYTES + ", " + RecordBatch.MAX_BATCH_BYTES
          + "], was " + batchBytes);
    }
    if (linger == null || linger.isNegative()) throw new IllegalArgumentException("linger must be >= 0, was " + linger);
    if (acks == null) throw new IllegalArgumentException("acks must be set");
    if (retries < 0) throw new IllegalArgumentException("retries must be >= 0, was " + retries);
    if (maxBufferedBatches < 2) throw new IllegalArgumentException("maxBufferedBatches must be >= 2, was " + maxBufferedBatches);
  }

  /** Kafka's producer defaults where they apply: 16 KiB batches, linger 5 ms, idempotent; acks after write. */
  public static ProducerConfig defaults() {
    return new ProducerConfig(16 << 10, Duration.ofMillis(5), Acks.AFTER_WRITE, true, 3, 64);
  }

  public ProducerConfig withBatchBytes(int v) {
    return new ProducerConfig(v, linger, acks, idempotent, retries, maxBufferedBatches);
  }

  public ProducerConfig withLinger(Duration v) {
    return new ProducerConfig(batchBytes, v, acks, idempotent, retries, maxBufferedBatches);
  }

  public ProducerConfig withAcks(Acks v) {
    return new ProducerConfig(batchBytes, linger, v, idempotent, retries, maxBufferedBatches);
  }

  public ProducerConfig withIdempotent(boolean v) {
    return new ProducerConfig(batchBytes, linger, acks, v, retries, maxBufferedBatches);
  }

  public ProducerConfig withRetries(int v) {
    return new ProducerConfig(batchBytes, linger, acks, idempotent, v, maxBufferedBatches);
  }
}
