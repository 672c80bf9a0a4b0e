package io.brokerbench.adapter.builtin.log;

import io.brokerbench.engine.log.DeliveryLimitListener;
import io.brokerbench.engine.log.LogException;
import io.brokerbench.engine.log.PartitionLog;
import io.brokerbench.engine.log.RecordBatch;
import io.brokerbench.engine.log.TopicPartition;
import io.brokerbench.spi.RemovalListener;
import io.brokerbench.spi.RemovalReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reports the records share groups removed without a delivery that counts: archived at the delivery
 * count limit ({@link RemovalReason#DELIVERY_LIMIT}, told by the engine as its {@link
 * DeliveryLimitListener}) and rejected without requeue ({@link RemovalReason#REJECTED}, told by the
 * consumer whose reject was applied). The engine names a record by group, partition and offset; the
 * payload the harness needs is read back from the partition's log when the removal is reported.
 *
 * <p>Thread-safe: the engine calls {@link #archived} from polls, acknowledgements, closes and its
 * scheduler, concurrently. Nothing is read while nobody watches. A record no longer in the log
 * (deleted by retention or compacted away) cannot be reported and is skipped.
 */
final class LogRemovals implements DeliveryLimitListener {
  private static final System.Logger LOG = System.getLogger(LogRemovals.class.getName());
  /** Bytes read from the log per lookup; a larger batch is still read whole. */
  private static final int READ_BYTES = 1 << 20;

  private final Function<TopicPartition, PartitionLog> logs;
  private final Map<String, Integer> subscriptionOfGroup = new ConcurrentHashMap<>();
  private volatile RemovalListener listener;

  /** @param logs the log of a partition, as {@link io.brokerbench.engine.log.LogEngine#partition} */
  LogRemovals(Function<TopicPartition, PartitionLog> logs) {
    this.logs = logs;
  }

  /** Records of share group {@code group} are removed from subscription {@code subscription}. */
  void register(String group, int subscription) {
    subscriptionOfGroup.put(group, subscription);
  }

  /** Reports to {@code l} until the returned handle is closed. */
  AutoCloseable watch(RemovalListener l) {
    listener = l;
    return () -> {
      if (listener == l) listener = null;
    };
  }

  @Override
  public void archived(String group, TopicPartition partition, long offset, int deliveryCount) {
    removed(group, partition, offset, RemovalReason.DELIVERY_LIMIT);
  }

  /** A member of {@code group} rejected the record without requeue, and the group archived it. */
  void rejected(String group, TopicPartition partition, long offset) {
    removed(group, partition, offset, RemovalReason.REJECTED);
  }

  private void removed(String group, TopicPartition partition, long offset, RemovalReason reason) {
    RemovalListener l = listener;
    Integer subscription = subscriptionOfGroup.get(group);
    if (l == null || subscription == null) return;
    byte[] value;
    try {
      value = valueAt(logs.apply(partition), offset);
    } catch (IOException | LogException | IllegalArgumentException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot read " + partition + "@" + offset + " removed by share group " + group
          + " (" + reason.id() + "): " + e);
      return;
    }
    if (value == null) {
      LOG.log(System.Logger.Level.WARNING, partition + "@" + offset + " removed by share group " + group + " ("
          + reason.id() + ") is no longer in the log: not reported");
      return;
    }
    l.onRemoved(subscription, value, value.length, reason);
  }

  /**
   * A copy of the value of the record at {@code offset}, or null when the log holds no such record
   * (below its start, compacted away, at its end) or its value is null.
   */
  static byte[] valueAt(PartitionLog log, long offset) throws IOException {
    if (offset < log.logStartOffset() || offset >= log.endOffset()) return null;
    ByteBuffer buf = log.read(offset, READ_BYTES, null, null);
    int limit = buf.limit();
    int p = 0;
    byte[][] found = new byte[1][];
    while (p + RecordBatch.LOG_OVERHEAD <= limit) {
      int size = RecordBatch.sizeAt(buf, p);
      if (p + size > limit) break;
      if (RecordBatch.baseOffset(buf, p) > offset) return null;
      if (RecordBatch.lastOffset(buf, p) >= offset) {
        RecordBatch.forEachRecord(buf, p, offset, (o, ts, b, rp) -> {
          if (o == offset) found[0] = RecordBatch.value(b, rp);
        });
        return found[0];
      }
      p += size;
    }
    return null;
  }
}
