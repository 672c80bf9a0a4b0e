package io.brokerbench.adapter.kafka;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;

/**
 * The redelivered flag of a log-model target: a record is redelivered when its offset is at or
 * below the highest offset already delivered for its partition to any consumer of the same group
 * in this run (Kafka has no flag of its own).
 *
 * <p>One tracker per target, shared by all its consumers, so a record a closed consumer delivered
 * but did not commit is flagged when the next consumer of the group reads it. Memory: one entry per
 * (group, partition). Thread-safe: consumers of one group may mark deliveries concurrently.
 */
public final class RedeliveryTracker {
  private final ConcurrentMap<String, ConcurrentMap<TopicPartition, AtomicLong>> byGroup = new ConcurrentHashMap<>();

  /**
   * The highest-offset cell of {@code partition} in {@code group}, -1 before any delivery. A
   * consumer looks it up once per partition and batch and passes it to {@link #markDelivered}.
   */
  public AtomicLong highestDelivered(String group, TopicPartition partition) {
    return byGroup.computeIfAbsent(group, g -> new ConcurrentHashMap<>())
        .computeIfAbsent(partition, p -> new AtomicLong(-1));
  }

  /**
   * Records the delivery of {@code offset} (0 or more) and says whether it is a redelivery: whether
   * {@code offset} is at or below the highest offset delivered before in {@code highest}'s partition
   * and group.
   */
  public static boolean markDelivered(AtomicLong highest, long offset) {
    long before = highest.getAndAccumulate(offset, Math::max);
    return offset <= before;
  }
}
