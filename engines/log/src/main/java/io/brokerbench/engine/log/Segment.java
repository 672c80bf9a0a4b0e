package io.brokerbench.engine.log;

import io.brokerbench.commons.storage.Storage;
import io.brokerbench.commons.storage.StorageFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One file of a partition's log: {@code <baseOffset>.log} (batches back to back, format in {@link
 * RecordBatch}), with its {@link OffsetIndex} ({@code .index}) and {@link TimeIndex} ({@code
 * .timeindex}). File names are the base offset in 20 zero-padded decimal digits.
 *
 * <h2>Invariants</h2>
 * The first batch's base offset is {@link #baseOffset()}; each batch's base offset is the previous
 * batch's last offset + 1; {@link #nextOffset()} is the last record's offset + 1 (the base offset
 * when empty). Bytes {@code [0, size())} are whole valid batches.
 *
 * <h2>Threading</h2>
 * Writes ({@link #append}, {@link #truncateTo}, {@link #seal}) come from one thread at a time, the
 * holder of the partition's append lock. Reads ({@link #read}, {@link #findPosition}) are lock-free
 * and see only bytes below the volatile {@link #size()}, which is raised after the bytes are written.
 * {@link #force()} may run concurrently with an append.
 */
final class Segment {
  private static final System.Logger LOG = System.getLogger(Segment.class.getName());

  private final long baseOffset;
  private final Path logPath;
  private final Path indexPath;
  private final Path timeIndexPath;
  private final StorageFile log;
  private final StorageFile indexFile;
  private final StorageFile timeIndexFile;
  private final OffsetIndex index = new OffsetIndex();
  private final TimeIndex timeIndex = new TimeIndex();
  private final int indexIntervalBytes;

  private volatile int size;
  private volatile long nextOffset;
  private volatile long maxTimestamp = Long.MIN_VALUE;
  private volatile int forcedSize;
  private int bytesSinceIndexEntry;

  private Segment(Storage storage, Path dir, long baseOffset, int indexIntervalBytes) throws IOException {
    this.baseOffset = baseOffset;
    this.indexIntervalBytes = indexIntervalBytes;
    String stem = fileStem(baseOffset);
    this.logPath = dir.resolve(stem + ".log");
    this.indexPath = dir.resolve(stem + ".index");
    this.timeIndexPath = dir.resolve(stem + ".timeindex");
    this.log = storage.open(logPath, true);
    StorageFile idx = null;
    StorageFile tidx = null;
    try {
      idx = storage.open(indexPath, true);
      tidx = storage.open(timeIndexPath, true);
    } catch (IOException e) {
      closeQuietly(log);
      closeQuietly(idx);
      throw e;
    }
    this.indexFile = idx;
    this.timeIndexFile = tidx;
    this.nextOffset = baseOffset;
  }

  /** The file name stem of a segment: base offset in 20 zero-padded digits. */
  static String fileStem(long baseOffset) {
    return String.format(Locale.ROOT, "%020d", baseOffset);
  }

  /** Creates a new empty segment (truncating leftovers of the same name). */
  static Segment create(Storage storage, Path dir, long baseOffset, int indexIntervalBytes) throws IOException {
    Segment s = new Segment(storage, dir, baseOffset, indexIntervalBytes);
    s.log.truncate(0);
    s.indexFile.truncate(0);
    s.timeIndexFile.truncate(0);
    return s;
  }

  /**
   * Opens an existing segment. A sealed segment with trustworthy index files is loaded as is (its size
   * is the file size); otherwise (always for the active segment) the log is scanned: see {@link
   * #recover}.
   */
  static Segment open(Storage storage, Path dir, long baseOffset, int indexIntervalBytes, boolean active,
      ProducerStateTable producers) throws IOException {
    Segment s = new Segment(storage, dir, baseOffset, indexIntervalBytes);
    try {
      if (active || !s.tryLoadSealed()) {
        s.recover(producers);
      }
      return s;
    } catch (IOException | RuntimeException e) {
      s.closeWithoutForce();
      throw e;
    }
  }

  private boolean tryLoadSealed() throws IOException {
    long logSize = log.size();
    if (logSize > Integer.MAX_VALUE) return false;
    String why = index.load(indexFile, logSize);
    if (why == null && index.size() == 0 && logSize > indexIntervalBytes) {
      why = "no index entries for " + logSize + " bytes of log";
    }
    if (why == null && logSize > 0) {
      // The last batch tells the next offset; it must be whole and valid.
      int lastPos = index.size() == 0 ? 0 : index.lookup(Integer.MAX_VALUE);
      long expectedBase = index.size() == 0 ? baseOffset : -1;
      Scan scan = scan(lastPos, expectedBase, null, false);
      if (scan.reason != null || scan.validEnd != logSize) {
        why = scan.reason != null ? scan.reason : "bytes after the last valid batch";
      } else {
        nextOffset = scan.nextOffset;
        maxTimestamp = Math.max(maxTimestamp, scan.maxTimestamp);
      }
    }
    if (why == null) {
      why = timeIndex.load(timeIndexFile, (int) (nextOffset - 1 - baseOffset));
    }
    if (why != null) {
      LOG.log(System.Logger.Level.INFO, "index of " + logPath + " rebuilt: " + why);
      index.clear();
      timeIndex.clear();
      return false;
    }
    size = (int) logSize;
    forcedSize = size;
    if (timeIndex.size() > 0) maxTimestamp = Math.max(maxTimestamp, timeIndex.lastTimestamp());
    return true;
  }

  /** Result of scanning batches. */
  private static final class Scan {
    long validEnd;
    long nextOffset;
    long maxTimestamp = Long.MIN_VALUE;
    String reason;
  }

  /**
   * Scans from {@code from} to the end of the file, validating each batch, optionally rebuilding
   * indexes and producer state.
   *
   * @param expectedBase base offset the first batch must have, or -1 for any
   */
  private Scan scan(long from, long expectedBase, ProducerStateTable producers, boolean rebuild) throws IOException {
    Scan result = new Scan();
    long fileSize = log.size();
    long position = from;
    long expected = expectedBase;
    result.nextOffset = expectedBase < 0 ? baseOffset : expectedBase;
    ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(1 << 20, Math.max(RecordBatch.HEADER_SIZE, fileSize - from)));
    long chunkStart = 0;
    chunk.limit(0);
    while (position < fileSize) {
      int inChunk = (int) (position - chunkStart);
      int available = chunk.limit() - inChunk;
      int need = RecordBatch.HEADER_SIZE;
      if (available >= RecordBatch.LOG_OVERHEAD) {
        long len = chunk.getInt(inChunk + RecordBatch.BATCH_LENGTH) + (long) RecordBatch.LOG_OVERHEAD;
        need = (int) Math.max(need, Math.min(len, RecordBatch.MAX_BATCH_BYTES));
      }
      if (available < need) {
        int capacity = (int) Math.min(Math.max(chunk.capacity(), need), Math.max(need, fileSize - position));
        if (capacity > chunk.capacity()) chunk = ByteBuffer.allocate(capacity);
        chunk.clear();
        int n = log.read(chunk, position);
        chunk.flip();
        chunkStart = position;
        inChunk = 0;
        available = Math.max(n, 0);
        if (available >= RecordBatch.LOG_OVERHEAD) {
          long len = chunk.getInt(RecordBatch.BATCH_LENGTH) + (long) RecordBatch.LOG_OVERHEAD;
          if (len > available && len <= RecordBatch.MAX_BATCH_BYTES && position + len <= fileSize) {
            continue; // the chunk was too small for this batch; loop reallocates
          }
        }
      }
      String invalid = RecordBatch.validate(chunk, inChunk, available);
      long base = invalid == null ? RecordBatch.baseOffset(chunk, inChunk) : -1;
      if (invalid == null && expected >= 0 && base != expected) {
        invalid = "base offset expected " + expected + ", found " + base;
      }
      if (invalid != null) {
        result.reason = logPath + " at position " + position + ": " + invalid;
        break;
      }
      int batchSize = RecordBatch.sizeAt(chunk, inChunk);
      long last = RecordBatch.lastOffset(chunk, inChunk);
      long batchMaxTs = RecordBatch.maxTimestamp(chunk, inChunk);
      if (rebuild) {
        indexBatch((int) position, base, batchSize, batchMaxTs);
      }
      if (producers != null) {
        long pid = RecordBatch.producerId(chunk, inChunk);
        if (pid >= 0 && RecordBatch.recordCount(chunk, inChunk) > 0) {
          producers.restore(pid, RecordBatch.baseSequence(chunk, inChunk), RecordBatch.recordCount(chunk, inChunk), base, last);
        }
      }
      result.maxTimestamp = Math.max(result.maxTimestamp, batchMaxTs);
      expected = last + 1;
      result.nextOffset = last + 1;
      position += batchSize;
      result.validEnd = position;
    }
    if (result.reason == null) result.validEnd = position;
    return result;
  }

  /**
   * Scans the whole log, keeps the valid prefix (truncating at the first batch whose size, magic,
   * CRC or base offset is wrong), rebuilds both indexes and rewrites their files, and feeds producer
   * state to {@code producers}.
   *
   * @return bytes cut off the end of the log
   */
  long recover(ProducerStateTable producers) throws IOException {
    index.clear();
    timeIndex.clear();
    bytesSinceIndexEntry = 0;
    maxTimestamp = Long.MIN_VALUE;
    long fileSize = log.size();
    Scan scan = scan(0, baseOffset, producers, true);
    long truncated = fileSize - scan.validEnd;
    if (truncated > 0) {
      LOG.log(System.Logger.Level.WARNING, "recovery truncated " + truncated + " bytes of " + logPath
          + (scan.reason != null ? " (" + scan.reason + ")" : ""));
      log.truncate(scan.validEnd);
      log.force();
    }
    size = (int) scan.validEnd;
    forcedSize = size;
    nextOffset = scan.nextOffset;
    maxTimestamp = scan.maxTimestamp;
    index.rewrite(indexFile);
    timeIndex.rewrite(timeIndexFile);
    return truncated;
  }

  private void indexBatch(int position, long batchBase, int batchSize, long batchMaxTs) {
    if (position > 0 && bytesSinceIndexEntry >= indexIntervalBytes) {
      int rel = (int) (batchBase - baseOffset);
      index.append(rel, position);
      timeIndex.maybeAppend(Math.max(batchMaxTs, maxTimestamp), rel);
      bytesSinceIndexEntry = 0;
    }
    bytesSinceIndexEntry += batchSize;
    if (batchMaxTs > maxTimestamp) maxTimestamp = batchMaxTs;
  }

  long baseOffset() {
    return baseOffset;
  }

  /** Offset after the last record; the base offset when empty. */
  long nextOffset() {
    return nextOffset;
  }

  /** Bytes of whole batches, readable. */
  int size() {
    return size;
  }

  long maxTimestamp() {
    return maxTimestamp;
  }

  boolean isFullyForced() {
    return forcedSize == size;
  }

  Path logPath() {
    return logPath;
  }

  /**
   * Appends one batch whose base offset is already set. Writer only.
   *
   * @throws IOException when the write fails; the segment is cut back to its previous size
   */
  void append(ByteBuffer batch, long batchBase, long lastOffset, long batchMaxTs) throws IOException {
    int position = size;
    int batchSize = batch.remaining();
    try {
      log.write(batch, position);
    } catch (IOException e) {
      try {
        log.truncate(position);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    indexBatch(position, batchBase, batchSize, batchMaxTs);
    nextOffset = lastOffset + 1;
    size = position + batchSize;
  }

  /**
   * Position from which to scan for {@code offset}: the index entry at or before it. The caller scans
   * forward with {@link #readHeader}.
   */
  int indexedPositionFor(long offset) {
    long rel = offset - baseOffset;
    if (rel <= 0) return 0;
    return index.lookup((int) Math.min(rel, Integer.MAX_VALUE));
  }

  /** Relative-offset position to start scanning for the first record at or after {@code timestampMs}. */
  int indexedPositionForTimestamp(long timestampMs) {
    int rel = timeIndex.lookup(timestampMs);
    return index.lookup(rel);
  }

  /**
   * Reads the first {@value RecordBatch#HEADER_SIZE} bytes of the batch at {@code position} into
   * {@code header} (cleared first).
   *
   * @return false when the position is at or past the readable size
   */
  boolean readHeader(int position, ByteBuffer header) throws IOException {
    if (position + RecordBatch.HEADER_SIZE > size) return false;
    header.clear().limit(RecordBatch.HEADER_SIZE);
    int n = log.read(header, position);
    if (n < RecordBatch.HEADER_SIZE) {
      throw new CorruptRecordException(logPath + ": short read of a batch header at position " + position
          + ", expected " + RecordBatch.HEADER_SIZE + " bytes, found " + n);
    }
    header.flip();
    return true;
  }

  /**
   * Finds the position of the batch holding {@code offset} (or the first batch after it).
   *
   * @return the position, or {@link #size()} when the segment holds no record at or after the offset
   */
  int findPosition(long offset, ByteBuffer header) throws IOException {
    int position = indexedPositionFor(offset);
    int limit = size;
    while (position < limit && readHeader(position, header)) {
      if (RecordBatch.lastOffset(header, 0) >= offset) return position;
      position += RecordBatch.sizeAt(header, 0);
    }
    return limit;
  }

  /** Reads bytes {@code [position, min(size, position + target.remaining()))} into {@code target}. */
  int read(int position, ByteBuffer target) throws IOException {
    int readable = size - position;
    if (readable <= 0) return 0;
    if (target.remaining() > readable) target.limit(target.position() + readable);
    int n = log.read(target, position);
    return Math.max(n, 0);
  }

  /** Forces the log up to the size seen at the start of the call. */
  void force() throws IOException {
    int s = size;
    if (forcedSize >= s) return;
    log.force();
    forcedSize = s;
  }

  /** Writes index files (forcing them too when {@code forceFiles}). Writer only. */
  void flushIndexes(boolean forceFiles) throws IOException {
    index.writeTo(indexFile);
    timeIndex.writeTo(timeIndexFile);
    if (forceFiles) {
      indexFile.force();
      timeIndexFile.force();
    }
  }

  /** Cuts the segment to {@code position} (a batch boundary). Writer only. */
  void truncateTo(int position, long newNextOffset) throws IOException {
    index.truncateToPosition(position);
    timeIndex.truncateToOffset((int) (newNextOffset - baseOffset));
    log.truncate(position);
    size = position;
    forcedSize = Math.min(forcedSize, position);
    nextOffset = newNextOffset;
    index.rewrite(indexFile);
    timeIndex.rewrite(timeIndexFile);
  }

  /** Closes every file without forcing (crash, or after an explicit flush). */
  void closeWithoutForce() {
    closeQuietly(log);
    closeQuietly(indexFile);
    closeQuietly(timeIndexFile);
  }

  /** Deletes the index files (the segment must be closed); they are rebuilt on the next open. */
  void deleteIndexFiles(Storage storage) throws IOException {
    storage.delete(indexPath);
    storage.delete(timeIndexPath);
  }

  /** Closes and deletes the three files. */
  void delete(Storage storage) throws IOException {
    closeWithoutForce();
    storage.delete(logPath);
    storage.delete(indexPath);
    storage.delete(timeIndexPath);
  }

  private static void closeQuietly(StorageFile f) {
    if (f == null) return;
    try {
      f.close();
    } catch (IOException ignored) {
      // closing a handle we are dropping; nothing to recover
    }
  }

  @Override
  public String toString() {
    return logPath + "[" + baseOffset + ".." + (nextOffset - 1) + ", " + size + "B]";
  }
}
