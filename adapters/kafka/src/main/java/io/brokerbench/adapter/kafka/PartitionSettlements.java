package io.brokerbench.adapter.kafka;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What one consumer has delivered and what of it the harness has settled (acked or rejected), per
 * partition, and so which offsets it may commit: in each partition, the offset after the longest
 * settled prefix of its deliveries. A delivery not settled holds the commit back, so after a close
 * it is delivered again.
 *
 * <p>Invariant per partition: {@code pending} holds the delivered offsets not yet below the commit
 * point, ascending, each with its settled flag; its first entry, if any, is unsettled. Size: at most
 * the deliveries not yet settled plus those settled behind an unsettled one; the consumer stops
 * delivering at {@code prefetch} unsettled ones, which bounds it.
 *
 * <p>Thread-safety: all methods are synchronized; the poll thread delivers, and the harness may
 * settle from its listener thread.
 */
public final class PartitionSettlements {
  private final Map<TopicPartition, TreeMap<Long, Boolean>> pending = new HashMap<>();
  private final Map<TopicPartition, Long> committable = new HashMap<>();
  private final Map<TopicPartition, Long> rewinds = new HashMap<>();
  private int unsettled;

  /** Records the delivery of {@code offset}; it is unsettled until {@link #settle}. */
  public synchronized void delivered(TopicPartition partition, long offset) {
    Boolean before = pending.computeIfAbsent(partition, p -> new TreeMap<>()).put(offset, Boolean.FALSE);
    if (before == null || before) unsettled++;
  }

  /**
   * Settles the delivery of {@code offset} and advances the commit point over the settled prefix.
   * Settling an offset not pending (already settled, rewound, or of a revoked partition) does
   * nothing.
   */
  public synchronized void settle(TopicPartition partition, long offset) {
    TreeMap<Long, Boolean> offsets = pending.get(partition);
    if (offsets == null) return;
    Boolean before = offsets.get(offset);
    if (before == null || before) return;
    offsets.put(offset, Boolean.TRUE);
    unsettled--;
    Long next = null;
    Iterator<Map.Entry<Long, Boolean>> it = offsets.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, Boolean> e = it.next();
      if (!e.getValue()) break;
      next = e.getKey() + 1;
      it.remove();
    }
    if (next != null) committable.put(partition, next);
  }

  /**
   * Forgets the deliveries at and after {@code offset} (they will be fetched again) and asks the
   * poll loop to seek there: Kafka's way to deliver a rejected record again.
   */
  public synchronized void rewind(TopicPartition partition, long offset) {
    TreeMap<Long, Boolean> offsets = pending.get(partition);
    if (offsets != null) {
      Map<Long, Boolean> tail = offsets.tailMap(offset, true);
      for (Boolean settled : tail.values()) if (!settled) unsettled--;
      tail.clear();
    }
    rewinds.merge(partition, offset, Math::min);
  }

  /** Seek requests since the last call, lowest offset per partition; clears them. */
  public synchronized Map<TopicPartition, Long> takeRewinds() {
    if (rewinds.isEmpty()) return Map.of();
    Map<TopicPartition, Long> out = Map.copyOf(rewinds);
    rewinds.clear();
    return out;
  }

  /** Commit points advanced since the last call; clears them. */
  public synchronized Map<TopicPartition, OffsetAndMetadata> takeCommittable() {
    if (committable.isEmpty()) return Map.of();
    Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
    committable.forEach((tp, offset) -> out.put(tp, new OffsetAndMetadata(offset)));
    committable.clear();
    return out;
  }

  /**
   * Puts back commit points whose commit failed, so the next commit carries them again; a point
   * that has advanced since, or whose partition was forgotten, wins.
   */
  public synchronized void restoreCommittable(Map<TopicPartition, OffsetAndMetadata> failed) {
    failed.forEach((tp, offset) -> {
      if (pending.containsKey(tp)) committable.merge(tp, offset.offset(), Math::max);
    });
  }

  /** Deliveries not yet settled, over all partitions. */
  public synchronized int unsettled() {
    return unsettled;
  }

  /** Drops all state of {@code partition} (revoked or lost in a rebalance). */
  public synchronized void forget(TopicPartition partition) {
    TreeMap<Long, Boolean> offsets = pending.remove(partition);
    if (offsets != null) for (Boolean settled : offsets.values()) if (!settled) unsettled--;
    committable.remove(partition);
    rewinds.remove(partition);
  }
}
