package io.brokerbench.engine.log;

import java.time.Duration;

/**
 * Engine-wide settings; every topic uses them.
 *
 * @param segmentBytes size at which the active segment is sealed and a new one started, 1 KiB to 1 GiB
 *     (a batch larger than this gets a segment of its own)
 * @param indexIntervalBytes log bytes between two index entries, 64 B to segmentBytes
 * @param fsync when log bytes are forced to disk
 * @param retentionTime segments whose newest record is older than this are deleted; null keeps them
 * @param retentionBytes per partition: oldest segments are deleted while the rest still hold at
 *     least this many bytes; -1 keeps them
 * @param retentionCheckInterval how often the background task applies retention, at least 1 ms
 * @param minFreeDiskBytes a new segment is started only when the disk keeps at least this many bytes
 *     free after the segment fills; 0 or more
 * @param compact whether sealed segments are compacted (only the latest record of each key kept),
 *     every {@code retentionCheckInterval}; retention by time and size still applies when set
 * @param tombstoneRetention how long a compacted log keeps a tombstone (a record with a null
 *     value, the latest of its key) after its timestamp, so that readers see the deletion
 */
public record LogConfig(
    int segmentBytes,
    int indexIntervalBytes,
    FsyncPolicy fsync,
    Duration retentionTime,
    long retentionBytes,
    Duration retentionCheckInterval,
    long minFreeDiskBytes,
    boolean compact,
    Duration tombstoneRetention) {

  /** 64 MiB segments: retention works in useful steps for benchmark-sized logs. */
  public static final int DEFAULT_SEGMENT_BYTES = 64 << 20;
  /** Kafka's index.interval.bytes. */
  public static final int DEFAULT_INDEX_INTERVAL_BYTES = 4096;
  /** 256 MiB kept free. */
  public static final long DEFAULT_MIN_FREE_DISK_BYTES = 256L << 20;
  /** Smallest segment: 1 KiB. */
  public static final int MIN_SEGMENT_BYTES = 1 << 10;
  /** Largest segment: 1 GiB. */
  public static final int MAX_SEGMENT_BYTES = 1 << 30;

  public LogConfig {
    if (segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > MAX_SEGMENT_BYTES) {
      throw new IllegalArgumentException("segmentBytes must be in [" + MIN_SEGMENT_BYTES + ", " + MAX_SEGMENT_BYTES + "], was "
          + segmentBytes);
    }
    if (indexIntervalBytes < 64 || indexIntervalBytes > segmentBytes) {
      throw new IllegalArgumentException("indexIntervalBytes must be in [64, segmentBytes=" + segmentBytes + "], was " + indexIntervalBytes);
    }
    if (fsync == null) throw new IllegalArgumentException("fsync must be set");
    if (retentionTime != null && retentionTime.isNegative()) {
      throw new IllegalArgumentException("retentionTime must not be negative, was " + retentionTime);
    }
    if (retentionBytes < -1) throw new IllegalArgumentException("retentionBytes must be -1 or >= 0, was " + retentionBytes);
    if (retentionCheckInterval == null || retentionCheckInterval.toMillis() < 1) {
      throw new IllegalArgumentException("retentionCheckInterval must be at least 1ms, was " + retentionCheckInterval);
    }
    if (minFreeDiskBytes < 0) throw new IllegalArgumentException("minFreeDiskBytes must be >= 0, was " + minFreeDiskBytes);
    if (tombstoneRetention == null || tombstoneRetention.isNegative()) {
      throw new IllegalArgumentException("tombstoneRetention must be >= 0, was " + tombstoneRetention);
    }
  }

  /**
   * The defaults: 64 MiB segments, an index entry every 4 KiB, fsync never (as Kafka: the write is
   * acknowledged once in the page cache, which survives a process crash but not a power loss),
   * retention unlimited, checked every 5 minutes, 256 MiB of disk kept free, no compaction
   * (tombstones kept 24 hours when compaction is on, Kafka's delete.retention.ms).
   */
  public static LogConfig defaults() {
    return new LogConfig(DEFAULT_SEGMENT_BYTES, DEFAULT_INDEX_INTERVAL_BYTES, FsyncPolicy.never(), null, -1,
        Duration.ofMinutes(5), DEFAULT_MIN_FREE_DISK_BYTES, false, Duration.ofHours(24));
  }

  public LogConfig withSegmentBytes(int v) {
    return new LogConfig(v, Math.min(indexIntervalBytes, v), fsync, retentionTime, retentionBytes, retentionCheckInterval, minFreeDiskBytes, compact, tombstoneRetention);
  }

  public LogConfig withIndexIntervalBytes(int v) {
    return new LogConfig(segmentBytes, v, fsync, retentionTime, retentionBytes, retentionCheckInterval, minFreeDiskBytes, compact, tombstoneRetention);
  }

  public LogConfig withFsync(FsyncPolicy v) {
    return new LogConfig(segmentBytes, indexIntervalBytes, v, retentionTime, retentionBytes, retentionCheckInterval, minFreeDiskBytes, compact, tombstoneRetention);
  }

  public LogConfig withRetention(Duration time, long bytes) {
    return new LogConfig(segmentBytes, indexIntervalBytes, fsync, time, bytes, retentionCheckInterval, minFreeDiskBytes, compact, tombstoneRetention);
  }

  public LogConfig withRetentionCheckInterval(Duration v) {
    return new LogConfig(segmentBytes, indexIntervalBytes, fsync, retentionTime, retentionBytes, v, minFreeDiskBytes, compact, tombstoneRetention);
  }

  public LogConfig withMinFreeDiskBytes(long v) {
    return new LogConfig(segmentBytes, indexIntervalBytes, fsync, retentionTime, retentionBytes, retentionCheckInterval, v, compact, tombstoneRetention);
  }

  public LogConfig withCompaction(boolean v, Duration tombstones) {
    return new LogConfig(segmentBytes, indexIntervalBytes, fsync, retentionTime, retentionBytes, retentionCheckInterval, minFreeDiskBytes, v, tombstones);
  }
}
