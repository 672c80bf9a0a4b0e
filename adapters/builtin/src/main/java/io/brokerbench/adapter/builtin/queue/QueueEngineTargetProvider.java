package io.brokerbench.adapter.builtin.queue;

import io.brokerbench.engine.queue.EngineConfig;
import io.brokerbench.engine.queue.FsyncPolicy;
import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingSpec.Range;
import io.brokerbench.spi.SettingType;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.Target;
import io.brokerbench.spi.TargetContext;
import io.brokerbench.spi.TargetProvider;
import java.time.Duration;
import java.util.List;

/** Provides {@code queue-engine}: the built-in queue engine, embedded in the harness JVM. */
public final class QueueEngineTargetProvider implements TargetProvider {
  static final String NAME = "queue-engine";
  static final String DURABLE = "durable";
  static final String PERSISTENT = "persistent";
  static final String FSYNC = "fsync";
  static final String FSYNC_INTERVAL_MS = "fsyncIntervalMs";
  /** Not a setting: the fsync policy as the engine applies it, recorded in {@code TargetInfo.settings}. */
  static final String FSYNC_POLICY = "fsyncPolicy";
  static final String SEGMENT_SIZE = "segmentSize";
  static final String MAX_LENGTH = "maxLength";
  static final String OVERFLOW = "overflow";
  static final String TTL = "ttl";
  static final String DEAD_LETTER = "deadLetter";
  static final String DELIVERY_LIMIT = "deliveryLimit";
  static final String MANDATORY = "mandatory";
  static final String PREFETCH_SCOPE = "prefetchScope";
  static final String FLOW_LIMIT = "flowLimit";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Built-in broker in the RabbitMQ model (exchanges, queues, confirms, acks, journal), embedded in the harness JVM.";
  }

  @Override
  public List<SettingSpec> settings() {
    return List.of(
        SettingSpec.of(DURABLE, SettingType.BOOLEAN, "false",
            "declare durable exchanges and queues, kept in a journal under the run's work directory"),
        SettingSpec.of(PERSISTENT, SettingType.BOOLEAN, "false",
            "publish persistent messages (journaled, and confirmed per fsync, when the queue is durable)"),
        SettingSpec.choice(FSYNC, "always",
            "when the journal forces to the device: always (group commit), interval (every fsyncIntervalMs), never",
            "always", "interval", "never"),
        SettingSpec.integer(FSYNC_INTERVAL_MS, "200", 1, FsyncPolicy.MAX_INTERVAL_MILLIS,
            "milliseconds between forces with fsync: interval"),
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
            "dead-letter rejected, expired and dropped messages to a fanout exchange bb-<run>-dlx bound to queue bb-<run>-dead"),
        SettingSpec.integer(DELIVERY_LIMIT, "-1", Range.of(1, Integer.MAX_VALUE).or(-1, "no limit"),
            "most deliveries of one message before it is dead-lettered"),
        SettingSpec.of(MANDATORY, SettingType.BOOLEAN, "false",
            "publish mandatory: a message that reaches no queue fails its send"),
        SettingSpec.choice(PREFETCH_SCOPE, "consumer",
            "what the workload's prefetch bounds: consumer (a harness consumer across all its queues, basic.qos global)"
                + " or queue (each queue it consumes separately, RabbitMQ's default; the consumer may then hold"
                + " prefetch x queues, so the target no longer declares PREFETCH_BOUND)",
            "consumer", "queue"));
  }

  @Override
  public Target create(TargetContext context, Settings settings) {
    return new QueueEngineTarget(context, QueueEngineSettings.from(settings), settings);
  }
}
