package io.brokerbench.engine.queue;

import io.brokerbench.commons.storage.FileAccess;
import io.brokerbench.commons.storage.FileSystemStorage;
import io.brokerbench.commons.storage.Storage;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * How a {@link QueueEngine} runs.
 *
 * @param storage where durable state lives, or {@code null} for an engine without storage (only
 *     transient queues can be declared)
 * @param directory the engine's directory on {@code storage}, created when absent; one engine at a
 *     time (a lock file in it says so); {@code null} exactly when {@code storage} is
 * @param fsync when the journal forces its writes
 * @param segmentBytes journal segment size in bytes, 64 KiB to 1 GiB; a record larger than a
 *     segment gets a segment of its own
 * @param clockMillis wall clock in epoch milliseconds, used for TTL (expiry deadlines are stored
 *     in the journal as epoch milliseconds, so they hold across a restart) and to time {@code
 *     interval} forces
 * @param expiryCheckMillis how often a background thread expires messages at queue heads, in
 *     milliseconds; 0 disables the thread (tests call {@link QueueEngine#expireNow()})
 * @param queueFlowBytes flow control: once the message bodies a queue holds (ready and
 *     unacknowledged) reach this many bytes, publishes routed to it block until it is below again,
 *     as RabbitMQ's flow control and memory alarm block publishers; 0 for none. Dead-lettering
 *     never blocks.
 */
public record EngineConfig(Storage storage, Path directory, FsyncPolicy fsync, long segmentBytes, LongSupplier clockMillis, long expiryCheckMillis,
    long queueFlowBytes) {
  /** Default journal segment size: 64 MiB. */
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
  /** Smallest journal segment: 64 KiB. */
  public static final long MIN_SEGMENT_BYTES = 64L << 10;
  /** Largest journal segment: 1 GiB. */
  public static final long MAX_SEGMENT_BYTES = 1L << 30;

  public EngineConfig {
    if ((storage == null) != (directory == null)) {
      throw new IllegalArgumentException("storage and directory go together: storage " + storage + ", directory " + directory);
    }
    if (fsync == null) fsync = FsyncPolicy.always();
    if (segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > MAX_SEGMENT_BYTES) {
      throw new IllegalArgumentException("segmentBytes must be between " + MIN_SEGMENT_BYTES + " and " + MAX_SEGMENT_BYTES
          + ", was " + segmentBytes);
    }
    if (clockMillis == null) clockMillis = System::currentTimeMillis;
    if (expiryCheckMillis < 0) throw new IllegalArgumentException("expiryCheckMillis must be >= 0, was " + expiryCheckMillis);
    if (queueFlowBytes < 0) throw new IllegalArgumentException("queueFlowBytes must be >= 0 (0 for none), was " + queueFlowBytes);
  }

  /** An engine with no storage: transient queues only. */
  public static EngineConfig inMemory() {
    return new EngineConfig(null, null, FsyncPolicy.always(), DEFAULT_SEGMENT_BYTES, System::currentTimeMillis, 50, 0);
  }

  /**
   * An engine keeping durable state in {@code directory} on the real file system, its files read and
   * written through {@link java.io.RandomAccessFile} ({@link FileAccess#RANDOM_ACCESS_FILE}), so a
   * publisher or consumer thread that is interrupted cannot close the journal for the others.
   */
  public static EngineConfig onDisk(Path directory, FsyncPolicy fsync) {
    return withStorage(new FileSystemStorage(FileAccess.RANDOM_ACCESS_FILE), directory, fsync);
  }

  /** An engine keeping durable state in {@code directory} on {@code storage} (tests: an in-memory one). */
  public static EngineConfig withStorage(Storage storage, Path directory, FsyncPolicy fsync) {
    return new EngineConfig(storage, directory, fsync, DEFAULT_SEGMENT_BYTES, System::currentTimeMillis, 50, 0);
  }

  public EngineConfig withSegmentBytes(long bytes) {
    return new EngineConfig(storage, directory, fsync, bytes, clockMillis, expiryCheckMillis, queueFlowBytes);
  }

  public EngineConfig withClock(LongSupplier clock, long checkMillis) {
    return new EngineConfig(storage, directory, fsync, segmentBytes, clock, checkMillis, queueFlowBytes);
  }

  public EngineConfig withQueueFlowBytes(long bytes) {
    return new EngineConfig(storage, directory, fsync, segmentBytes, clockMillis, expiryCheckMillis, bytes);
  }
}
