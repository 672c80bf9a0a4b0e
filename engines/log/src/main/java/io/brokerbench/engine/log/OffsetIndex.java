package io.brokerbench.engine.log;

import io.brokerbench.commons.storage.StorageFile;
import java.io.IOException;
import java.nio.ByteBuffer;

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
 * One writer (holding the partition's append lock) and any number of concurrent lock-free readers,
 * as {@link AbstractIndex} describes; in memory the key is the relative offset, the value the
 * position.
 */
final class OffsetIndex extends AbstractIndex {
  static final int ENTRY_BYTES = 8;

  OffsetIndex() {
    super(ENTRY_BYTES);
  }

  @Override
  void putKey(ByteBuffer target, long relativeOffset) {
    target.putInt((int) relativeOffset);
  }

  @Override
  long getKey(ByteBuffer source) {
    return source.getInt();
  }

  /** Adds an entry; {@code relativeOffset} and {@code position} must exceed the last entry's. */
  void append(int relativeOffset, int position) {
    if (!follows(relativeOffset, position)) {
      throw new IllegalStateException("index entries must increase: last " + lastEntry() + ", new (" + relativeOffset + ", "
          + position + ")");
    }
    add(relativeOffset, position);
  }

  /** Position of the last entry whose offset is at most {@code relativeOffset}, or 0 when none. */
  int lookup(int relativeOffset) {
    return valueOfLastKeyBelow((long) relativeOffset + 1, 0);
  }

  /** Drops every entry whose position is at or past {@code position}. Writer only. */
  void truncateToPosition(int position) {
    truncateToValue(position);
  }

  /**
   * Loads the entries of {@code file}; an entry must not point at or past {@code logSize} bytes.
   *
   * @return null when loaded, else why the file cannot be trusted
   */
  String load(StorageFile file, long logSize) throws IOException {
    return loadFrom(file, (n, rel, pos) -> {
      if (rel < 0 || pos < 0) return doesNotIncrease(n, rel, pos);
      if (pos >= logSize) return "entry " + n + " points to position " + pos + " past the log size " + logSize;
      return null;
    });
  }
}
