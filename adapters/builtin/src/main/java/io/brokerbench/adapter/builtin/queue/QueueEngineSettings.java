package io.brokerbench.adapter.builtin.queue;

import static io.brokerbench.adapter.builtin.queue.QueueEngineTargetProvider.*;

import io.brokerbench.engine.queue.FsyncPolicy;
import io.brokerbench.engine.queue.Overflow;
import io.brokerbench.spi.Settings;

/**
 * The {@code queue-engine} settings of one run, parsed and checked.
 *
 * @param durable durable exchanges and queues
 * @param persistent persistent messages
 * @param fsync journal force policy
 * @param segmentBytes journal segment size in bytes
 * @param maxLength most ready messages per queue, or -1
 * @param overflow behaviour at maxLength
 * @param ttlMillis per-queue message TTL in milliseconds, or -1
 * @param deadLetter whether queues dead-letter to the run's dead-letter exchange
 * @param deliveryLimit most deliveries per message, or -1
 * @param mandatory publish mandatory
 * @param prefetchPerQueue the workload's prefetch bounds each queue's engine consumer, not the
 *     harness consumer as a whole
 * @param flowLimitBytes message bytes a queue holds before publishers block, 0 for none
 */
record QueueEngineSettings(boolean durable, boolean persistent, FsyncPolicy fsync, long segmentBytes, long maxLength,
    Overflow overflow, long ttlMillis, boolean deadLetter, int deliveryLimit, boolean mandatory, boolean prefetchPerQueue,
    long flowLimitBytes) {

  QueueEngineSettings {
    if (maxLength < -1) throw new IllegalArgumentException("setting maxLength must be >= 0 or -1 for none, was " + maxLength);
    if (deliveryLimit == 0 || deliveryLimit < -1) {
      throw new IllegalArgumentException("setting deliveryLimit must be >= 1 or -1 for none, was " + deliveryLimit);
    }
  }

  static QueueEngineSettings from(Settings s) {
    FsyncPolicy fsync = switch (s.getString(FSYNC)) {
      case "always" -> FsyncPolicy.always();
      case "never" -> FsyncPolicy.never();
      default -> FsyncPolicy.interval(s.getLong(FSYNC_INTERVAL_MS));
    };
    Overflow overflow = s.getString(OVERFLOW).equals("reject-publish") ? Overflow.REJECT_PUBLISH : Overflow.DROP_HEAD;
    long ttl = s.has(TTL) ? s.getDuration(TTL).toMillis() : -1;
    return new QueueEngineSettings(s.getBoolean(DURABLE), s.getBoolean(PERSISTENT), fsync, s.getBytes(SEGMENT_SIZE),
        s.getLong(MAX_LENGTH), overflow, ttl, s.getBoolean(DEAD_LETTER), s.getInt(DELIVERY_LIMIT), s.getBoolean(MANDATORY),
        s.getString(PREFETCH_SCOPE).equals("queue"), s.getBytes(FLOW_LIMIT));
  }
}
