package io.brokerbench.engine.log;

import java.time.Duration;

/**
 * Settings of a share group, fixed when its first member joins (Kafka keeps them as group and broker
 * configurations); every later member must bring equal settings.
 *
 * @param autoOffsetReset where the group starts reading a partition it has no state for (Kafka's
 *     {@code share.auto.offset.reset}): at the log start, or at the log end as the partition is first
 *     seen by the group (when a member subscribes, or when a subscribed topic is created)
 * @param recordLockDuration how long a member holds a record it acquired before it becomes
 *     available again (Kafka's {@code share.record.lock.duration.ms}), at least 1 ms
 * @param deliveryCountLimit a record delivered this many times and released again (or whose lock
 *     timed out) is archived instead (Kafka's {@code group.share.delivery.count.limit}), 1 to 1000
 * @param maxInFlightRecords per share-partition: at most this many offsets from the start offset on
 *     are tracked; no record past that window is acquired until the window's head is acknowledged or
 *     archived (Kafka's {@code group.share.partition.max.record.locks}), 1 to 1,000,000
 */
public record ShareGroupConfig(OffsetReset autoOffsetReset, Duration recordLockDuration, int deliveryCountLimit, int maxInFlightRecords) {

  public ShareGroupConfig {
    if (autoOffsetReset == null) throw new IllegalArgumentException("autoOffsetReset must be set");
    if (recordLockDuration == null || recordLockDuration.toMillis() < 1) {
      throw new IllegalArgumentException("recordLockDuration must be at least 1ms, was " + recordLockDuration);
    }
    if (deliveryCountLimit < 1 || deliveryCountLimit > 1000) {
      throw new IllegalArgumentException("deliveryCountLimit must be in [1, 1000], was " + deliveryCountLimit);
    }
    if (maxInFlightRecords < 1 || maxInFlightRecords > 1_000_000) {
      throw new IllegalArgumentException("maxInFlightRecords must be in [1, 1000000], was " + maxInFlightRecords);
    }
  }

  /**
   * Kafka's defaults: start at the latest offset, 30 s record locks, 5 deliveries, 2000 in-flight
   * records per share-partition (recent Kafka; 4.0 had 200). Kafka accepts 2 to 10 deliveries and,
   * by default, locks of 15 s to 60 s; the wider ranges here let tests use small values.
   */
  public static ShareGroupConfig defaults() {
    return new ShareGroupConfig(OffsetReset.LATEST, Duration.ofSeconds(30), 5, 2000);
  }

  public ShareGroupConfig withAutoOffsetReset(OffsetReset v) {
    return new ShareGroupConfig(v, recordLockDuration, deliveryCountLimit, maxInFlightRecords);
  }

  public ShareGroupConfig withRecordLockDuration(Duration v) {
    return new ShareGroupConfig(autoOffsetReset, v, deliveryCountLimit, maxInFlightRecords);
  }

  public ShareGroupConfig withDeliveryCountLimit(int v) {
    return new ShareGroupConfig(autoOffsetReset, recordLockDuration, v, maxInFlightRecords);
  }

  public ShareGroupConfig withMaxInFlightRecords(int v) {
    return new ShareGroupConfig(autoOffsetReset, recordLockDuration, deliveryCountLimit, v);
  }
}
