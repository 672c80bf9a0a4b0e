package io.brokerbench.engine.log;

import io.brokerbench.commons.storage.Storage;
import io.brokerbench.commons.storage.StorageFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The log of one partition: an ordered list of {@link Segment}s, the last one active.
 *
 * <h2>Invariants</h2>
 * Offsets are dense and monotonic: the records readable are exactly {@code [logStartOffset(),
 * endOffset())}, every offset in that range is held by exactly one record, and segment {@code i+1}
 * starts where segment {@code i} ends. {@code flushedOffset() <= endOffset()}: records below it are
 * forced to disk.
 *
 * <h2>Threading</h2>
 * <ul>
 *   <li>{@link #append}, retention, {@link #close} and {@link #crash} take this partition's own
 *       append lock; appends to different partitions never contend.
 *   <li>{@link #read}, {@link #offsetForTimestamp} and the offset getters take no lock: they see a
 *       volatile snapshot of the segment list and of {@link #endOffset()}, published after the bytes
 *       are written. A read racing with retention may fail with {@link OffsetOutOfRangeException}.
 *   <li>{@link #flush} may be called from any thread (the engine's flusher); flushes are serialized
 *       among themselves but do not block appends.
 * </ul>
 *
 * <h2>Failures</h2>
 * A failed write cuts the segment back and throws {@link IOException}; nothing is acknowledged. A
 * failed force leaves the bytes appended (readable) but unflushed and throws; a retry of the same
 * idempotent batch is answered from the producer state and forced again.
 */
public final class PartitionLog {
  private static final System.Logger LOG = System.getLogger(PartitionLog.class.getName());

  private final TopicPartition partition;
  private final Path directory;
  private final Storage storage;
  private final LogConfig config;
  private final Time time;
  private final ReentrantLock appendLock = new ReentrantLock();
  private final ReentrantLock flushSerial = new ReentrantLock();
  private final ProducerStateTable producers = new ProducerStateTable();
  private final CopyOnWriteArrayList<DataSignal> waiters = new CopyOnWriteArrayList<>();
  private final Object pendingLock = new Object();
  private final List<PendingFlush> pending = new ArrayList<>();

  private volatile Segment[] segments;
  private volatile long endOffset;
  private volatile long logStartOffset;
  private volatile long flushedOffset;
  private volatile boolean closed;

  private record PendingFlush(long lastOffset, FlushCallback callback) {}

  private PartitionLog(TopicPartition partition, Path directory, Storage storage, LogConfig config, Time time) {
    this.partition = partition;
    this.directory = directory;
    this.storage = storage;
    this.config = config;
    this.time = time;
  }

  /**
   * Opens (or creates) the log in {@code directory}: loads sealed segments, recovers the active one
   * (truncating at the first invalid batch and rebuilding its indexes), and drops any segment that
   * would break offset density after a truncation.
   *
   * @throws InsufficientDiskSpaceException when a new log cannot start its first segment
   */
  public static PartitionLog open(TopicPartition partition, Path directory, Storage storage, LogConfig config, Time time)
      throws IOException {
    PartitionLog log = new PartitionLog(partition, directory, storage, config, time);
    log.load();
    return log;
  }

  private void load() throws IOException {
    storage.createDirectories(directory);
    List<Long> bases = new ArrayList<>();
    for (Path p : storage.list(directory)) {
      String name = p.getFileName().toString();
      if (name.endsWith(".log.cleaned")) {
        storage.delete(p); // a compaction that did not finish its swap
        continue;
      }
      if (name.endsWith(".log") && name.length() == 24) {
        try {
          bases.add(Long.parseLong(name.substring(0, 20)));
        } catch (NumberFormatException e) {
          LOG.log(System.Logger.Level.WARNING, "ignoring " + p + ": not a segment name");
        }
      }
    }
    bases.sort(null);
    List<Segment> loaded = new ArrayList<>();
    try {
      for (int i = 0; i < bases.size(); i++) {
        boolean active = i == bases.size() - 1;
        Segment s = Segment.open(storage, directory, bases.get(i), config.indexIntervalBytes(), active, active ? producers : null);
        if (!loaded.isEmpty() && loaded.get(loaded.size() - 1).nextOffset() != s.baseOffset()) {
          Segment prev = loaded.get(loaded.size() - 1);
          LOG.log(System.Logger.Level.WARNING, partition + ": segment " + s.logPath() + " starts at " + s.baseOffset()
              + " but the previous one ends at " + prev.nextOffset() + "; deleting it and every later segment");
          s.delete(storage);
          for (int j = i + 1; j < bases.size(); j++) {
            Segment later = Segment.open(storage, directory, bases.get(j), config.indexIntervalBytes(), false, null);
            later.delete(storage);
          }
          // The previous segment becomes active again: recover it fully.
          prev.recover(producers);
          break;
        }
        loaded.add(s);
      }
      if (loaded.isEmpty()) {
        checkDiskSpace(config.segmentBytes(), "start the first segment");
        loaded.add(Segment.create(storage, directory, 0, config.indexIntervalBytes()));
      }
    } catch (IOException | RuntimeException e) {
      for (Segment s : loaded) s.closeWithoutForce();
      throw e;
    }
    segments = loaded.toArray(new Segment[0]);
    Segment active = segments[segments.length - 1];
    active.force();
    logStartOffset = segments[0].baseOffset();
    endOffset = active.nextOffset();
    flushedOffset = endOffset;
  }

  public TopicPartition partition() {
    return partition;
  }

  /** Offset of the first record still held (older ones were deleted by retention). */
  public long logStartOffset() {
    return logStartOffset;
  }

  /** Offset the next appended record gets; the readable records end just before it. */
  public long endOffset() {
    return endOffset;
  }

  /** Records below this offset are forced to disk. */
  public long flushedOffset() {
    return flushedOffset;
  }

  /** Bytes held by all segments. */
  public long sizeInBytes() {
    long total = 0;
    for (Segment s : segments) total += s.size();
    return total;
  }

  /** Base offset of the active segment (the one appended to). */
  long activeBaseOffset() {
    Segment[] segs = segments;
    return segs[segs.length - 1].baseOffset();
  }

  /** Number of segments, the active one included. */
  public int segmentCount() {
    return segments.length;
  }

  /** Largest producer id found in this log's recovered producer state, or -1. */
  long maxProducerId() {
    appendLock.lock();
    try {
      return producers.maxProducerId();
    } finally {
      appendLock.unlock();
    }
  }

  /**
   * Appends one batch (built by {@link BatchBuilder}, from {@code batch.position()} to its limit),
   * assigning its base offset in place. With {@link FsyncPolicy.Mode#ALWAYS} the batch is forced
   * before this returns. Waiting readers are signalled.
   *
   * @throws CorruptRecordException when the bytes are not exactly one valid batch
   * @throws OutOfOrderSequenceException when an idempotent producer's sequence is out of order
   * @throws InsufficientDiskSpaceException when a new segment is needed but the disk is too full
   * @throws EngineClosedException when the log is closed
   * @throws IOException when the write or force fails
   */
  public AppendResult append(ByteBuffer batch) throws IOException {
    return append(batch, true);
  }

  /**
   * Appends the batch {@code builder} has {@link BatchBuilder#build built}, as {@link
   * #append(ByteBuffer)} but without recomputing the CRC the builder just wrote (the structure is
   * still checked).
   */
  public AppendResult append(BatchBuilder builder) throws IOException {
    return append(builder.built(), false);
  }

  private AppendResult append(ByteBuffer batch, boolean verifyCrc) throws IOException {
    int start = batch.position();
    int size = batch.remaining();
    String invalid = verifyCrc ? RecordBatch.validate(batch, start, size) : RecordBatch.validateStructure(batch, start, size);
    if (invalid == null && RecordBatch.sizeAt(batch, start) != size) {
      invalid = "buffer holds " + size + " bytes but the batch is " + RecordBatch.sizeAt(batch, start);
    }
    if (invalid == null && (RecordBatch.recordCount(batch, start) < 1
        || RecordBatch.recordCount(batch, start) != batch.getInt(start + RecordBatch.LAST_OFFSET_DELTA) + 1)) {
      invalid = "an appended batch needs recordCount = lastOffsetDelta + 1 >= 1";
    }
    if (invalid != null) throw new CorruptRecordException(partition + ": refusing to append: " + invalid);
    int count = RecordBatch.recordCount(batch, start);
    long producerId = RecordBatch.producerId(batch, start);
    int baseSequence = RecordBatch.baseSequence(batch, start);
    long maxTs = RecordBatch.maxTimestamp(batch, start);
    AppendResult result;
    appendLock.lock();
    try {
      ensureOpen();
      if (producerId >= 0) {
        ProducerStateTable.AppendedBatch earlier = producers.check(partition, producerId, baseSequence, count);
        if (earlier != null) {
          if (config.fsync().mode() == FsyncPolicy.Mode.ALWAYS && flushedOffset <= earlier.lastOffset()) {
            forceAllLocked();
          }
          return new AppendResult(earlier.baseOffset(), earlier.lastOffset(), true);
        }
      }
      Segment active = segments[segments.length - 1];
      if (active.size() > 0 && (long) active.size() + size > config.segmentBytes()) {
        active = roll();
      }
      long base = endOffset;
      long last = base + count - 1;
      batch.putLong(start + RecordBatch.BASE_OFFSET, base);
      active.append(batch, base, last, maxTs);
      if (producerId >= 0) producers.record(producerId, baseSequence, count, base, last);
      endOffset = last + 1;
      result = new AppendResult(base, last, false);
      if (config.fsync().mode() == FsyncPolicy.Mode.ALWAYS) {
        active.force();
        flushedOffset = endOffset;
      }
    } finally {
      appendLock.unlock();
    }
    for (DataSignal w : waiters) w.signal();
    return result;
  }

  private void forceAllLocked() throws IOException {
    long target = endOffset;
    for (Segment s : segments) s.force();
    flushedOffset = target;
  }

  private Segment roll() throws IOException {
    Segment old = segments[segments.length - 1];
    boolean force = config.fsync().mode() != FsyncPolicy.Mode.NEVER;
    old.flushIndexes(force);
    if (force) old.force();
    checkDiskSpace(config.segmentBytes(), "start segment " + endOffset);
    Segment fresh = Segment.create(storage, directory, endOffset, config.indexIntervalBytes());
    Segment[] next = Arrays.copyOf(segments, segments.length + 1);
    next[next.length - 1] = fresh;
    segments = next;
    if (config.retentionBytes() >= 0 || config.retentionTime() != null) {
      deleteOldSegmentsLocked(time.millis());
    }
    return fresh;
  }

  private void checkDiskSpace(long growthBytes, String what) throws IOException {
    long usable = storage.usableSpace(directory);
    if (usable - growthBytes < config.minFreeDiskBytes()) {
      throw new InsufficientDiskSpaceException(partition + ": refusing to " + what + ": " + directory + " has "
          + usable + " bytes usable, a segment may take " + growthBytes + " and at least "
          + config.minFreeDiskBytes() + " must stay free (minFreeDiskBytes)");
    }
  }

  /**
   * Reads whole batches from the one holding {@code offset}, up to {@code maxBytes} (at least one whole
   * batch even when it is larger). The first batch may begin before {@code offset}; readers skip its
   * earlier records.
   *
   * @param reuse a buffer to read into when large enough, or null
   * @param cursor the caller's cursor for this partition, or null; updated to the end of this read
   * @return a buffer with the batches between its position (0) and limit; empty when {@code offset}
   *     equals {@link #endOffset()}. It is {@code reuse} when that was large enough.
   * @throws OffsetOutOfRangeException when {@code offset} is below {@link #logStartOffset()} or above
   *     {@link #endOffset()}
   */
  public ByteBuffer read(long offset, int maxBytes, ByteBuffer reuse, FetchCursor cursor) throws IOException {
    Segment[] before = segments;
    try {
      return readOnce(offset, maxBytes, reuse, cursor);
    } catch (IOException e) {
      if (segments == before || closed) throw e;
      // A segment was swapped (compaction) or deleted (retention) under us: look it up again.
      if (cursor != null) cursor.reset();
      return readOnce(offset, maxBytes, reuse, cursor);
    }
  }

  private ByteBuffer readOnce(long offset, int maxBytes, ByteBuffer reuse, FetchCursor cursor) throws IOException {
    ByteBuffer buffer = reuse != null && reuse.capacity() >= Math.min(maxBytes, 1 << 20) ? reuse : ByteBuffer.allocate(Math.max(maxBytes, 64));
    buffer.clear().limit(0);
    long end = endOffset;
    if (offset == end) return buffer;
    checkRange(offset, end);
    Segment[] segs = segments;
    try {
      Segment seg;
      int position;
      ByteBuffer header = null;
      if (cursor != null && cursor.nextOffset == offset && cursor.segment != null && cursor.segment.baseOffset() >= logStartOffset) {
        seg = cursor.segment;
        position = cursor.position;
      } else {
        seg = floor(segs, offset);
        header = ByteBuffer.allocate(RecordBatch.HEADER_SIZE);
        position = seg.findPosition(offset, header);
      }
      while (position >= seg.size()) {
        Segment next = after(segs, seg);
        if (next == null) return buffer;
        seg = next;
        if (header == null) header = ByteBuffer.allocate(RecordBatch.HEADER_SIZE);
        position = seg.findPosition(offset, header);
      }
      int want = Math.min(Math.max(maxBytes, RecordBatch.HEADER_SIZE), seg.size() - position);
      if (buffer.capacity() < want) buffer = ByteBuffer.allocate(want);
      buffer.clear().limit(want);
      seg.read(position, buffer);
      buffer.flip();
      int firstSize = buffer.remaining() >= RecordBatch.LOG_OVERHEAD ? RecordBatch.sizeAt(buffer, 0) : Integer.MAX_VALUE;
      if (firstSize > buffer.remaining()) {
        if (firstSize == Integer.MAX_VALUE || firstSize > RecordBatch.MAX_BATCH_BYTES || position + firstSize > seg.size()) {
          throw new CorruptRecordException(seg.logPath() + ": batch at position " + position + " has size " + firstSize
              + " but " + (seg.size() - position) + " bytes are readable");
        }
        buffer = ByteBuffer.allocate(firstSize);
        seg.read(position, buffer);
        buffer.flip();
      }
      int p = 0;
      long nextOffset = offset;
      int limit = buffer.limit();
      while (p + RecordBatch.LOG_OVERHEAD <= limit) {
        int s = RecordBatch.sizeAt(buffer, p);
        if (s < RecordBatch.HEADER_SIZE || p + s > limit) break;
        nextOffset = RecordBatch.lastOffset(buffer, p) + 1;
        p += s;
      }
      buffer.limit(p);
      if (cursor != null) {
        cursor.nextOffset = nextOffset;
        cursor.segment = seg;
        cursor.position = position + p;
      }
      return buffer;
    } catch (IOException e) {
      if (closed) throw new EngineClosedException(partition + " is closed");
      if (offset < logStartOffset) {
        throw new OffsetOutOfRangeException(partition + ": offset " + offset + " was deleted by retention while reading; log starts at " + logStartOffset);
      }
      throw e;
    }
  }

  private void checkRange(long offset, long end) {
    long start = logStartOffset;
    if (offset < start || offset > end) {
      throw new OffsetOutOfRangeException(partition + ": offset " + offset + " is outside [" + start + ", " + end + "]");
    }
  }

  private static Segment floor(Segment[] segs, long offset) {
    int lo = 0;
    int hi = segs.length - 1;
    int found = 0;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (segs[mid].baseOffset() <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return segs[found];
  }

  private static Segment after(Segment[] segs, Segment seg) {
    for (int i = 0; i < segs.length - 1; i++) {
      if (segs[i] == seg) return segs[i + 1];
    }
    for (Segment s : segs) {
      if (s.baseOffset() > seg.baseOffset()) return s;
    }
    return null;
  }

  /**
   * The first offset whose record timestamp is at least {@code timestampMs}, or {@link #endOffset()}
   * when every record is older. Timestamps are producer create times and need not increase; the
   * answer is the first such record in offset order, found from the time index.
   */
  public long offsetForTimestamp(long timestampMs) throws IOException {
    Segment[] segs = segments;
    ByteBuffer header = ByteBuffer.allocate(RecordBatch.HEADER_SIZE);
    for (Segment seg : segs) {
      if (seg.size() == 0 || seg.maxTimestamp() < timestampMs) continue;
      int position = seg.indexedPositionForTimestamp(timestampMs);
      while (seg.readHeader(position, header)) {
        int size = RecordBatch.sizeAt(header, 0);
        if (RecordBatch.maxTimestamp(header, 0) >= timestampMs) {
          ByteBuffer batch = ByteBuffer.allocate(size);
          seg.read(position, batch);
          batch.flip();
          long[] found = {-1};
          RecordBatch.forEachRecord(batch, 0, 0, (offset, ts, b, rp) -> {
            if (found[0] < 0 && ts >= timestampMs) found[0] = offset;
          });
          if (found[0] >= 0) return Math.max(found[0], logStartOffset);
        }
        position += size;
      }
    }
    return endOffset;
  }

  /** Registers a signal raised on every append (and on close). */
  public void addWaiter(DataSignal signal) {
    waiters.addIfAbsent(signal);
  }

  public void removeWaiter(DataSignal signal) {
    waiters.remove(signal);
  }

  /**
   * Calls {@code callback} once every record up to {@code lastOffset} is forced: at once (on this
   * thread) when already so, else on the thread of the {@link #flush} that forces it.
   */
  public void whenFlushed(long lastOffset, FlushCallback callback) {
    if (flushedOffset > lastOffset) {
      callback.onFlushed(null);
      return;
    }
    synchronized (pendingLock) {
      if (!closed && flushedOffset <= lastOffset) {
        pending.add(new PendingFlush(lastOffset, callback));
        return;
      }
    }
    callback.onFlushed(flushedOffset > lastOffset ? null : new EngineClosedException(partition + " closed before offset " + lastOffset + " was flushed"));
  }

  /**
   * Forces every segment with unforced bytes, then completes the {@link #whenFlushed} callbacks now
   * covered. Does nothing after close.
   *
   * @throws IOException when a force fails; the pending callbacks are told
   */
  public void flush() throws IOException {
    if (closed) return;
    List<PendingFlush> done = new ArrayList<>();
    Throwable failure = null;
    flushSerial.lock();
    try {
      long target = endOffset;
      Segment[] segs = segments;
      try {
        for (Segment s : segs) {
          if (!s.isFullyForced()) s.force();
        }
        if (target > flushedOffset) flushedOffset = target;
      } catch (IOException e) {
        if (closed) return;
        failure = e;
      }
      synchronized (pendingLock) {
        Iterator<PendingFlush> it = pending.iterator();
        while (it.hasNext()) {
          PendingFlush pf = it.next();
          if (failure != null || pf.lastOffset < flushedOffset) {
            done.add(pf);
            it.remove();
          }
        }
      }
    } finally {
      flushSerial.unlock();
    }
    for (PendingFlush pf : done) pf.callback.onFlushed(failure);
    if (failure instanceof IOException io) throw io;
  }

  /**
   * Deletes whole segments (never the active one) past the retention time or beyond the retention
   * size.
   *
   * @return segments deleted
   */
  public int applyRetention(long nowMs) throws IOException {
    appendLock.lock();
    try {
      if (closed) return 0;
      return deleteOldSegmentsLocked(nowMs);
    } finally {
      appendLock.unlock();
    }
  }

  private int deleteOldSegmentsLocked(long nowMs) throws IOException {
    Segment[] segs = segments;
    long total = 0;
    for (Segment s : segs) total += s.size();
    int drop = 0;
    long retentionMs = config.retentionTime() == null ? -1 : config.retentionTime().toMillis();
    while (drop < segs.length - 1) {
      Segment s = segs[drop];
      boolean expired = retentionMs >= 0 && s.maxTimestamp() < nowMs - retentionMs;
      boolean oversize = config.retentionBytes() >= 0 && total - s.size() >= config.retentionBytes();
      if (!expired && !oversize) break;
      total -= s.size();
      drop++;
    }
    if (drop == 0) return 0;
    segments = Arrays.copyOfRange(segs, drop, segs.length);
    logStartOffset = segments[0].baseOffset();
    for (int i = 0; i < drop; i++) segs[i].delete(storage);
    return drop;
  }

  /**
   * Compacts every sealed segment (the active one is left alone): keeps, per key, only the latest
   * record of the whole log, and drops tombstones older than the tombstone retention. Each changed
   * segment is rewritten to {@code <base>.log.cleaned}, forced, then swapped in under the append
   * lock by an atomic rename, and its indexes are rebuilt. Offsets never change; they get gaps.
   * Readers racing with a swap retry once on the new segment.
   *
   * @return segments rewritten
   */
  public int compact(long nowMs) throws IOException {
    Segment[] segs = segments;
    if (segs.length < 2 || closed) return 0;
    Map<SegmentCompactor.Key, Long> latest = new HashMap<>();
    long offset = logStartOffset;
    long end = endOffset;
    ByteBuffer buf = null;
    FetchCursor cursor = new FetchCursor();
    while (offset < end) {
      buf = read(offset, 1 << 20, buf, cursor);
      long next = RecordBatch.nextOffsetAfter(buf);
      if (next <= offset) break;
      SegmentCompactor.collectLatest(buf, latest);
      offset = next;
    }
    long horizon = nowMs - config.tombstoneRetention().toMillis();
    int rewritten = 0;
    for (int i = 0; i < segs.length - 1; i++) {
      Segment s = segs[i];
      ByteBuffer whole = ByteBuffer.allocate(s.size());
      s.read(0, whole);
      whole.flip();
      ByteBuffer cleaned = SegmentCompactor.compact(whole, latest, horizon);
      if (cleaned == null) continue;
      Path tmp = directory.resolve(Segment.fileStem(s.baseOffset()) + ".log.cleaned");
      try (StorageFile f = storage.open(tmp, true)) {
        f.truncate(0);
        f.write(cleaned, 0);
        f.force();
      }
      appendLock.lock();
      try {
        Segment[] now = segments;
        int idx = Arrays.asList(now).indexOf(s);
        if (closed || idx < 0 || idx == now.length - 1) {
          storage.delete(tmp);
          continue;
        }
        s.closeWithoutForce();
        s.deleteIndexFiles(storage);
        storage.move(tmp, s.logPath());
        Segment fresh = Segment.open(storage, directory, s.baseOffset(), config.indexIntervalBytes(), true, null);
        fresh.flushIndexes(true);
        Segment[] next = now.clone();
        next[idx] = fresh;
        segments = next;
        rewritten++;
      } finally {
        appendLock.unlock();
      }
    }
    return rewritten;
  }

  /**
   * Deletes every sealed segment whose records all lie below {@code offset} (used to drop the part of
   * an internal log that a snapshot supersedes).
   *
   * @return segments deleted
   */
  public int deleteSegmentsBefore(long offset) throws IOException {
    appendLock.lock();
    try {
      if (closed) return 0;
      Segment[] segs = segments;
      int drop = 0;
      while (drop < segs.length - 1 && segs[drop].nextOffset() <= offset) drop++;
      if (drop == 0) return 0;
      segments = Arrays.copyOfRange(segs, drop, segs.length);
      logStartOffset = segments[0].baseOffset();
      for (int i = 0; i < drop; i++) segs[i].delete(storage);
      return drop;
    } finally {
      appendLock.unlock();
    }
  }

  /** Writes index files, forces everything and closes the files. Idempotent. */
  public void close() throws IOException {
    appendLock.lock();
    try {
      if (closed) return;
      IOException failure = null;
      try {
        segments[segments.length - 1].flushIndexes(true);
        forceAllLocked();
      } catch (IOException e) {
        failure = e;
      }
      closed = true;
      for (Segment s : segments) s.closeWithoutForce();
      failPending();
      if (failure != null) throw failure;
    } finally {
      appendLock.unlock();
      for (DataSignal w : waiters) w.signal();
    }
  }

  /**
   * Simulates a process crash: drops every file handle without writing index files or forcing, and
   * fails pending flush callbacks. Does not wait for the append lock; an append in progress fails.
   */
  public void crash() {
    closed = true;
    for (Segment s : segments) s.closeWithoutForce();
    failPending();
    for (DataSignal w : waiters) w.signal();
  }

  /** Completes every pending flush callback: successfully when its records were forced, else with an error. */
  private void failPending() {
    List<PendingFlush> left;
    synchronized (pendingLock) {
      left = new ArrayList<>(pending);
      pending.clear();
    }
    long durable = flushedOffset;
    for (PendingFlush pf : left) {
      pf.callback.onFlushed(pf.lastOffset < durable ? null
          : new EngineClosedException(partition + " closed before offset " + pf.lastOffset + " was flushed"));
    }
  }

  private void ensureOpen() {
    if (closed) throw new EngineClosedException(partition + " is closed");
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return partition + "[" + logStartOffset + ".." + endOffset + ")";
  }
}
