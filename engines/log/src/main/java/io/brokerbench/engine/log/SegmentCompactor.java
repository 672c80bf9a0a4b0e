package io.brokerbench.engine.log;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * Rewrites the batches of a sealed segment for a compacted log: a record survives when it has no key
 * or is the latest record of its key, and a surviving tombstone (null value) survives only while its
 * timestamp is within the tombstone retention. Each batch keeps its base offset and last offset
 * delta (so batch ranges still chain densely); its record count, length and CRC are rewritten. A
 * batch whose records are all gone stays as a 57-byte header with record count 0.
 *
 * <p>Stateless; thread-safe.
 */
final class SegmentCompactor {
  private SegmentCompactor() {}

  /** A key as a map key: equality and hash by content. */
  record Key(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return bytes.length + "B";
    }
  }

  /** Records the offset of every keyed record of the whole batches in {@code buf} as its key's latest. */
  static void collectLatest(ByteBuffer buf, Map<Key, Long> latest) {
    int p = buf.position();
    while (p + RecordBatch.LOG_OVERHEAD <= buf.limit()) {
      int size = RecordBatch.sizeAt(buf, p);
      if (size < RecordBatch.HEADER_SIZE || p + size > buf.limit()) break;
      RecordBatch.forEachRecord(buf, p, 0, (offset, ts, b, rp) -> {
        byte[] key = RecordBatch.key(b, rp);
        if (key != null) latest.merge(new Key(key), offset, Math::max);
      });
      p += size;
    }
  }

  /**
   * The compacted form of {@code segment} (whole valid batches from position 0 to its limit), or null
   * when no record would be dropped.
   *
   * @param tombstoneHorizonMs tombstones with a timestamp below this are dropped
   */
  static ByteBuffer compact(ByteBuffer segment, Map<Key, Long> latest, long tombstoneHorizonMs) {
    ByteBuffer out = ByteBuffer.allocate(segment.limit());
    boolean dropped = false;
    int p = 0;
    while (p + RecordBatch.LOG_OVERHEAD <= segment.limit()) {
      int size = RecordBatch.sizeAt(segment, p);
      int batchStart = out.position();
      out.put(segment.duplicate().position(p).limit(p + RecordBatch.HEADER_SIZE));
      long base = RecordBatch.baseOffset(segment, p);
      int count = RecordBatch.recordCount(segment, p);
      int kept = 0;
      int rp = p + RecordBatch.HEADER_SIZE;
      for (int i = 0; i < count; i++) {
        int recordSize = 4 + segment.getInt(rp);
        long offset = base + segment.getInt(rp + 13);
        long ts = segment.getLong(rp + 5);
        byte[] key = RecordBatch.key(segment, rp);
        boolean keep;
        if (key == null) {
          keep = true;
        } else {
          Long newest = latest.get(new Key(key));
          boolean tombstone = RecordBatch.valueLength(segment, rp) < 0;
          keep = (newest == null || newest == offset) && !(tombstone && ts < tombstoneHorizonMs);
        }
        if (keep) {
          out.put(segment.duplicate().position(rp).limit(rp + recordSize));
          kept++;
        } else {
          dropped = true;
        }
        rp += recordSize;
      }
      int newSize = out.position() - batchStart;
      out.putInt(batchStart + RecordBatch.BATCH_LENGTH, newSize - RecordBatch.LOG_OVERHEAD);
      out.putInt(batchStart + RecordBatch.RECORD_COUNT, kept);
      out.putInt(batchStart + RecordBatch.CRC, RecordBatch.computeCrc(out, batchStart, newSize));
      p += size;
    }
    if (!dropped) return null;
    out.flip();
    return out;
  }
}
