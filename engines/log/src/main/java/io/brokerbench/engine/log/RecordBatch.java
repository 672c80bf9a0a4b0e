package io.brokerbench.engine.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The on-disk record batch: layout constants and readers over a {@link ByteBuffer} holding one or
 * more whole batches. All integers are big-endian.
 *
 * <pre>
 * batch (57-byte header, then the records)
 *   0  baseOffset        int64   offset of the first record
 *   8  batchLength       int32   bytes after this field (header rest + records); total = 12 + batchLength
 *  12  magic             int8    format version, 1
 *  13  crc               uint32  CRC32C of bytes [17, end of batch)
 *  17  attributes        int16   0 (reserved: compression, transactions)
 *  19  lastOffsetDelta   int32   last offset - baseOffset; recordCount - 1 unless compacted
 *  23  baseTimestamp     int64   timestamp of the first record, ms since the epoch
 *  31  maxTimestamp      int64   largest record timestamp in the batch
 *  39  producerId        int64   idempotent producer id, -1 when none
 *  47  producerEpoch     int16   -1 when none
 *  49  baseSequence      int32   sequence of the first record for (producerId, partition), -1 when none
 *  53  recordCount       int32   at least 1 when appended; compaction may lower it, to 0
 *  57  records           recordCount times:
 *
 * record
 *   0  length            int32   bytes after this field
 *   4  attributes        int8    0
 *   5  timestamp         int64   ms since the epoch
 *  13  offsetDelta       int32   offset - baseOffset
 *  17  keyLength         int32   -1 for a null key
 *  21  key               keyLength bytes
 *      valueLength       int32   -1 for a null value
 *      value             valueLength bytes
 *      headerCount       int32
 *      headers           headerCount times: keyLength int32, key UTF-8, valueLength int32 (-1 null), value
 * </pre>
 *
 * <p>Compaction keeps every batch's base offset and last offset delta and drops records inside it,
 * so batch ranges still chain densely while record offsets get gaps.
 *
 * <p>The CRC leaves out the base offset (assigned by the partition when it appends, after the
 * producer built and checksummed the batch), the length and magic (checked on their own).
 *
 * <p>Stateless; every method is thread-safe as long as callers do not share a buffer's position.
 */
public final class RecordBatch {
  public static final int BASE_OFFSET = 0;
  public static final int BATCH_LENGTH = 8;
  public static final int MAGIC = 12;
  public static final int CRC = 13;
  public static final int ATTRIBUTES = 17;
  public static final int LAST_OFFSET_DELTA = 19;
  public static final int BASE_TIMESTAMP = 23;
  public static final int MAX_TIMESTAMP = 31;
  public static final int PRODUCER_ID = 39;
  public static final int PRODUCER_EPOCH = 47;
  public static final int BASE_SEQUENCE = 49;
  public static final int RECORD_COUNT = 53;
  /** Bytes before the first record. */
  public static final int HEADER_SIZE = 57;
  /** Bytes of baseOffset and batchLength, which {@code batchLength} does not count. */
  public static final int LOG_OVERHEAD = 12;
  public static final byte CURRENT_MAGIC = 1;
  /** Fixed bytes of a record with null key, null value and no headers. */
  public static final int RECORD_OVERHEAD = 4 + 1 + 8 + 4 + 4 + 4 + 4;
  /** Largest batch the engine accepts or reads (total bytes). */
  public static final int MAX_BATCH_BYTES = 64 << 20;

  private RecordBatch() {}

  /** Total size of the batch starting at absolute {@code position} of {@code buf}. */
  public static int sizeAt(ByteBuffer buf, int position) {
    return LOG_OVERHEAD + buf.getInt(position + BATCH_LENGTH);
  }

  public static long baseOffset(ByteBuffer buf, int position) {
    return buf.getLong(position + BASE_OFFSET);
  }

  public static long lastOffset(ByteBuffer buf, int position) {
    return buf.getLong(position + BASE_OFFSET) + buf.getInt(position + LAST_OFFSET_DELTA);
  }

  public static int recordCount(ByteBuffer buf, int position) {
    return buf.getInt(position + RECORD_COUNT);
  }

