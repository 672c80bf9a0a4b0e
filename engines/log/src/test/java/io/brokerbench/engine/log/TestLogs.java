package io.brokerbench.engine.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Helpers shared by the engine's tests. */
final class TestLogs {
  private TestLogs() {}

  static final Path DIR = Path.of("/mem/log");

  /** A clock the test moves by hand. */
  static final class FakeTime implements Time {
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final AtomicLong millis = new AtomicLong(1_700_000_000_000L);

    @Override
    public long nanos() {
      return nanos.get();
    }

    @Override
    public long millis() {
      return millis.get();
    }

    void advanceMillis(long ms) {
      nanos.addAndGet(ms * 1_000_000L);
      millis.addAndGet(ms);
    }
  }

  static LogConfig smallSegments(int segmentBytes) {
    return LogConfig.defaults().withSegmentBytes(segmentBytes).withIndexIntervalBytes(Math.min(256, segmentBytes)).withMinFreeDiskBytes(0);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Builds a batch of {@code records}. */
  static ByteBuffer batch(List<LogRecord> records) {
    BatchBuilder b = new BatchBuilder(1024, false);
    for (LogRecord r : records) b.append(r.key(), r.value(), r.headers(), r.timestampMs());
    ByteBuffer built = b.build(-1, (short) -1, -1);
    ByteBuffer copy = ByteBuffer.allocate(built.remaining());
    copy.put(built).flip();
    return copy;
  }

  /** Reads every record from {@code from} to the end. */
  static List<ConsumerRecord> readAll(PartitionLog log, long from) throws IOException {
    List<ConsumerRecord> out = new ArrayList<>();
    long offset = from;
    ByteBuffer buf = null;
    FetchCursor cursor = new FetchCursor();
    while (offset < log.endOffset()) {
      buf = log.read(offset, 4096, buf, cursor);
      if (!buf.hasRemaining()) break;
      long next = RecordBatch.nextOffsetAfter(buf);
      if (next <= offset) throw new AssertionError("read at " + offset + " made no progress");
      out.addAll(RecordBatch.decodeAll(log.partition(), buf, offset));
      offset = next;
    }
    return out;
  }
}
