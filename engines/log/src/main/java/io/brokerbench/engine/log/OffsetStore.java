package io.brokerbench.engine.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Committed consumer-group offsets, kept in memory and made durable in an internal single-partition
 * log ({@value #TOPIC}-0) in the ordinary segment format.
 *
 * <h2>Offsets log records</h2>
 * One batch per commit (so a commit is all or nothing after a crash); each record:
 * <pre>
 * key   = UTF-8 of  group + '\0' + topic + '\0' + partition (decimal)
 * value = 16 bytes: committed offset int64 (the next record to consume), commit time int64 (ms)
 * </pre>
 * Example: group {@code g} commits offset 42 for {@code orders-3} at time 1700000000000: key bytes
 * {@code 67 00 6f 72 64 65 72 73 00 33}, value {@code 00 00 00 00 00 00 00 2a 00 00 01 8b cf e5 68 00}.
 *
 * <h2>Bounded</h2>
 * When the offsets log has more than two segments, the whole current map is appended as one
 * snapshot batch and every segment before it is deleted, so the log holds at most about two
 * segments plus one snapshot.
 *
 * <h2>Recovery</h2>
 * On open the log is recovered like any partition (torn tail cut off) and replayed from its start;
 * the last record for a key wins.
 *
 * <p>Thread-safe: commits are serialized by this object's lock; reads of the map are lock-free.
 */
final class OffsetStore {
  static final String TOPIC = "__consumer_offsets";

  private final PartitionLog log;
  private final Time time;
  private final Map<String, Map<TopicPartition, Long>> committed = new ConcurrentHashMap<>();
  private final BatchBuilder builder = new BatchBuilder(64 << 10, false);

  OffsetStore(PartitionLog log, Time time) throws IOException {
    this.log = log;
    this.time = time;
    replay();
  }

  private void replay() throws IOException {
    long offset = log.logStartOffset();
    FetchCursor cursor = new FetchCursor();
    ByteBuffer buf = null;
    while (offset < log.endOffset()) {
      buf = log.read(offset, 1 << 20, buf, cursor);
      if (!buf.hasRemaining()) break;
      long next = RecordBatch.nextOffsetAfter(buf);
      for (ConsumerRecord r : RecordBatch.decodeAll(log.partition(), buf, offset)) {
        apply(r.record().key(), r.record().value());
      }
      offset = next;
    }
  }

  private void apply(byte[] key, byte[] value) {
    String[] parts = new String(key, StandardCharsets.UTF_8).split("\0", -1);
    if (parts.length != 3) return;
    TopicPartition tp = new TopicPartition(parts[1], Integer.parseInt(parts[2]));
    Map<TopicPartition, Long> group = committed.computeIfAbsent(parts[0], g -> new ConcurrentHashMap<>());
    if (value == null) {
      group.remove(tp);
    } else {
      group.put(tp, ByteBuffer.wrap(value).getLong(0));
    }
  }

  /** Committed offset of {@code tp} for {@code group}, or -1 when none. */
  long committed(String group, TopicPartition tp) {
    Map<TopicPartition, Long> g = committed.get(group);
    Long v = g == null ? null : g.get(tp);
    return v == null ? -1 : v;
  }

  /** Every committed offset of {@code group}. */
  Map<TopicPartition, Long> committed(String group) {
    Map<TopicPartition, Long> g = committed.get(group);
    return g == null ? Map.of() : Map.copyOf(g);
  }

  /**
   * Appends the offsets as one batch (forced per the engine's fsync policy, as any log), then
   * publishes them.
   */
  synchronized void commit(String group, Map<TopicPartition, Long> offsets) throws IOException {
    if (offsets.isEmpty()) return;
    long now = time.millis();
    builder.reset();
    for (Map.Entry<TopicPartition, Long> e : offsets.entrySet()) {
      builder.append(key(group, e.getKey()), value(e.getValue(), now), List.of(), now);
    }
    log.append(builder.build(-1, (short) -1, -1));
    Map<TopicPartition, Long> g = committed.computeIfAbsent(group, x -> new ConcurrentHashMap<>());
    g.putAll(offsets);
    if (log.segmentCount() > 2) snapshot(now);
  }

  private void snapshot(long now) throws IOException {
    builder.reset();
    Map<String, Map<TopicPartition, Long>> copy = new HashMap<>();
    committed.forEach((g, m) -> copy.put(g, new HashMap<>(m)));
    long snapshotOffset = log.endOffset();
    for (Map.Entry<String, Map<TopicPartition, Long>> g : copy.entrySet()) {
      for (Map.Entry<TopicPartition, Long> e : g.getValue().entrySet()) {
        builder.append(key(g.getKey(), e.getKey()), value(e.getValue(), now), List.of(), now);
      }
    }
    if (builder.isEmpty()) return;
    AppendResult r = log.append(builder.build(-1, (short) -1, -1));
    log.flush();
    log.deleteSegmentsBefore(Math.min(snapshotOffset, r.baseOffset()));
  }

  private static byte[] key(String group, TopicPartition tp) {
    return (group + "\0" + tp.topic() + "\0" + tp.partition()).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] value(long offset, long nowMs) {
    return ByteBuffer.allocate(16).putLong(offset).putLong(nowMs).array();
  }

  PartitionLog log() {
    return log;
  }
}
