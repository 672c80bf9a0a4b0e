package io.brokerbench.engine.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes records into one batch in the format of {@link RecordBatch}, in a buffer it owns.
 *
 * <p>Usage: {@link #append} records while {@link #hasRoomFor} says so (a first record always fits:
 * the buffer grows for it), then {@link #build} once, hand the buffer to {@link PartitionLog#append},
 * then {@link #reset} to reuse the buffer. The base offset is left 0; the partition sets it.
 *
 * <p>Not thread-safe: one thread builds a batch at a time.
 */
public final class BatchBuilder {
  private final int targetBytes;
  private final boolean direct;
  private ByteBuffer buffer;
  private int count;
  private long baseTimestamp;
  private long maxTimestamp;
  private boolean built;

  /**
   * @param targetBytes size at which {@link #hasRoomFor} starts refusing, 64 bytes to {@link
   *     RecordBatch#MAX_BATCH_BYTES}
   * @param direct whether the buffer is off-heap (saves a copy on write to a file channel)
   */
  public BatchBuilder(int targetBytes, boolean direct) {
    if (targetBytes < 64 || targetBytes > RecordBatch.MAX_BATCH_BYTES) {
      throw new IllegalArgumentException("targetBytes must be in [64, " + RecordBatch.MAX_BATCH_BYTES + "], was " + targetBytes);
    }
    this.targetBytes = targetBytes;
    this.direct = direct;
    this.buffer = allocate(targetBytes);
    reset();
  }

  private ByteBuffer allocate(int capacity) {
    return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
  }

  /** Empties the builder for a new batch, keeping its buffer. */
  public void reset() {
    count = 0;
    built = false;
    buffer.clear();
    buffer.position(RecordBatch.HEADER_SIZE);
  }

  public int recordCount() {
    return count;
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** Bytes encoded so far, header included. */
  public int sizeInBytes() {
    return built ? buffer.limit() : buffer.position();
  }

  /** Encoded size of one record. */
  public static int recordSize(byte[] key, byte[] value, List<Header> headers) {
    int size = RecordBatch.RECORD_OVERHEAD + (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
    for (int i = 0; i < headers.size(); i++) {
      Header h = headers.get(i);
      size += 8 + utf8Length(h.key()) + (h.value() == null ? 0 : h.value().length);
    }
    return size;
  }

  private static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) n++;
      else return s.getBytes(StandardCharsets.UTF_8).length;
    }
    return n;
  }

  /** Whether a record of {@code recordBytes} fits within the target size; always true when empty. */
  public boolean hasRoomFor(int recordBytes) {
    return count == 0 || buffer.position() + recordBytes <= targetBytes;
  }

  /**
   * Adds a record with the next offset delta.
   *
   * @throws IllegalStateException after {@link #build} or when the batch would exceed {@link
   *     RecordBatch#MAX_BATCH_BYTES}
   */
  public void append(byte[] key, byte[] value, List<Header> headers, long timestampMs) {
    if (built) throw new IllegalStateException("batch already built; reset() first");
    int size = recordSize(key, value, headers);
    ensureRoom(size);
    ByteBuffer b = buffer;
    b.putInt(size - 4);
    b.put((byte) 0);
    b.putLong(timestampMs);
    b.putInt(count);
    if (key == null) {
      b.putInt(-1);
    } else {
      b.putInt(key.length).put(key);
    }
    if (value == null) {
      b.putInt(-1);
    } else {
      b.putInt(value.length).put(value);
    }
    b.putInt(headers.size());
    for (int i = 0; i < headers.size(); i++) {
      Header h = headers.get(i);
      byte[] k = h.key().getBytes(StandardCharsets.UTF_8);
      b.putInt(k.length).put(k);
      if (h.value() == null) {
        b.putInt(-1);
      } else {
        b.putInt(h.value().length).put(h.value());
      }
    }
    if (count == 0) {
      baseTimestamp = timestampMs;
      maxTimestamp = timestampMs;
    } else if (timestampMs > maxTimestamp) {
      maxTimestamp = timestampMs;
    }
    count++;
  }

  /** Adds a record whose value is {@code valueLength} bytes of {@code value} from {@code valueOffset}. */
  public void append(byte[] key, byte[] value, int valueOffset, int valueLength, long timestampMs) {
    if (built) throw new IllegalStateException("batch already built; reset() first");
    int size = RecordBatch.RECORD_OVERHEAD + (key == null ? 0 : key.length) + valueLength;
    ensureRoom(size);
    ByteBuffer b = buffer;
    b.putInt(size - 4);
    b.put((byte) 0);
    b.putLong(timestampMs);
    b.putInt(count);
    if (key == null) {
      b.putInt(-1);
    } else {
      b.putInt(key.length).put(key);
    }
    b.putInt(valueLength).put(value, valueOffset, valueLength);
    b.putInt(0);
    if (count == 0) {
      baseTimestamp = timestampMs;
      maxTimestamp = timestampMs;
    } else if (timestampMs > maxTimestamp) {
      maxTimestamp = timestampMs;
    }
    count++;
  }

  private void ensureRoom(int size) {
    if (buffer.remaining() >= size) return;
    long needed = (long) buffer.position() + size;
    if (needed > RecordBatch.MAX_BATCH_BYTES) {
      throw new IllegalStateException("a batch may hold at most " + RecordBatch.MAX_BATCH_BYTES
          + " bytes; this record of " + size + " bytes would make it " + needed);
    }
    int capacity = (int) Math.min(RecordBatch.MAX_BATCH_BYTES, Math.max(needed, 2L * buffer.capacity()));
    ByteBuffer bigger = allocate(capacity);
    buffer.flip();
    bigger.put(buffer);
    buffer = bigger;
  }

  /**
   * The batch built by the last {@link #build}, position 0, limit its size.
   *
   * @throws IllegalStateException when not built since the last reset
   */
  public ByteBuffer built() {
    if (!built) throw new IllegalStateException("build() the batch first");
    buffer.position(0);
    return buffer;
  }

  /**
   * Writes the batch header and CRC.
   *
   * @param producerId idempotent producer id, or -1
   * @param producerEpoch its epoch, or -1
   * @param baseSequence sequence of the first record, or -1
   * @return the buffer, position 0, limit the batch size; valid until {@link #reset}
   * @throws IllegalStateException when empty
   */
  public ByteBuffer build(long producerId, short producerEpoch, int baseSequence) {
    if (count == 0) throw new IllegalStateException("cannot build an empty batch");
    if (!built) {
      int size = buffer.position();
      ByteBuffer b = buffer;
      b.putLong(RecordBatch.BASE_OFFSET, 0L);
      b.putInt(RecordBatch.BATCH_LENGTH, size - RecordBatch.LOG_OVERHEAD);
      b.put(RecordBatch.MAGIC, RecordBatch.CURRENT_MAGIC);
      b.putShort(RecordBatch.ATTRIBUTES, (short) 0);
      b.putInt(RecordBatch.LAST_OFFSET_DELTA, count - 1);
      b.putLong(RecordBatch.BASE_TIMESTAMP, baseTimestamp);
      b.putLong(RecordBatch.MAX_TIMESTAMP, maxTimestamp);
      b.putLong(RecordBatch.PRODUCER_ID, producerId);
      b.putShort(RecordBatch.PRODUCER_EPOCH, producerEpoch);
      b.putInt(RecordBatch.BASE_SEQUENCE, baseSequence);
      b.putInt(RecordBatch.RECORD_COUNT, count);
      b.putInt(RecordBatch.CRC, RecordBatch.computeCrc(b, 0, size));
      b.flip();
      built = true;
    }
    buffer.position(0);
    return buffer;
  }
}
