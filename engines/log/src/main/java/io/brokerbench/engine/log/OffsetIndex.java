package io.brokerbench.engine.log;

import io.brokerbench.commons.storage.StorageFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Sparse map from offset to file position within one segment: an entry is added at most every
 * {@code indexIntervalBytes} bytes of log, for the first batch written after the interval.
 *
 * <h2>File format ({@code <baseOffset>.index})</h2>
 * A sequence of 8-byte entries, big-endian, no header:
 * <pre>
 *   0  relativeOffset  int32  base offset of an indexed batch minus the segment's base offset
 *   4  position        int32  byte position of that batch in the segment's .log file
 * </pre>
 * Both columns strictly increase. Example: segment {@code 00000000000000000100.log} with batches at
 * positions 0 (offsets 100-109), 4100 (offsets 110-119) and 8200 (offsets 120-129) and an interval of
 * 4096 bytes has entries {@code (10, 4100)} and {@code (20, 8200)}, bytes
 * {@code 00 00 00 0a 00 00 10 04 00 00 00 14 00 00 20 08}. A lookup for offset 125 yields position
 * 8200; a lookup for 105 yields position 0 (before the first entry, start of the segment).
 *
 * <h2>After a crash</h2>
 * The entries live in memory; the file is written when the segment is sealed, flushed or closed. On
 * open, the active segment's index is rebuilt from its batches; a sealed segment's file is loaded and
 * rebuilt when it is not a whole number of entries, not increasing, or points past the log.
 *
 * <h2>Threading</h2>
 * One writer (holding the partition's append lock) and any number of concurrent lock-free readers:
 * entries are published by a volatile count after the arrays that hold them.
 */
final class OffsetIndex {
  static final int ENTRY_BYTES = 8;

  private static final class Arrays2 {
    final int[] offsets;
    final int[] positions;

    Arrays2(int capacity) {
      offsets = new int[capacity];
      positions = new int[capacity];
    }
  }

  private volatile Arrays2 arrays = new Arrays2(16);
  private volatile int size;
  private int persisted;

  int size() {
    return size;
  }

  /** Adds an entry; {@code relativeOffset} and {@code position} must exceed the last entry's. */
  void append(int relativeOffset, int position) {
    int n = size;
    Arrays2 a = arrays;
    if (n > 0 && (a.offsets[n - 1] >= relativeOffset || a.positions[n - 1] >= position)) {
      throw new IllegalStateException("index entries must increase: last (" + a.offsets[n - 1] + ", "
          + a.positions[n - 1] + "), new (" + relativeOffset + ", " + position + ")");
    }
    if (n == a.offsets.length) {
      Arrays2 bigger = new Arrays2(n * 2);
      System.arraycopy(a.offsets, 0, bigger.offsets, 0, n);
      System.arraycopy(a.positions, 0, bigger.positions, 0, n);
      a = bigger;
    }
    a.offsets[n] = relativeOffset;
    a.positions[n] = position;
    arrays = a;
    size = n + 1;
  }

  /** Position of the last entry whose offset is at most {@code relativeOffset}, or 0 when none. */
  int lookup(int relativeOffset) {
    int n = size;
    Arrays2 a = arrays;
    int i = Arrays.binarySearch(a.offsets, 0, n, relativeOffset);
    if (i >= 0) return a.positions[i];
    int insertion = -i - 1;
    return insertion == 0 ? 0 : a.positions[insertion - 1];
  }

  /** Drops every entry whose position is at or past {@code position}. Writer only. */
  void truncateToPosition(int position) {
    int n = size;
    Arrays2 a = arrays;
    while (n > 0 && a.positions[n - 1] >= position) n--;
    size = n;
    persisted = Math.min(persisted, n);
  }

  void clear() {
    size = 0;
    persisted = 0;
  }

  /** Writes entries not yet in {@code file} (the file holds exactly the first {@code persisted}). */
  void writeTo(StorageFile file) throws IOException {
    int n = size;
    if (persisted == n) return;
    file.truncate((long) persisted * ENTRY_BYTES);
    ByteBuffer buf = ByteBuffer.allocate((n - persisted) * ENTRY_BYTES);
    Arrays2 a = arrays;
    for (int i = persisted; i < n; i++) buf.putInt(a.offsets[i]).putInt(a.positions[i]);
    buf.flip();
    file.write(buf, (long) persisted * ENTRY_BYTES);
    persisted = n;
  }

  /** Rewrites {@code file} with exactly the current entries. */
  void rewrite(StorageFile file) throws IOException {
    file.truncate(0);
    persisted = 0;
    writeTo(file);
  }

  /**
   * Loads the entries of {@code file}.
   *
   * @return null when loaded, else why the file cannot be trusted
   */
  String load(StorageFile file, long logSize) throws IOException {
    clear();
    long bytes = file.size();
    if (bytes % ENTRY_BYTES != 0) return "size " + bytes + " is not a multiple of " + ENTRY_BYTES;
    ByteBuffer buf = ByteBuffer.allocate((int) bytes);
    if (bytes > 0) file.read(buf, 0);
    buf.flip();
    while (buf.remaining() >= ENTRY_BYTES) {
      int rel = buf.getInt();
      int pos = buf.getInt();
      int n = size;
      if (n > 0 && (arrays.offsets[n - 1] >= rel || arrays.positions[n - 1] >= pos) || rel < 0 || pos < 0) {
        clear();
        return "entry " + n + " (" + rel + ", " + pos + ") does not increase";
      }
      if (pos >= logSize) {
        clear();
        return "entry " + n + " points to position " + pos + " past the log size " + logSize;
      }
      append(rel, pos);
    }
    persisted = size;
    return null;
  }
}
