package io.brokerbench.benchmarks.log;

import io.brokerbench.engine.log.BatchBuilder;
import io.brokerbench.engine.log.FsyncPolicy;
import io.brokerbench.engine.log.LogConfig;
import io.brokerbench.engine.log.LogEngine;
import io.brokerbench.engine.log.PartitionLog;
import io.brokerbench.engine.log.TopicPartition;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batched appends of 1 KiB records without fsync: the log engine against raw sequential {@link
 * FileChannel} writes of the same batch size, in the same run.
 *
 * <p>What it isolates: the engine's cost per batch on top of the write itself (record encoding into
 * the batch, CRC32C, structure checks, offset assignment, index entries, segment rolling and
 * retention, the free-disk check). The baseline
 * writes a pre-filled buffer of the same size to files rolled and deleted at the same sizes as the
 * engine's segments, so both pay the same file-system allocation and page-cache costs.
 *
 * <p>How it could lie: neither side forces, so both measure the page cache, not the disk; a
 * background writeback burst hits whichever method runs at that moment (run both in one JVM
 * session, read the ratio, repeat). The {@code bytes} counter is the payload written: for the
 * engine, the whole encoded batch (record overhead included), so MB/s compare file bytes.
 *
 * <p>Disk use stays bounded: both keep at most {@code 4 × 64 MiB} on disk (the engine by size
 * retention on roll, the baseline by deleting its oldest file) and delete everything at the end.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@State(Scope.Thread)
public class LogAppendBenchmark {
  static final int SEGMENT_BYTES = 64 << 20;
  static final int KEEP_SEGMENTS = 4;

  @Param({"65536"})
  public int batchBytes;

  @Param({"1024"})
  public int recordBytes;

  /** Bytes written, reported by JMH as a rate (bytes/s). */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Written {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  private Path dir;
  // engine
  private LogEngine engine;
  private PartitionLog log;
  private BatchBuilder builder;
  private byte[] value;
  private byte[] key;
  private int recordsPerBatch;
  // baseline
  private ByteBuffer rawBatch;
  private FileChannel rawChannel;
  private long rawPosition;
  private int rawFileIndex;
  private final ArrayDeque<Path> rawFiles = new ArrayDeque<>();

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = BenchFiles.freshDirectory("bb-log-append-");
    LogConfig config = LogConfig.defaults().withSegmentBytes(SEGMENT_BYTES).withFsync(FsyncPolicy.never())
        .withRetention(null, (long) SEGMENT_BYTES * (KEEP_SEGMENTS - 1)).withMinFreeDiskBytes(1L << 30);
    engine = LogEngine.open(dir.resolve("engine"), config);
    engine.createTopic("bench", 1);
    log = engine.partition(new TopicPartition("bench", 0));
    builder = new BatchBuilder(batchBytes, true);
    value = new byte[recordBytes];
    ThreadLocalRandom.current().nextBytes(value);
    key = "key-42".getBytes();
    recordsPerBatch = 0;
    while (builder.hasRoomFor(BatchBuilder.recordSize(key, value, List.of()))) {
      builder.append(key, value, List.of(), 0);
      recordsPerBatch++;
    }
    int encoded = builder.sizeInBytes();
    builder.reset();
    if (recordsPerBatch < 2) throw new IllegalStateException("batchBytes " + batchBytes + " holds " + recordsPerBatch + " records");

    rawBatch = ByteBuffer.allocateDirect(encoded);
    byte[] fill = new byte[encoded];
    ThreadLocalRandom.current().nextBytes(fill);
    rawBatch.put(fill).flip();
    Files.createDirectories(dir.resolve("raw"));
    rollRaw();
  }

  private void rollRaw() throws IOException {
    if (rawChannel != null) rawChannel.close();
    Path file = dir.resolve("raw").resolve(String.format("%08d.log", rawFileIndex++));
    rawChannel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    rawFiles.addLast(file);
    while (rawFiles.size() > KEEP_SEGMENTS) Files.deleteIfExists(rawFiles.removeFirst());
    rawPosition = 0;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (rawChannel != null) rawChannel.close();
    engine.close();
    long onDisk = Files.walk(dir).filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    if (onDisk > (long) SEGMENT_BYTES * (KEEP_SEGMENTS + 2) * 2) {
      throw new IllegalStateException("benchmark files grew to " + onDisk + " bytes; retention did not hold");
    }
    BenchFiles.deleteRecursively(dir);
  }

  /** Encodes a batch of {@code recordBytes} records, appends it to a partition (no fsync). */
  @Benchmark
  public long engineAppend(Written written) throws IOException {
    builder.reset();
    long ts = System.currentTimeMillis();
    for (int i = 0; i < recordsPerBatch; i++) builder.append(key, value, 0, value.length, ts);
    int size = builder.build(-1, (short) -1, -1).remaining();
    long last = log.append(builder).lastOffset();
    written.bytes += size;
    return last;
  }

  /** Writes the same number of bytes, pre-built, at the end of a file (no fsync). */
  @Benchmark
  public long rawFileChannelWrite(Written written) throws IOException {
    if (rawPosition + rawBatch.capacity() > SEGMENT_BYTES) rollRaw();
    rawBatch.clear();
    while (rawBatch.hasRemaining()) rawPosition += rawChannel.write(rawBatch, rawPosition);
    written.bytes += rawBatch.capacity();
    return rawPosition;
  }
}
