package io.brokerbench.adapter.builtin.log;

import io.brokerbench.engine.log.Acks;
import io.brokerbench.engine.log.FsyncPolicy;
import io.brokerbench.engine.log.LogConfig;
import io.brokerbench.engine.log.ProducerConfig;
import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.Guarantee.ConfirmPoint;
import io.brokerbench.spi.Guarantee.Survival;
import io.brokerbench.spi.SettingSpec;
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
 * @param assignment {@code plan}, {@code range}, {@code roundRobin} or {@code sticky}
 * @param sessionTimeout group session timeout
 * @param maxPollRecords records per poll of a consumer
 */
record LogEngineSettings(LogConfig log, ProducerConfig producer, CommitStrategy commitStrategy, Duration commitInterval,
    String assignment, Duration sessionTimeout, int maxPollRecords) {

  /** When a consumer commits its offsets. */
  enum CommitStrategy {
    /** Every {@code commit.interval}, like Kafka's enable.auto.commit. */
    AUTO,
    /** After every poll that delivered records (and when acknowledgements move the commit point). */
    AFTER_BATCH
  }

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.of("segment.bytes", SettingType.SIZE, "64MiB", "size at which a log segment is sealed and a new one started (1KiB to 1GiB)"),
      SettingSpec.choice("acks", "afterWrite",
          "when a send is confirmed: afterWrite (written to the page cache, as Kafka) or afterFsync (forced to disk)",
          "afterWrite", "afterFsync"),
      SettingSpec.of("fsync", SettingType.STRING, "never",
          "when the log is forced to disk: always (every batch), interval(<ms>) or never (left to the OS, as Kafka)"),
      SettingSpec.of("batch.bytes", SettingType.SIZE, "16KiB", "producer batch size per partition (Kafka batch.size)"),
      SettingSpec.of("batch.linger", SettingType.DURATION, "5ms", "how long a producer batch waits for more records (Kafka linger.ms)"),
      SettingSpec.choice("commit.strategy", "afterBatch",
          "when consumers commit offsets: afterBatch (after every poll that delivered) or auto (every commit.interval)",
          "afterBatch", "auto"),
      SettingSpec.of("commit.interval", SettingType.DURATION, "5s", "period of commits with commit.strategy auto"),
      SettingSpec.choice("assignment", "plan",
          "partition assignment: plan (partition i to consumer i mod M, as the topology plan), range, roundRobin or sticky",
          "plan", "range", "roundRobin", "sticky"),
      SettingSpec.of("session.timeout", SettingType.DURATION, "10s", "a consumer silent for longer leaves its group"),
      SettingSpec.of("max.poll.records", SettingType.INTEGER, "500", "records handed out per poll (Kafka max.poll.records)"),
      SettingSpec.of("retention.bytes", SettingType.SIZE, null, "per partition: delete the oldest segments beyond this size; unlimited when unset"),
      SettingSpec.of("retention.time", SettingType.DURATION, null, "delete segments whose newest record is older; unlimited when unset"),
      SettingSpec.of("min.free.disk", SettingType.SIZE, "256MiB", "refuse to start a segment unless this much disk stays free"),
      SettingSpec.of("compaction", SettingType.BOOLEAN, "false", "compact sealed segments: keep only the latest record of each key"),
      SettingSpec.of("tombstone.retention", SettingType.DURATION, "24h", "with compaction: how long a tombstone (null value) is kept"));

  static LogEngineSettings parse(Settings s) {
    FsyncPolicy fsync;
    try {
      fsync = FsyncPolicy.parse(s.getString("fsync"));
    } catch (IllegalArgumentException e) {
      throw new SettingsException("fsync", "setting 'fsync' expects always, never or interval(<ms>), found '" + s.getString("fsync") + "'");
    }
    Acks acks = Acks.parse(s.getString("acks"));
    if (acks == Acks.AFTER_FSYNC && fsync.mode() == FsyncPolicy.Mode.NEVER) {
      throw new SettingsException("acks", "setting 'acks' afterFsync needs fsync always or interval(<ms>); fsync is never");
    }
    long segment = s.getBytes("segment.bytes");
    if (segment < 1024 || segment > (1L << 30)) {
      throw new SettingsException("segment.bytes", "setting 'segment.bytes' must be between 1KiB and 1GiB, found " + segment);
    }
    LogConfig log = LogConfig.defaults()
        .withSegmentBytes((int) segment)
        .withFsync(fsync)
        .withRetention(s.has("retention.time") ? s.getDuration("retention.time") : null,
            s.has("retention.bytes") ? s.getBytes("retention.bytes") : -1)
        .withRetentionCheckInterval(Duration.ofSeconds(5))
        .withMinFreeDiskBytes(s.getBytes("min.free.disk"))
        .withCompaction(s.getBoolean("compaction"), s.getDuration("tombstone.retention"));
    long batch = s.getBytes("batch.bytes");
    if (batch < 64 || batch > (64L << 20)) {
      throw new SettingsException("batch.bytes", "setting 'batch.bytes' must be between 64B and 64MiB, found " + batch);
    }
    ProducerConfig producer = ProducerConfig.defaults().withBatchBytes((int) batch).withLinger(s.getDuration("batch.linger")).withAcks(acks);
    CommitStrategy commit = s.getString("commit.strategy").equals("auto") ? CommitStrategy.AUTO : CommitStrategy.AFTER_BATCH;
    Duration commitInterval = s.getDuration("commit.interval");
    Duration session = s.getDuration("session.timeout");
    if (session.toMillis() < 1 || commitInterval.toMillis() < 1) {
      throw new SettingsException("session.timeout", "setting 'session.timeout' and 'commit.interval' must be at least 1ms");
    }
    int maxPoll = s.getInt("max.poll.records");
    if (maxPoll < 1) throw new SettingsException("max.poll.records", "setting 'max.poll.records' must be at least 1, found " + maxPoll);
    return new LogEngineSettings(log, producer, commit, commitInterval, s.getString("assignment"), session, maxPoll);
  }

  /**
   * What these settings promise about an acknowledged record. Every record is written to the log
   * files; the broker process is the harness JVM.
   *
   * <ul>
   *   <li>{@code fsync: always}: the append forces the batch before it is acknowledged, whatever
   *       {@code acks} says; {@code acks: afterFsync} with {@code fsync: interval(ms)}: acknowledged
   *       once the flusher forced it. Either way every acknowledged record survives a kill and a
   *       power loss;
   *   <li>{@code acks: afterWrite} with {@code fsync: interval(ms)} or {@code never}: acknowledged
   *       once written to the page cache; a kill loses nothing acknowledged, a power loss loses
   *       what was not yet forced (at most the last interval with {@code interval}).
   * </ul>
   */
  Guarantee guarantee() {
    String basis = "acks=" + acksSetting() + ", fsync=" + log.fsync();
    if (log.fsync().mode() == FsyncPolicy.Mode.ALWAYS || producer.acks() == Acks.AFTER_FSYNC) {
      return new Guarantee(ConfirmPoint.FSYNC, 1, Survival.ALL_CONFIRMED, Survival.ALL_CONFIRMED, basis);
    }
    return new Guarantee(ConfirmPoint.PAGE_CACHE, 1, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED, basis);
  }

  /**
   * The settings that have no effect in this run, each with its {@link TargetInfo#notApplicable}
   * value, to replace the value in {@link TargetInfo#settings()}: {@code acks} under {@code fsync:
   * always}, which forces every batch before it is acknowledged.
   */
  Map<String, String> inapplicableSettings() {
    if (log.fsync().mode() != FsyncPolicy.Mode.ALWAYS) return Map.of();
    return Map.of("acks", TargetInfo.notApplicable("fsync always forces every batch before it is acknowledged"));
  }

  private String acksSetting() {
    return producer.acks() == Acks.AFTER_FSYNC ? "afterFsync" : "afterWrite";
  }
}
