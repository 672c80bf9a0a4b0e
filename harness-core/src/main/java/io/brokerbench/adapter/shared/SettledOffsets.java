package io.brokerbench.adapter.shared;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What one log-model consumer has delivered and what of it the harness has settled (acked or
 * rejected), per partition, and so which offset it may commit: in each partition, the offset after
 * the longest settled prefix of its deliveries, that is the first unsettled one. A delivery not
 * settled holds the commit back, so after a close it is delivered again.
 *
 * <p>Example, one partition: offsets 10, 11, 12 and 13 delivered, 10, 12 and 13 settled: the commit
 * point is 11 ({@link #firstUnsettled} is 11, {@link #takeCommittable} gives 11); once 11 is settled
 * as well it is 14.
 *
 * <p>Invariant per partition: {@code pending} holds the delivered offsets (0 or more) not yet below
 * the commit point, ascending, each with its settled flag; its first entry, if any, is unsettled.
 * Size: at most the deliveries not yet settled plus those settled behind an unsettled one; a
 * consumer that stops delivering at {@code prefetch} unsettled ones bounds it.
 *
 * <p>Threading: all methods are synchronized; the consumer's poll thread delivers, and the harness
 * may settle from any thread.
 *
 * @param <P> the partition type of the log (e.g. a Kafka {@code TopicPartition}); a value type with
 *     {@code equals} and {@code hashCode}
 */
public final class SettledOffsets<P> {
  private final Map<P, TreeMap<Long, Boolean>> pending = new HashMap<>();
  private final Map<P, Long> committable = new HashMap<>();
  private final Map<P, Long> rewinds = new HashMap<>();
  private int unsettled;

  /** Records the delivery of {@code offset}; it is unsettled until {@link #settle}. */
  public synchronized void delivered(P partition, long offset) {
    Boolean before = pending.computeIfAbsent(partition, p -> new TreeMap<>()).put(offset, Boolean.FALSE);
    if (before == null || before) unsettled++;
  }

  /**
   * Settles the delivery of {@code offset} and advances the commit point over the settled prefix.
   * Settling an offset not pending (already settled, rewound, or of a forgotten partition) does
   * nothing.
   *
   * @return whether this call settled a pending delivery
   */
  public synchronized boolean settle(P partition, long offset) {
    TreeMap<Long, Boolean> offsets = pending.get(partition);
    if (offsets == null) return false;
    Boolean before = offsets.get(offset);
    if (before == null || before) return false;
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
    return true;
  }

  /**
   * The lowest delivered offset of {@code partition} not yet settled, the point a commit may not
   * pass; empty when every delivery of it is settled (or none was recorded).
   */
  public synchronized OptionalLong firstUnsettled(P partition) {
    TreeMap<Long, Boolean> offsets = pending.get(partition);
    return offsets == null || offsets.isEmpty() ? OptionalLong.empty() : OptionalLong.of(offsets.firstKey());
  }

  /**
   * Forgets the deliveries at and after {@code offset} (they will be fetched again) and asks the
   * poll loop to seek there ({@link #takeRewinds}): a log's way to deliver a rejected record again.
   */
  public synchronized void rewind(P partition, long offset) {
    TreeMap<Long, Boolean> offsets = pending.get(partition);
    if (offsets != null) {
      Map<Long, Boolean> tail = offsets.tailMap(offset, true);
      for (Boolean settled : tail.values()) if (!settled) unsettled--;
      tail.clear();
    }
    rewinds.merge(partition, offset, Math::min);
  }

  /** Seek requests since the last call, lowest offset per partition; clears them. */
  public synchronized Map<P, Long> takeRewinds() {
    if (rewinds.isEmpty()) return Map.of();
    Map<P, Long> out = Map.copyOf(rewinds);
    rewinds.clear();
    return out;
  }

  /** Commit points (the offset to commit, i.e. the next to consume) advanced since the last call; clears them. */
  public synchronized Map<P, Long> takeCommittable() {
    if (committable.isEmpty()) return Map.of();
    Map<P, Long> out = Map.copyOf(committable);
    committable.clear();
    return out;
  }

  /**
   * Puts back commit points whose commit failed, so the next commit carries them again; a point
   * that has advanced since, or whose partition was forgotten, wins.
   */
  public synchronized void restoreCommittable(Map<P, Long> failed) {
    failed.forEach((partition, offset) -> {
      if (pending.containsKey(partition)) committable.merge(partition, offset, Math::max);
    });
  }

  /** Deliveries not yet settled, over all partitions; 0 or more. */
  public synchronized int unsettled() {
    return unsettled;
  }

  /** Drops all state of {@code partition} (revoked or lost in a rebalance). */
  public synchronized void forget(P partition) {
    TreeMap<Long, Boolean> offsets = pending.remove(partition);
    if (offsets != null) for (Boolean settled : offsets.values()) if (!settled) unsettled--;
    committable.remove(partition);
    rewinds.remove(partition);
  }
}
