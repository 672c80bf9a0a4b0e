package io.brokerbench.adapter.builtin.queue;

import io.brokerbench.adapter.builtin.FsyncSetting;
import io.brokerbench.engine.queue.EngineConfig;
import io.brokerbench.engine.queue.FsyncPolicy;
import io.brokerbench.engine.queue.Overflow;
import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.Guarantee.ConfirmPoint;
import io.brokerbench.spi.Guarantee.Survival;
import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingSpec.Range;
import io.brokerbench.spi.SettingType;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.TargetInfo;
import java.time.Duration;
import java.util.List;
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

  static final String DURABLE = "queue.durable";
  static final String PERSISTENT = "message.persistent";
  static final String FSYNC = "fsync";
  static final String SEGMENT_SIZE = "segment.size";
  static final String FLOW_LIMIT = "queue.flow-limit";
  static final String MAX_LENGTH = "queue.max-length";
  static final String OVERFLOW = "queue.overflow";
  static final String TTL = "queue.message-ttl";
  static final String DEAD_LETTER = "queue.dead-letter";
  static final String DELIVERY_LIMIT = "queue.delivery-limit";
  static final String MANDATORY = "producer.mandatory";
  static final String PREFETCH_SCOPE = "consumer.prefetch-scope";

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.of(DURABLE, SettingType.BOOLEAN, "false",
          "declare durable exchanges and queues, kept in a journal under the run's work directory"),
      SettingSpec.of(PERSISTENT, SettingType.BOOLEAN, "false",
          "publish persistent messages (journaled, and confirmed per fsync, when the queue is durable)"),
      SettingSpec.text(FSYNC, "always", FsyncSetting.form(Duration.ofMillis(FsyncPolicy.MAX_INTERVAL_MILLIS)),
          "when the journal forces to the device: always (group commit), interval(d) (every d), never"),
      SettingSpec.size(SEGMENT_SIZE, "64MiB", EngineConfig.MIN_SEGMENT_BYTES, EngineConfig.MAX_SEGMENT_BYTES,
          "journal segment file size"),
      SettingSpec.size(FLOW_LIMIT, "16MiB", Range.atLeast(0),
          "flow control: a queue holding this many message bytes (ready and unacked) blocks publishers until"
              + " consumers catch up, as RabbitMQ's flow control does; 0B for none (queues then grow without bound)"),
      SettingSpec.integer(MAX_LENGTH, "-1", Range.atLeast(0).or(-1, "no limit"), "most ready messages per queue"),
      SettingSpec.choice(OVERFLOW, "drop-head", "what a full queue does: drop-head or reject-publish",
          "drop-head", "reject-publish"),
      SettingSpec.millis(TTL, null, Duration.ZERO, SettingSpec.LONGEST_DURATION,
          "per-queue message TTL (e.g. 10s); none when absent"),
      SettingSpec.of(DEAD_LETTER, SettingType.BOOLEAN, "false",
          "dead-letter rejected, expired and dropped messages to a fanout exchange bb-<run>-dlx bound to queue bb-<run>-dead,"
              + " which the target reads to count them as removed; on whenever a limit is set"),
      SettingSpec.integer(DELIVERY_LIMIT, "-1", Range.of(1, Integer.MAX_VALUE).or(-1, "no limit"),
          "most deliveries of one message before it is dead-lettered"),
      SettingSpec.of(MANDATORY, SettingType.BOOLEAN, "false",
          "publish mandatory: a message that reaches no queue fails its send"),
      SettingSpec.choice(PREFETCH_SCOPE, "consumer",
          "what the workload's prefetch bounds: consumer (a harness consumer across all its queues, basic.qos global)"
              + " or queue (each queue it consumes separately, RabbitMQ's default; the consumer may then hold"
              + " prefetch x queues, so the target no longer declares PREFETCH_BOUND)",
          "consumer", "queue"));

  /**
   * Whether queues dead-letter into the run's dead-letter queue: when {@code queue.dead-letter} asks,
   * and whenever a limit can remove messages (a maximum length that drops, a TTL, a delivery limit),
   * so that every removal is seen and counted as removed, not lost.
   */
  boolean deadLetters() {
    return deadLetter || (maxLength >= 0 && overflow == Overflow.DROP_HEAD) || ttlMillis >= 0 || deliveryLimit >= 1;
  }

  /** Reads settings validated against {@link #SPECS}, which bound every value. */
  static QueueEngineSettings from(Settings s) {
    FsyncSetting setting = FsyncSetting.parse(s.getString(FSYNC));
    FsyncPolicy fsync = switch (setting.kind()) {
      case ALWAYS -> FsyncPolicy.always();
      case NEVER -> FsyncPolicy.never();
      case INTERVAL -> FsyncPolicy.interval(setting.interval().toMillis());
    };
    Overflow overflow = s.getString(OVERFLOW).equals("reject-publish") ? Overflow.REJECT_PUBLISH : Overflow.DROP_HEAD;
    long ttl = s.has(TTL) ? s.getDuration(TTL).toMillis() : -1;
    return new QueueEngineSettings(s.getBoolean(DURABLE), s.getBoolean(PERSISTENT), fsync, s.getBytes(SEGMENT_SIZE),
        s.getLong(MAX_LENGTH), overflow, ttl, s.getBoolean(DEAD_LETTER), s.getInt(DELIVERY_LIMIT), s.getBoolean(MANDATORY),
        s.getString(PREFETCH_SCOPE).equals("queue"), s.getBytes(FLOW_LIMIT));
  }

  /**
   * Why the journal holds no message in this run, or empty when it does. The engine journals a
   * message only when it is persistent and reaches a durable queue; without that, {@code fsync}
   * and {@code segment.size} have no effect, and neither has {@code message.persistent} when no
   * queue is durable.
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
   *   <li>journaled, {@code fsync} {@code always} or {@code interval(d)}: confirmed after the journal
   *       force that covers the record; every confirmed message survives a kill and a power loss;
   *   <li>journaled, {@code fsync} {@code never}: confirmed once the record is written to the
   *       operating system (page cache); a kill loses nothing confirmed, a power loss loses what
   *       the OS had not yet written back.
   * </ul>
   */
  Guarantee guarantee() {
    String basis = DURABLE + "=" + durable + ", " + PERSISTENT + "=" + persistent;
    if (unjournaledReason().isPresent()) return Guarantee.inMemory(basis);
    basis += ", fsync=" + fsync;
    return switch (fsync.kind()) {
      case ALWAYS, INTERVAL -> new Guarantee(ConfirmPoint.FSYNC, 1, Survival.ALL_CONFIRMED, Survival.ALL_CONFIRMED, basis);
      case NEVER -> new Guarantee(ConfirmPoint.PAGE_CACHE, 1, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED, basis);
    };
  }

  /**
   * The settings that have no effect in this run, each with its {@link TargetInfo#notApplicable}
   * value, to replace the value in {@link TargetInfo#settings()}.
   */
  Map<String, String> inapplicableSettings() {
    Map<String, String> out = new TreeMap<>();
    Optional<String> unjournaled = unjournaledReason();
    if (unjournaled.isPresent()) {
      String na = TargetInfo.notApplicable(unjournaled.get());
      for (String name : new String[] {FSYNC, SEGMENT_SIZE}) out.put(name, na);
      if (!durable) out.put(PERSISTENT, na);
    }
    return out;
  }
}
