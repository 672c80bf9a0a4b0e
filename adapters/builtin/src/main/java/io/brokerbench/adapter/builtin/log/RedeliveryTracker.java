package io.brokerbench.adapter.builtin.log;

import io.brokerbench.engine.log.TopicPartition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The log model's redelivered flag: a record is a redelivery when its offset is at or below the
 * highest offset already delivered for its partition to any consumer of the same group. Thread-safe;
 * one instance per target, shared by all its consumers.
 */
final class RedeliveryTracker {
  private final Map<String, Map<TopicPartition, AtomicLong>> highest = new ConcurrentHashMap<>();

  /** Per-group view, cached by a consumer. */
  Map<TopicPartition, AtomicLong> group(String group) {
    return highest.computeIfAbsent(group, g -> new ConcurrentHashMap<>());
  }

  /** Records a delivery of {@code offset}; returns whether it is a redelivery. */
  static boolean deliver(Map<TopicPartition, AtomicLong> group, TopicPartition tp, long offset) {
    AtomicLong h = group.computeIfAbsent(tp, x -> new AtomicLong(-1));
    long prev = h.getAndAccumulate(offset, Math::max);
    return offset <= prev;
  }
}
