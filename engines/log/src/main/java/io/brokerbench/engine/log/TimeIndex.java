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
 * One writer, concurrent lock-free readers, as {@link AbstractIndex} describes; in memory the key is
 * the timestamp, the value the relative offset.
 */
final class TimeIndex extends AbstractIndex {
  static final int ENTRY_BYTES = 12;

  TimeIndex() {
    super(ENTRY_BYTES);
  }

  @Override
  void putKey(ByteBuffer target, long timestampMs) {
    target.putLong(timestampMs);
  }

  @Override
  long getKey(ByteBuffer source) {
    return source.getLong();
  }

  /** The largest indexed timestamp (ms since the epoch), or {@link Long#MIN_VALUE} when empty. */
  long lastTimestamp() {
    return lastKey(Long.MIN_VALUE);
  }

  /** Adds an entry when {@code timestampMs} and {@code relativeOffset} exceed the last one's; otherwise does nothing. */
  void maybeAppend(long timestampMs, int relativeOffset) {
    if (follows(timestampMs, relativeOffset)) add(timestampMs, relativeOffset);
  }

  /**
   * The relative offset from which to scan for the first record with timestamp at least {@code
   * timestampMs}: the offset of the last entry whose timestamp is below it, or 0.
   */
  int lookup(long timestampMs) {
    return valueOfLastKeyBelow(timestampMs, 0);
  }

  /** Drops every entry whose relative offset is at or past {@code relativeOffset}. Writer only. */
  void truncateToOffset(int relativeOffset) {
    truncateToValue(relativeOffset);
  }

  /** Loads {@code file}; null when loaded, else why it cannot be trusted. No entry may name an offset past {@code lastRelativeOffset}. */
  String load(StorageFile file, int lastRelativeOffset) throws IOException {
    return loadFrom(file, (n, ts, rel) -> {
      if (rel < 0) return doesNotIncrease(n, ts, rel);
      if (rel > lastRelativeOffset) return "entry " + n + " names relative offset " + rel + " past the last " + lastRelativeOffset;
      return null;
    });
  }
}