  public static long maxTimestamp(ByteBuffer buf, int position) {
    return buf.getLong(position + MAX_TIMESTAMP);
  }

  public static long producerId(ByteBuffer buf, int position) {
    return buf.getLong(position + PRODUCER_ID);
  }

  public static int baseSequence(ByteBuffer buf, int position) {
    return buf.getInt(position + BASE_SEQUENCE);
  }

  /** CRC32C over {@code [position + ATTRIBUTES, position + size)}. */
  public static int computeCrc(ByteBuffer buf, int position, int size) {
    CRC32C crc = new CRC32C();
    ByteBuffer view = buf.duplicate();
    view.limit(position + size).position(position + ATTRIBUTES);
    crc.update(view);
    return (int) crc.getValue();
  }

  /**
   * Checks the batch at {@code position}: the length fits in {@code available} bytes and in {@link
   * #MAX_BATCH_BYTES}, the magic is known, the record count fits the last offset delta (at most
   * {@code lastOffsetDelta + 1}), the CRC matches.
   *
   * @return null when valid, otherwise what is wrong (expected and found)
   */
  public static String validate(ByteBuffer buf, int position, int available) {
    String invalid = validateHeader(buf, position, available);
    if (invalid != null) return invalid;
    int size = LOG_OVERHEAD + buf.getInt(position + BATCH_LENGTH);
    return validateCrc(buf, position, size);
  }

  private static String validateHeader(ByteBuffer buf, int position, int available) {
    if (available < LOG_OVERHEAD) return "only " + available + " bytes left, a batch needs at least " + HEADER_SIZE;
    int length = buf.getInt(position + BATCH_LENGTH);
    int size = LOG_OVERHEAD + length;
    if (length < HEADER_SIZE - LOG_OVERHEAD || size > MAX_BATCH_BYTES) {
      return "batch length " + length + " outside [" + (HEADER_SIZE - LOG_OVERHEAD) + ", " + (MAX_BATCH_BYTES - LOG_OVERHEAD) + "]";
    }
    if (size > available) return "batch of " + size + " bytes runs past the end (" + available + " bytes left)";
    byte magic = buf.get(position + MAGIC);
    if (magic != CURRENT_MAGIC) return "magic expected " + CURRENT_MAGIC + ", found " + magic;
    int count = buf.getInt(position + RECORD_COUNT);
    int lastDelta = buf.getInt(position + LAST_OFFSET_DELTA);
    if (lastDelta < 0 || count < 0 || count > lastDelta + 1) {
      return "record count " + count + " does not fit last offset delta " + lastDelta;
    }
    return null;
  }

  /** As {@link #validate} without the CRC check: for a batch this process has just built. */
  public static String validateStructure(ByteBuffer buf, int position, int available) {
    return validateHeader(buf, position, available);
  }

  private static String validateCrc(ByteBuffer buf, int position, int size) {
    int stored = buf.getInt(position + CRC);
    int computed = computeCrc(buf, position, size);
    if (stored != computed) {
      return "CRC32C expected 0x" + Integer.toHexString(stored) + ", computed 0x" + Integer.toHexString(computed);
    }
    return null;
  }

  /**
   * Calls {@code visitor} for every record of the batch at {@code position} whose offset is at least
   * {@code fromOffset}, in offset order. The visitor's buffer views share {@code buf}'s content.
   *
   * @return records visited
   */
  public static int forEachRecord(ByteBuffer buf, int position, long fromOffset, RecordVisitor visitor) {
    long base = baseOffset(buf, position);
    int count = recordCount(buf, position);
    int p = position + HEADER_SIZE;
    int visited = 0;
    for (int i = 0; i < count; i++) {
      int length = buf.getInt(p);
      int next = p + 4 + length;
      long offset = base + buf.getInt(p + 13);
      if (offset >= fromOffset) {
        visitor.visit(offset, buf.getLong(p + 5), buf, p);
        visited++;
      }
      p = next;
    }
    return visited;
  }

