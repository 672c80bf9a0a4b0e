package io.brokerbench.adapter.shared;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The redelivered flag of a log-model target (the log has no flag of its own), as DESIGN.md
 * defines it: a record is a redelivery when its offset is at or below the highest offset already
 * delivered for its partition to any consumer of the same group in this run.
 *
 * <p>One instance per target, shared by all its consumers, so a record that a closed consumer
 * delivered but did not commit is flagged when the next consumer of the group reads it. Memory: one
 * cell per (group, topic, partition). Thread-safe: consumers of one group may mark concurrently.
 */
public final class LogRedeliveries {
  private record PartitionOfGroup(String group, String topic, int partition) {}

  private final ConcurrentMap<PartitionOfGroup, AtomicLong> highest = new ConcurrentHashMap<>();

  /**
   * The highest-offset cell of ({@code group}, {@code topic}, {@code partition}), -1 before any
   * delivery. A consumer may look it up once per partition and pass it to {@link #markDelivered}.
   */
  public AtomicLong highestDelivered(String group, String topic, int partition) {
    return highest.computeIfAbsent(new PartitionOfGroup(group, topic, partition), k -> new AtomicLong(-1));
  }

  /**
   * Records the delivery of {@code offset} (≥ 0) in {@code highest}'s partition and group, and says
   * whether it is a redelivery: whether {@code offset} is at or below the highest delivered before.
   */
  public static boolean markDelivered(AtomicLong highest, long offset) {
    return offset <= highest.getAndAccumulate(offset, Math::max);
  }
}
