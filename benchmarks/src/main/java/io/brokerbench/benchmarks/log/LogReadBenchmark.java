package io.brokerbench.benchmarks.log;

import io.brokerbench.engine.log.BatchBuilder;
import io.brokerbench.engine.log.RecordBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
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
 * Do memory-mapped reads pay for the consumer's fetch path? Both methods walk the same 64 MiB
 * segment of 100-byte records (in the page cache after the first pass) in {@code fetchBytes}
 * chunks, check every batch's CRC32C and visit every record, as {@code LogConsumer} does.
 *
 * <p>{@code positionalRead} is what the engine does: {@code pread} into a reused heap buffer (one
 * copy). {@code mappedRead} reads the same bytes through a mapping of the file, with no copy.
 *
 * <p>How it could lie: the file is hot in the page cache for both (a cold read is dominated by the
 * disk either way); a mapping of a file that is being appended to needs remapping as it grows,
 * which this benchmark does not pay. The {@code bytes} counter is the rate of log bytes walked.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@State(Scope.Thread)
public class LogReadBenchmark {
  static final int FILE_BYTES = 64 << 20;

  @Param({"1048576"})
  public int fetchBytes;

  /** Bytes walked, reported by JMH as a rate (bytes/s). */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Walked {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  private Path dir;
  private FileChannel channel;
  private MappedByteBuffer mapped;
  private ByteBuffer heap;
  private int fileSize;
  private int position;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = BenchFiles.freshDirectory("bb-log-read-");
    channel = FileChannel.open(dir.resolve("segment.log"), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    BatchBuilder builder = new BatchBuilder(64 << 10, true);
    byte[] value = new byte[100];
    byte[] key = "key-7".getBytes();
    long offset = 0;
    long at = 0;
    while (at < FILE_BYTES - (128 << 10)) {
      builder.reset();
      while (builder.hasRoomFor(BatchBuilder.recordSize(key, value, List.of()))) builder.append(key, value, 0, value.length, 0);
      ByteBuffer batch = builder.build(-1, (short) -1, -1);
      batch.putLong(0, offset);
      offset += builder.recordCount();
      while (batch.hasRemaining()) at += channel.write(batch, at);
    }
    fileSize = (int) at;
    mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, fileSize);
    heap = ByteBuffer.allocate(fetchBytes + (128 << 10));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    channel.close();
    mapped = null;
    BenchFiles.deleteRecursively(dir);
  }

  private static long walk(ByteBuffer buf, int start, int limit) {
    long sum = 0;
    int p = start;
    while (p + RecordBatch.LOG_OVERHEAD <= limit) {
      int size = RecordBatch.sizeAt(buf, p);
      if (p + size > limit) break;
      if (RecordBatch.validate(buf, p, limit - p) != null) throw new IllegalStateException("corrupt batch at " + p);
      sum += RecordBatch.forEachRecord(buf, p, 0, (offset, ts, b, rp) -> { });
      p += size;
    }
    return sum + (p - start);
  }

  private int nextChunk() {
    if (position + fetchBytes > fileSize) position = 0;
    return position;
  }

  /** {@code pread} into a reused heap buffer, then walk it (the engine's path). */
  @Benchmark
  public long positionalRead(Walked walked) throws IOException {
    int at = nextChunk();
    heap.clear().limit(fetchBytes);
    channel.read(heap, at);
    heap.flip();
    long r = walk(heap, 0, heap.limit());
    int used = wholeBatches(heap, 0, heap.limit());
    position = at + used;
    walked.bytes += used;
    return r;
  }

  /** Walk the same bytes through a read-only mapping, no copy. */
  @Benchmark
  public long mappedRead(Walked walked) {
    int at = nextChunk();
    int limit = Math.min(fileSize, at + fetchBytes);
    long r = walk(mapped, at, limit);
    int used = wholeBatches(mapped, at, limit) - at;
    position = at + used;
    walked.bytes += used;
    return r;
  }

  private static int wholeBatches(ByteBuffer buf, int start, int limit) {
    int p = start;
    while (p + RecordBatch.LOG_OVERHEAD <= limit && p + RecordBatch.sizeAt(buf, p) <= limit) p += RecordBatch.sizeAt(buf, p);
    return p;
  }
}