  /** Receives records of a batch without copying them. */
  @FunctionalInterface
  public interface RecordVisitor {
    /**
     * @param offset the record's offset
     * @param timestampMs its timestamp
     * @param buf the buffer holding it; read it with {@link RecordBatch#key}, {@link RecordBatch#value}
     * @param recordPosition absolute position of the record's length field in {@code buf}
     */
    void visit(long offset, long timestampMs, ByteBuffer buf, int recordPosition);
  }

  /** Absolute position of the key length field of the record at {@code recordPosition}. */
  public static int keyLengthPosition(int recordPosition) {
    return recordPosition + 17;
  }

  /** Key length of the record, -1 for null. */
  public static int keyLength(ByteBuffer buf, int recordPosition) {
    return buf.getInt(recordPosition + 17);
  }

  /** Absolute position of the value length field of the record. */
  public static int valueLengthPosition(ByteBuffer buf, int recordPosition) {
    int kl = keyLength(buf, recordPosition);
    return recordPosition + 21 + Math.max(kl, 0);
  }

  /** Value length of the record, -1 for null. */
  public static int valueLength(ByteBuffer buf, int recordPosition) {
    return buf.getInt(valueLengthPosition(buf, recordPosition));
  }

  /** Copies the key of the record, or null. */
  public static byte[] key(ByteBuffer buf, int recordPosition) {
    int kl = keyLength(buf, recordPosition);
    if (kl < 0) return null;
    byte[] out = new byte[kl];
    buf.get(recordPosition + 21, out);
    return out;
  }

  /** Copies the value of the record, or null. */
  public static byte[] value(ByteBuffer buf, int recordPosition) {
    int vlp = valueLengthPosition(buf, recordPosition);
    int vl = buf.getInt(vlp);
    if (vl < 0) return null;
    byte[] out = new byte[vl];
    buf.get(vlp + 4, out);
    return out;
  }

  /** Decodes the headers of the record. */
  public static List<Header> headers(ByteBuffer buf, int recordPosition) {
    int vlp = valueLengthPosition(buf, recordPosition);
    int p = vlp + 4 + Math.max(buf.getInt(vlp), 0);
    int count = buf.getInt(p);
    p += 4;
    if (count == 0) return List.of();
    List<Header> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int kl = buf.getInt(p);
      byte[] k = new byte[kl];
      buf.get(p + 4, k);
      p += 4 + kl;
      int vl = buf.getInt(p);
      byte[] v = null;
      if (vl >= 0) {
        v = new byte[vl];
        buf.get(p + 4, v);
        p += 4 + vl;
      } else {
        p += 4;
      }
      out.add(new Header(new String(k, StandardCharsets.UTF_8), v));
    }
    return out;
  }

  /** Decodes the whole record. */
  public static LogRecord decode(ByteBuffer buf, int recordPosition) {
    return new LogRecord(key(buf, recordPosition), value(buf, recordPosition), headers(buf, recordPosition),
        buf.getLong(recordPosition + 5));
  }

  /** Offset after the last whole batch in {@code [buf.position(), buf.limit())}, or -1 when there is none. */
  public static long nextOffsetAfter(ByteBuffer buf) {
    long next = -1;
    int p = buf.position();
    while (p + LOG_OVERHEAD <= buf.limit()) {
      int size = sizeAt(buf, p);
      if (size < HEADER_SIZE || p + size > buf.limit()) break;
      next = lastOffset(buf, p) + 1;
      p += size;
    }
    return next;
  }

  /** Decodes every record of every whole batch in {@code [buf.position(), buf.limit())} at or after {@code fromOffset}. */
  public static List<ConsumerRecord> decodeAll(TopicPartition tp, ByteBuffer buf, long fromOffset) {
    List<ConsumerRecord> out = new ArrayList<>();
    int p = buf.position();
    while (p + LOG_OVERHEAD <= buf.limit()) {
      int size = sizeAt(buf, p);
      if (p + size > buf.limit()) break;
      forEachRecord(buf, p, fromOffset, (offset, ts, b, rp) -> out.add(new ConsumerRecord(tp, offset, decode(b, rp))));
      p += size;
    }
    return out;
  }
}
