package io.brokerbench.adapter.builtin.log;

import io.brokerbench.adapter.builtin.FsyncSetting;
import io.brokerbench.engine.log.Acks;
import io.brokerbench.engine.log.FsyncPolicy;
import io.brokerbench.engine.log.LogConfig;
import io.brokerbench.engine.log.ProducerConfig;
import io.brokerbench.engine.log.RecordBatch;
import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.Guarantee.ConfirmPoint;
import io.brokerbench.spi.Guarantee.Survival;
import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingSpec.Range;
import io.brokerbench.spi.SettingType;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.SettingsException;
import io.brokerbench.spi.TargetInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The settings of target {@code log-engine}, parsed.
 *
 * @param log engine-wide settings (segments, fsync, retention)
 * @param producer producer settings (batching, acks)
 * @param commitStrategy when consumers commit
 * @param commitInterval period of {@link CommitStrategy#AUTO} commits
 * @param assignment {@code plan}, {@code range}, {@code round-robin} or {@code sticky}
 * @param sessionTimeout group session timeout
 * @param maxPollRecords records per poll of a consumer
 */
record LogEngineSettings(LogConfig log, ProducerConfig producer, CommitStrategy commitStrategy, Duration commitInterval,
    String assignment, Duration sessionTimeout, int maxPollRecords) {

  /** When a consumer commits its offsets. */
  enum CommitStrategy {
    /** Every {@code consumer.auto-commit-interval}, like Kafka's enable.auto.commit. */
    AUTO,
    /** After every poll that delivered records (and when acknowledgements move the commit point). */
    AFTER_BATCH
  }

  /** The longest fsync interval: a timer, so {@link SettingSpec#LONGEST_TIMER}. */
  private static final Duration MAX_FSYNC_INTERVAL = SettingSpec.LONGEST_TIMER;

  static final String SEGMENT_SIZE = "segment.size";
  static final String ACKS = "producer.acks";
  static final String FSYNC = "fsync";
  static final String BATCH_SIZE = "producer.batch-size";
  static final String LINGER = "producer.linger";
  static final String COMMIT = "consumer.commit";
  static final String AUTO_COMMIT_INTERVAL = "consumer.auto-commit-interval";
  static final String ASSIGNMENT = "consumer.assignment";
  static final String SESSION_TIMEOUT = "consumer.session-timeout";
  static final String MAX_POLL_RECORDS = "consumer.max-poll-records";
  static final String RETENTION_SIZE = "retention.size";
  static final String RETENTION_TIME = "retention.time";
  static final String MIN_FREE_DISK = "min-free-disk";
  static final String COMPACTION = "compaction";
  static final String TOMBSTONE_RETENTION = "tombstone.retention";

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.size(SEGMENT_SIZE, "64MiB", LogConfig.MIN_SEGMENT_BYTES, LogConfig.MAX_SEGMENT_BYTES,
          "size at which a log segment is sealed and a new one started"),
      SettingSpec.choice(ACKS, "after-write",
          "when a send is confirmed: after-write (written to the page cache, as Kafka) or after-fsync (forced to disk)",
          "after-write", "after-fsync"),
      SettingSpec.text(FSYNC, "never", FsyncSetting.form(MAX_FSYNC_INTERVAL),
          "when the log is forced to disk: always (every batch), interval(d) (every d) or never (left to the OS, as Kafka)"),
      SettingSpec.size(BATCH_SIZE, "16KiB", ProducerConfig.MIN_BATCH_BYTES, RecordBatch.MAX_BATCH_BYTES,
          "producer batch size per partition (Kafka batch.size)"),
      SettingSpec.duration(LINGER, "5ms", Duration.ZERO, SettingSpec.LONGEST_TIMER,
          "how long a producer batch waits for more records (Kafka linger.ms)"),
      SettingSpec.choice(COMMIT, "after-batch", "when consumers commit offsets: after-batch (after every poll that"
          + " delivered) or auto (every consumer.auto-commit-interval)", "after-batch", "auto"),
      SettingSpec.duration(AUTO_COMMIT_INTERVAL, "5s", Duration.ofMillis(1), SettingSpec.LONGEST_TIMER,
          "period of commits with consumer.commit auto"),
      SettingSpec.choice(ASSIGNMENT, "plan", "partition assignment: plan (partition i to consumer i mod M, as the"
          + " topology plan), range, round-robin or sticky", "plan", "range", "round-robin", "sticky"),
      SettingSpec.duration(SESSION_TIMEOUT, "10s", Duration.ofMillis(1), SettingSpec.LONGEST_TIMER,
          "a consumer silent for longer leaves its group"),
      SettingSpec.integer(MAX_POLL_RECORDS, "500", 1, Integer.MAX_VALUE, "records handed out per poll (Kafka max.poll.records)"),
      SettingSpec.size(RETENTION_SIZE, null, Range.atLeast(0),
          "per partition: delete the oldest segments beyond this size; unlimited when unset"),
      SettingSpec.duration(RETENTION_TIME, null, Duration.ZERO, SettingSpec.LONGEST_DURATION,
          "delete segments whose newest record is older; unlimited when unset"),
      SettingSpec.size(MIN_FREE_DISK, "256MiB", Range.atLeast(0), "refuse to start a segment unless this much disk stays free"),
      SettingSpec.of(COMPACTION, SettingType.BOOLEAN, "false", "compact sealed segments: keep only the latest record of each key"),
      SettingSpec.duration(TOMBSTONE_RETENTION, "24h", Duration.ZERO, SettingSpec.LONGEST_DURATION,
          "with compaction: how long a tombstone (null value) is kept"));

  /**
   * Reads settings validated against {@link #SPECS}, which bound every value.
   *
   * @throws SettingsException for settings that contradict each other
   */
  static LogEngineSettings parse(Settings s) {
    FsyncSetting setting = FsyncSetting.parse(s.getString(FSYNC));
    FsyncPolicy fsync = switch (setting.kind()) {
      case ALWAYS -> FsyncPolicy.always();
      case NEVER -> FsyncPolicy.never();
      case INTERVAL -> FsyncPolicy.interval(setting.interval());
    };
    Acks acks = s.getString(ACKS).equals("after-fsync") ? Acks.AFTER_FSYNC : Acks.AFTER_WRITE;
    if (acks == Acks.AFTER_FSYNC && fsync.mode() == FsyncPolicy.Mode.NEVER) {
      throw new SettingsException(ACKS, "setting '" + ACKS + "' after-fsync needs fsync always or interval(d); fsync is never");
    }
    LogConfig log = LogConfig.defaults()
        .withSegmentBytes((int) s.getBytes(SEGMENT_SIZE))
        .withFsync(fsync)
        .withRetention(s.has(RETENTION_TIME) ? s.getDuration(RETENTION_TIME) : null,
            s.has(RETENTION_SIZE) ? s.getBytes(RETENTION_SIZE) : -1)
        .withRetentionCheckInterval(Duration.ofSeconds(5))
        .withMinFreeDiskBytes(s.getBytes(MIN_FREE_DISK))
        .withCompaction(s.getBoolean(COMPACTION), s.getDuration(TOMBSTONE_RETENTION));
    ProducerConfig producer = ProducerConfig.defaults().withBatchBytes((int) s.getBytes(BATCH_SIZE))
        .withLinger(s.getDuration(LINGER)).withAcks(acks);
    CommitStrategy commit = s.getString(COMMIT).equals("auto") ? CommitStrategy.AUTO : CommitStrategy.AFTER_BATCH;
    return new LogEngineSettings(log, producer, commit, s.getDuration(AUTO_COMMIT_INTERVAL), s.getString(ASSIGNMENT),
        s.getDuration(SESSION_TIMEOUT), s.getInt(MAX_POLL_RECORDS));
  }

  /**
   * What these settings promise about an acknowledged record. Every record is written to the log
   * files; the broker process is the harness JVM.
   *
   * <ul>
   *   <li>{@code fsync: always}: the append forces the batch before it is acknowledged, whatever
   *       {@code producer.acks} says; {@code producer.acks: after-fsync} with {@code fsync: interval(d)}: acknowledged
   *       once the flusher forced it. Either way every acknowledged record survives a kill and a
   *       power loss;
   *   <li>{@code producer.acks: after-write} with {@code fsync: interval(d)} or {@code never}: acknowledged
   *       once written to the page cache; a kill loses nothing acknowledged, a power loss loses
   *       what was not yet forced (at most the last interval with {@code interval}).
   * </ul>
   */
  Guarantee guarantee() {
    String basis = ACKS + "=" + acksSetting() + ", " + FSYNC + "=" + fsyncSetting();
    if (log.fsync().mode() == FsyncPolicy.Mode.ALWAYS || producer.acks() == Acks.AFTER_FSYNC) {
      return new Guarantee(ConfirmPoint.FSYNC, 1, Survival.ALL_CONFIRMED, Survival.ALL_CONFIRMED, basis);
    }
    return new Guarantee(ConfirmPoint.PAGE_CACHE, 1, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED, basis);
  }

  /**
   * The settings that have no effect in this run, each with its {@link TargetInfo#notApplicable}
   * value, to replace the value in {@link TargetInfo#settings()}: {@code producer.acks} under {@code fsync:
   * always}, which forces every batch before it is acknowledged.
   */
  Map<String, String> inapplicableSettings() {
    if (log.fsync().mode() != FsyncPolicy.Mode.ALWAYS) return Map.of();
    return Map.of(ACKS, TargetInfo.notApplicable("fsync always forces every batch before it is acknowledged"));
  }

  private String acksSetting() {
    return producer.acks() == Acks.AFTER_FSYNC ? "after-fsync" : "after-write";
  }

  /** {@code fsync} as a scenario writes it. */
  private String fsyncSetting() {
    FsyncPolicy fsync = log.fsync();
    return switch (fsync.mode()) {
      case ALWAYS -> "always";
      case NEVER -> "never";
      case INTERVAL -> new FsyncSetting(FsyncSetting.Kind.INTERVAL, fsync.interval()).toString();
    };
  }
}
