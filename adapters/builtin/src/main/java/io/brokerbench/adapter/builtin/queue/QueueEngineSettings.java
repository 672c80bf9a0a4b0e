package io.brokerbench.adapter.builtin.queue;

import static io.brokerbench.adapter.builtin.queue.QueueEngineTargetProvider.*;

import io.brokerbench.engine.queue.FsyncPolicy;
import io.brokerbench.engine.queue.Overflow;
import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.Guarantee.ConfirmPoint;
import io.brokerbench.spi.Guarantee.Survival;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.TargetInfo;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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

  /** Reads settings validated against {@link QueueEngineTargetProvider#settings()}, which bound every value. */
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

  /**
   * Why the journal holds no message in this run, or empty when it does. The engine journals a
   * message only when it is persistent and reaches a durable queue; without that, {@code fsync},
   * {@code fsyncIntervalMs} and {@code segmentSize} have no effect, and neither has {@code
   * persistent} when no queue is durable.
   */
  Optional<String> unjournaledReason() {
    if (!persistent) return Optional.of("no message is persistent");
    if (!durable) return Optional.of("no queue is durable");
    return Optional.empty();
  }

  /**
   * What these settings promise about a confirmed message. The broker process is the harness JVM.
   *
   * <ul>
   *   <li>not journaled (transient messages or transient queues): confirmed on receipt, in memory;
   *       a kill or power loss loses every message;
   *   <li>journaled, {@code fsync} {@code always} or {@code interval}: confirmed after the journal
   *       force that covers the record; every confirmed message survives a kill and a power loss;
   *   <li>journaled, {@code fsync} {@code never}: confirmed once the record is written to the
   *       operating system (page cache); a kill loses nothing confirmed, a power loss loses what
   *       the OS had not yet written back.
   * </ul>
   */
  Guarantee guarantee() {
    String basis = "durable=" + durable + ", persistent=" + persistent;
    if (unjournaledReason().isPresent()) return Guarantee.inMemory(basis);
    basis += ", fsync=" + fsync;
    return switch (fsync.kind()) {
      case ALWAYS, INTERVAL -> new Guarantee(ConfirmPoint.FSYNC, 1, Survival.ALL_CONFIRMED, Survival.ALL_CONFIRMED, basis);
      case NEVER -> new Guarantee(ConfirmPoint.PAGE_CACHE, 1, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED, basis);
    };
  }

  /**
   * The settings that have no effect in this run, each with its {@link TargetInfo#notApplicable}
   * value, to replace the value in {@link TargetInfo#settings()}; the derived {@code fsyncPolicy}
   * included.
   */
  Map<String, String> inapplicableSettings() {
    Map<String, String> out = new TreeMap<>();
    Optional<String> unjournaled = unjournaledReason();
    if (unjournaled.isPresent()) {
      String na = TargetInfo.notApplicable(unjournaled.get());
      for (String name : new String[] {FSYNC, FSYNC_INTERVAL_MS, FSYNC_POLICY, SEGMENT_SIZE}) out.put(name, na);
      if (!durable) out.put(PERSISTENT, na);
    } else if (fsync.kind() != FsyncPolicy.Kind.INTERVAL) {
      out.put(FSYNC_INTERVAL_MS, TargetInfo.notApplicable("fsync is " + fsync));
    }
    return out;
  }
}
