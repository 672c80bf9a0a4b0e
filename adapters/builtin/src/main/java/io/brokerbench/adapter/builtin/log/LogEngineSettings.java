package io.brokerbench.adapter.builtin.log;

import io.brokerbench.engine.log.Acks;
import io.brokerbench.engine.log.FsyncPolicy;
import io.brokerbench.engine.log.LogConfig;
import io.brokerbench.engine.log.ProducerConfig;
import io.brokerbench.engine.log.RecordBatch;
import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.Guarantee.ConfirmPoint;
import io.brokerbench.spi.Guarantee.Survival;
import io.brokerbench.spi.SettingSpec;
import io.brokerbench.spi.SettingSpec.Form;
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

  /** The longest fsync interval: a timer, so {@link SettingSpec#LONGEST_TIMER}. */
  private static final long MAX_FSYNC_INTERVAL_MILLIS = SettingSpec.LONGEST_TIMER.toMillis();

  /** {@link FsyncPolicy#parse}'s forms, the interval from 1 ms to {@link #MAX_FSYNC_INTERVAL_MILLIS}. */
  private static final Form FSYNC_FORM = Form.of(
      "always, never or interval(<ms>) with <ms> from 1 to " + MAX_FSYNC_INTERVAL_MILLIS, text -> {
        String intervalWrong = "the interval is not a whole number of milliseconds from 1 to " + MAX_FSYNC_INTERVAL_MILLIS;
        FsyncPolicy policy;
        try {
          policy = FsyncPolicy.parse(text);
        } catch (IllegalArgumentException e) {
          return text.strip().startsWith("interval(") ? intervalWrong : "not one of these";
        }
        return policy.interval().toMillis() > MAX_FSYNC_INTERVAL_MILLIS ? intervalWrong : null;
      });

  static final List<SettingSpec> SPECS = List.of(
      SettingSpec.size("segment.bytes", "64MiB", LogConfig.MIN_SEGMENT_BYTES, LogConfig.MAX_SEGMENT_BYTES,
          "size at which a log segment is sealed and a new one started"),
      SettingSpec.choice("acks", "afterWrite",
          "when a send is confirmed: afterWrite (written to the page cache, as Kafka) or afterFsync (forced to disk)",
          "afterWrite", "afterFsync"),
      SettingSpec.text("fsync", "never", FSYNC_FORM,
          "when the log is forced to disk: always (every batch), interval(<ms>) or never (left to the OS, as Kafka)"),
      SettingSpec.size("batch.bytes", "16KiB", ProducerConfig.MIN_BATCH_BYTES, RecordBatch.MAX_BATCH_BYTES,
          "producer batch size per partition (Kafka batch.size)"),
      SettingSpec.duration("batch.linger", "5ms", Duration.ZERO, SettingSpec.LONGEST_TIMER,
          "how long a producer batch waits for more records (Kafka linger.ms)"),
      SettingSpec.choice("commit.strategy", "afterBatch",
          "when consumers commit offsets: afterBatch (after every poll that delivered) or auto (every commit.interval)",
          "afterBatch", "auto"),
      SettingSpec.duration("commit.interval", "5s", Duration.ofMillis(1), SettingSpec.LONGEST_TIMER,
          "period of commits with commit.strategy auto"),
      SettingSpec.choice("assignment", "plan",
          "partition assignment: plan (partition i to consumer i mod M, as the topology plan), range, roundRobin or sticky",
          "plan", "range", "roundRobin", "sticky"),
      SettingSpec.duration("session.timeout", "10s", Duration.ofMillis(1), SettingSpec.LONGEST_TIMER,
          "a consumer silent for longer leaves its group"),
      SettingSpec.integer("max.poll.records", "500", 1, Integer.MAX_VALUE, "records handed out per poll (Kafka max.poll.records)"),
      SettingSpec.size("retention.bytes", null, Range.atLeast(0),
          "per partition: delete the oldest segments beyond this size; unlimited when unset"),
      SettingSpec.duration("retention.time", null, Duration.ZERO, SettingSpec.LONGEST_DURATION,
          "delete segments whose newest record is older; unlimited when unset"),
      SettingSpec.size("min.free.disk", "256MiB", Range.atLeast(0), "refuse to start a segment unless this much disk stays free"),
      SettingSpec.of("compaction", SettingType.BOOLEAN, "false", "compact sealed segments: keep only the latest record of each key"),
      SettingSpec.duration("tombstone.retention", "24h", Duration.ZERO, SettingSpec.LONGEST_DURATION,
          "with compaction: how long a tombstone (null value) is kept"));

  /**
   * Reads settings validated against {@link #SPECS}, which bound every value.
   *
   * @throws SettingsException for settings that contradict each other
   */
  static LogEngineSettings parse(Settings s) {
    FsyncPolicy fsync = FsyncPolicy.parse(s.getString("fsync"));
    Acks acks = Acks.parse(s.getString("acks"));
    if (acks == Acks.AFTER_FSYNC && fsync.mode() == FsyncPolicy.Mode.NEVER) {
      throw new SettingsException("acks", "setting 'acks' afterFsync needs fsync always or interval(<ms>); fsync is never");
    }
    LogConfig log = LogConfig.defaults()
        .withSegmentBytes((int) s.getBytes("segment.bytes"))
        .withFsync(fsync)
        .withRetention(s.has("retention.time") ? s.getDuration("retention.time") : null,
            s.has("retention.bytes") ? s.getBytes("retention.bytes") : -1)
        .withRetentionCheckInterval(Duration.ofSeconds(5))
        .withMinFreeDiskBytes(s.getBytes("min.free.disk"))
        .withCompaction(s.getBoolean("compaction"), s.getDuration("tombstone.retention"));
    ProducerConfig producer = ProducerConfig.defaults().withBatchBytes((int) s.getBytes("batch.bytes"))
        .withLinger(s.getDuration("batch.linger")).withAcks(acks);
    CommitStrategy commit = s.getString("commit.strategy").equals("auto") ? CommitStrategy.AUTO : CommitStrategy.AFTER_BATCH;
    return new LogEngineSettings(log, producer, commit, s.getDuration("commit.interval"), s.getString("assignment"),
        s.getDuration("session.timeout"), s.getInt("max.poll.records"));
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
