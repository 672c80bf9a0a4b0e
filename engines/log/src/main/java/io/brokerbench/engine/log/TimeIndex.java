package io.brokerbench.engine.log;

import io.brokerbench.commons.storage.StorageFile;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Sparse map from timestamp to offset within one segment: an entry is added together with an
 * {@link OffsetIndex} entry when the batch's max timestamp exceeds the last indexed one.
 *
 * <h2>File format ({@code <baseOffset>.timeindex})</h2>
 * A sequence of 12-byte entries, big-endian, no header:
 * <pre>
 *   0  timestamp       int64  largest record timestamp (ms since the epoch) up to and including the batch
 *   8  relativeOffset  int32  base offset of that batch minus the segment's base offset
 * </pre>
 * Both columns strictly increase. Example: entries {@code (1700000000500, 10)} and
 * {@code (1700000001000, 20)} are the bytes {@code 00 00 01 8b cf e5 69 f4 00 00 00 0a 00 00 01 8b cf
 * e5 6b e8 00 00 00 14}. A lookup for the first offset with timestamp at least 1700000000800 starts
 * scanning at relative offset 10 (the last entry below the target).
 *
 * <h2>After a crash</h2>
 * As for {@link OffsetIndex}: rebuilt for the active segment, validated or rebuilt for sealed ones.
 *
 * <h2>Threading</h2>
 * One writer, concurrent lock-free readers, as {@link OffsetIndex}.
 */
final class TimeIndex {
  static final int ENTRY_BYTES = 12;

  private static final class Arrays2 {
    final long[] timestamps;
    final int[] offsets;

    Arrays2(int capacity) {
      timestamps = new long[capacity];
      offsets = new int[capacity];
    }
  }

  private volatile Arrays2 arrays = new Arrays2(16);
  private volatile int size;
  private int persisted;

  int size() {
    return size;
  }

  long lastTimestamp() {
    int n = size;
    return n == 0 ? Long.MIN_VALUE : arrays.timestamps[n - 1];
  }

  /** Adds an entry when {@code timestampMs} exceeds the last one; otherwise does nothing. */
  void maybeAppend(long timestampMs, int relativeOffset) {
    int n = size;
    Arrays2 a = arrays;
    if (n > 0 && (a.timestamps[n - 1] >= timestampMs || a.offsets[n - 1] >= relativeOffset)) return;
    if (n == a.offsets.length) {
      Arrays2 bigger = new Arrays2(n * 2);
      System.arraycopy(a.timestamps, 0, bigger.timestamps, 0, n);
      System.arraycopy(a.offsets, 0, bigger.offsets, 0, n);
      a = bigger;
    }
    a.timestamps[n] = timestampMs;
    a.offsets[n] = relativeOffset;
    arrays = a;
    size = n + 1;
  }

  /**
   * The relative offset from which to scan for the first record with timestamp at least {@code
   * timestampMs}: the offset of the last entry whose timestamp is below it, or 0.
   */
  int lookup(long timestampMs) {
    int n = size;
    Arrays2 a = arrays;
    int lo = 0;
    int hi = n - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (a.timestamps[mid] < timestampMs) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? 0 : a.offsets[found];
  }

  void truncateToOffset(int relativeOffset) {
    int n = size;
    Arrays2 a = arrays;
    while (n > 0 && a.offsets[n - 1] >= relativeOffset) n--;
    size = n;
    persisted = Math.min(persisted, n);
  }

  void clear() {
    size = 0;
    persisted = 0;
  }

  void writeTo(StorageFile file) throws IOException {
    int n = size;
    if (persisted == n) return;
    file.truncate((long) persisted * ENTRY_BYTES);
    ByteBuffer buf = ByteBuffer.allocate((n - persisted) * ENTRY_BYTES);
    Arrays2 a = arrays;
    for (int i = persisted; i < n; i++) buf.putLong(a.timestamps[i]).putInt(a.offsets[i]);
    buf.flip();
    file.write(buf, (long) persisted * ENTRY_BYTES);
    persisted = n;
  }

  void rewrite(StorageFile file) throws IOException {
    file.truncate(0);
    persisted = 0;
    writeTo(file);
  }

  /** Loads {@code file}; null when loaded, else why it cannot be trusted. */
  String load(StorageFile file, int lastRelativeOffset) throws IOException {
    clear();
    long bytes = file.size();
    if (bytes % ENTRY_BYTES != 0) return "size " + bytes + " is not a multiple of " + ENTRY_BYTES;
    ByteBuffer buf = ByteBuffer.allocate((int) bytes);
    if (bytes > 0) file.read(buf, 0);
    buf.flip();
    while (buf.remaining() >= ENTRY_BYTES) {
      long ts = buf.getLong();
      int rel = buf.getInt();
      int n = size;
      if (n > 0 && (arrays.timestamps[n - 1] >= ts || arrays.offsets[n - 1] >= rel) || rel < 0) {
        clear();
        return "entry " + n + " (" + ts + ", " + rel + ") does not increase";
      }
      if (rel > lastRelativeOffset) {
        clear();
        return "entry " + n + " names relative offset " + rel + " past the last " + lastRelativeOffset;
      }
      maybeAppend(ts, rel);
    }
    persisted = size;
    return null;
  }
}
