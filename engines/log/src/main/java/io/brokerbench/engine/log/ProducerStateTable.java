package io.brokerbench.engine.log;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-partition memory of idempotent producers: for each producer id, the last sequence number
 * appended and the offsets of its last {@value #RECENT_BATCHES} batches, so that a retried batch is
 * recognised and answered with its original offsets instead of being appended twice.
 *
 * <p>Bounded: at most {@value #MAX_PRODUCERS} producer ids, least recently used evicted first. An
 * unknown producer id (new, evicted, or lost with an older segment) is accepted at any sequence.
 * Rebuilt on open from the batches of the active segment.
 *
 * <p>Not thread-safe: used under the partition's append lock.
 */
final class ProducerStateTable {
  static final int RECENT_BATCHES = 5;
  static final int MAX_PRODUCERS = 1024;

  /** Offsets of a batch appended earlier. */
  record AppendedBatch(int baseSequence, int lastSequence, long baseOffset, long lastOffset) {}

  private static final class Entry {
    int lastSequence;
    final ArrayDeque<AppendedBatch> recent = new ArrayDeque<>(RECENT_BATCHES);
  }

  private final Map<Long, Entry> producers = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
      return size() > MAX_PRODUCERS;
    }
  };

  long maxProducerId() {
    long max = -1;
    for (Long id : producers.keySet()) max = Math.max(max, id);
    return max;
  }

  /**
   * Checks a batch before it is appended.
   *
   * @return the earlier batch when this one is a retry of it (do not append), null to append
   * @throws OutOfOrderSequenceException when the sequence neither follows nor repeats a recent batch
   */
  AppendedBatch check(TopicPartition tp, long producerId, int baseSequence, int count) {
    Entry e = producers.get(producerId);
    if (e == null) return null;
    if (baseSequence == e.lastSequence + 1) return null;
    int lastSequence = baseSequence + count - 1;
    for (AppendedBatch b : e.recent) {
      if (b.baseSequence == baseSequence && b.lastSequence == lastSequence) return b;
    }
    throw new OutOfOrderSequenceException(tp + ": producer " + producerId + " sent sequence " + baseSequence
        + ", expected " + (e.lastSequence + 1) + " (or a retry of one of its last " + RECENT_BATCHES + " batches)");
  }

  /** Records an appended batch. */
  void record(long producerId, int baseSequence, int count, long baseOffset, long lastOffset) {
    Entry e = producers.computeIfAbsent(producerId, id -> new Entry());
    int lastSequence = baseSequence + count - 1;
    e.lastSequence = lastSequence;
    if (e.recent.size() == RECENT_BATCHES) e.recent.removeFirst();
    e.recent.addLast(new AppendedBatch(baseSequence, lastSequence, baseOffset, lastOffset));
  }

  /** Records a batch found during recovery. */
  void restore(long producerId, int baseSequence, int count, long baseOffset, long lastOffset) {
    record(producerId, baseSequence, count, baseOffset, lastOffset);
  }

  /** Forgets batches at or after {@code offset} (after a truncation). */
  void truncateFrom(long offset) {
    Iterator<Map.Entry<Long, Entry>> it = producers.entrySet().iterator();
    while (it.hasNext()) {
      Entry e = it.next().getValue();
      while (!e.recent.isEmpty() && e.recent.peekLast().lastOffset() >= offset) e.recent.removeLast();
      if (e.recent.isEmpty()) {
        it.remove();
      } else {
        e.lastSequence = e.recent.peekLast().lastSequence();
      }
    }
  }
}
