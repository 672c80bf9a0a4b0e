package io.brokerbench.engine.log;

import io.brokerbench.commons.storage.StorageFile;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The mechanics shared by a segment's sparse indexes ({@link OffsetIndex}, {@link TimeIndex}), as
 * Kafka's {@code AbstractIndex}: a sequence of entries {@code (key, value)} in which both the
 * {@code long} key and the {@code int} value strictly increase; growth, publication to readers,
 * search, truncation, and the file that holds the entries. A subclass gives the on-disk layout of
 * its key ({@link #putKey}, {@link #getKey}; the value follows as a big-endian int32) and its
 * lookups and load checks.
 *
 * <h2>Memory and file</h2>
 * Entries live in memory in two growing arrays (doubled when full, starting at 16). The file
 * holds exactly the first {@code persisted} entries; {@link #writeTo} appends the rest, {@link
 * #rewrite} writes it anew, {@link #loadFrom} reads and checks it. The file is never forced here:
 * the segment forces it.
 *
 * <h2>Threading</h2>
 * One writer (holding the partition's append lock) calls {@link #add}, the truncations, {@link
 * #clear} and the file methods; any number of readers search without a lock. The writer stores a
 * new entry into the arrays, publishes the arrays (volatile), then the count (volatile); a reader
 * reads the count, then the arrays, so it sees at least that many entries.
 */
abstract class AbstractIndex {
  private final int entryBytes;

  /** The entries' columns; a bigger instance replaces this one when it is full. */
  private static final class Entries {
    final long[] keys;
    final int[] values;

    Entries(int capacity) {
      keys = new long[capacity];
      values = new int[capacity];
    }
  }

  private volatile Entries entries = new Entries(16);
  private volatile int size;
  /** Entries the file holds (the first ones); writer only. */
  private int persisted;

  /** @param entryBytes bytes of one entry in the file: the key's bytes plus 4 for the value */
  AbstractIndex(int entryBytes) {
    this.entryBytes = entryBytes;
  }

  /** Writes {@code key} in the file's layout (the value follows it). */
  abstract void putKey(ByteBuffer target, long key);

  /** Reads a key written by {@link #putKey}. */
  abstract long getKey(ByteBuffer source);

  /** Checks one loaded entry beyond its increase: null when acceptable, else why the file cannot be trusted. */
  @FunctionalInterface
  interface EntryCheck {
    String problem(int index, long key, int value);
  }

  final int size() {
    return size;
  }

  /** Whether {@code (key, value)} would follow the last entry: both strictly greater (true when empty). */
  final boolean follows(long key, int value) {
    int n = size;
    Entries a = entries;
    return n == 0 || (a.keys[n - 1] < key && a.values[n - 1] < value);
  }

  /** Adds an entry; the caller has checked that it {@link #follows}. Writer only. */
  final void add(long key, int value) {
    int n = size;
    Entries a = entries;
    if (n == a.keys.length) {
      Entries bigger = new Entries(n * 2);
      System.arraycopy(a.keys, 0, bigger.keys, 0, n);
      System.arraycopy(a.values, 0, bigger.values, 0, n);
      a = bigger;
    }
    a.keys[n] = key;
    a.values[n] = value;
    entries = a;
    size = n + 1;
  }

  /** The last entry as {@code "(key, value)"}, for error messages; "none" when empty. */
  final String lastEntry() {
    int n = size;
    Entries a = entries;
    return n == 0 ? "none" : "(" + a.keys[n - 1] + ", " + a.values[n - 1] + ")";
  }

  /** Key of the last entry, or {@code none} when there is none. */
  final long lastKey(long none) {
    int n = size;
    Entries a = entries;
    return n == 0 ? none : a.keys[n - 1];
  }

  /** Value of the last entry whose key is below {@code bound}, or {@code none} when there is none. Lock-free. */
  final int valueOfLastKeyBelow(long bound, int none) {
    int n = size;
    Entries a = entries;
    int lo = 0;
    int hi = n - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (a.keys[mid] < bound) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? none : a.values[found];
  }

  /** Drops every entry whose value is at or past {@code value}. Writer only. */
  final void truncateToValue(int value) {
    int n = size;
    Entries a = entries;
    while (n > 0 && a.values[n - 1] >= value) n--;
    size = n;
    persisted = Math.min(persisted, n);
  }

  /** Drops every entry. Writer only. */
  final void clear() {
    size = 0;
    persisted = 0;
  }

  /** Writes the entries not yet in {@code file} (which holds exactly the first {@code persisted}). */
  final void writeTo(StorageFile file) throws IOException {
    int n = size;
    if (persisted == n) return;
    file.truncate((long) persisted * entryBytes);
    ByteBuffer buf = ByteBuffer.allocate((n - persisted) * entryBytes);
    Entries a = entries;
    for (int i = persisted; i < n; i++) {
      putKey(buf, a.keys[i]);
      buf.putInt(a.values[i]);
    }
    buf.flip();
    file.write(buf, (long) persisted * entryBytes);
    persisted = n;
  }

  /** Rewrites {@code file} with exactly the current entries. */
  final void rewrite(StorageFile file) throws IOException {
    file.truncate(0);
    persisted = 0;
    writeTo(file);
  }

  /**
   * Replaces the entries by those of {@code file}: its size must be a whole number of entries, each
   * entry must {@link #follows follow} the one before and pass {@code check}. On a problem no entry
   * is kept.
   *
   * @return null when loaded, else why the file cannot be trusted
   */
  final String loadFrom(StorageFile file, EntryCheck check) throws IOException {
    clear();
    long bytes = file.size();
    if (bytes % entryBytes != 0) return "size " + bytes + " is not a multiple of " + entryBytes;
    ByteBuffer buf = ByteBuffer.allocate((int) bytes);
    if (bytes > 0) file.read(buf, 0);
    buf.flip();
    while (buf.remaining() >= entryBytes) {
      long key = getKey(buf);
      int value = buf.getInt();
      int n = size;
      String problem = follows(key, value) ? check.problem(n, key, value) : doesNotIncrease(n, key, value);
      if (problem != null) {
        clear();
        return problem;
      }
      add(key, value);
    }
    persisted = size;
    return null;
  }

  /** The load problem of entry {@code index} that does not increase (or is out of its range). */
  static String doesNotIncrease(int index, long key, int value) {
    return "entry " + index + " (" + key + ", " + value + ") does not increase";
  }
}
