package io.brokerbench.engine.queue;

import io.brokerbench.commons.storage.StorageFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The append-only journal of durable queues: enqueue and remove records in segment files named by
 * the logical position of their first byte (positions grow across segments and never repeat).
 *
 * <h2>Pipeline</h2>
 * <ol>
 *   <li><b>Append</b> (any thread, under {@code appendLock}, short): the record is encoded into an
 *       in-memory buffer and gets its end position. The buffer is bounded ({@value #MAX_BUFFERED}
 *       bytes): publishers wait in {@link #awaitSpace()} before they take any queue lock.
 *   <li><b>Write</b> (under {@code writeLock}): the buffer is swapped out and written to the
 *       segment files. The journal thread writes; an acknowledgement writes through itself so an
 *       acknowledged message cannot come back after a process crash.
 *   <li><b>Force</b> (journal thread only, outside both locks): per {@link FsyncPolicy}; then
 *       every confirm waiting for a position at or below the forced one completes, on the journal
 *       thread (group commit: one force covers every waiting publisher).
 * </ol>
 * A segment is forced when it is rolled (unless {@code never}), so one force of the current
 * segment covers every earlier position.
 *
 * <h2>Reclamation</h2>
 * Each segment counts its live enqueue records (enqueued, not yet removed). The oldest segments
 * are deleted while their count is zero and they are no longer written: deleting only a prefix
 * keeps every remove record whose enqueue record still exists.
 *
 * <p>Thread-safe. Failure: an I/O error on the journal thread fails every pending and later
 * confirm with {@link PublishRejectedException}; the engine stays usable for transient messages.
 */
final class Journal {
  static final int MAX_BUFFERED = 16 << 20;

  private final QueueDirectory directory;
  private final FsyncPolicy policy;
  private final long segmentBytes;
  private final java.util.function.LongSupplier clockMillis;
  /** Longest single wait of the journal thread for an interval deadline, so a fake clock is seen soon. */
  private static final long INTERVAL_POLL_MILLIS = 10;

  private final ReentrantLock appendLock = new ReentrantLock();
  private final Condition work = appendLock.newCondition();
  private final Condition space = appendLock.newCondition();
  private byte[] buffer = new byte[64 << 10];
  /** Bytes appended and not yet swapped out for writing; written under appendLock. */
  private volatile int buffered;
  private long appendPosition;
  private long appendSegment;
  private int recordsBuffered;
  private final ArrayDeque<Long> rolls = new ArrayDeque<>();
  private final TreeMap<Long, long[]> liveBySegment = new TreeMap<>();
  /**
   * Confirms waiting for a position, in registration order, which is nearly always position
   * order; {@code waitersUnordered} records that one came in below its predecessor, and the next
   * completion then scans them all.
   */
  private ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  private boolean waitersUnordered;
  private long recordsAppended;

  private final ReentrantLock writeLock = new ReentrantLock();
  private byte[] spare = new byte[64 << 10];
  private StorageFile current;
  private long currentBase;
  private final List<StorageFile> retired = new ArrayList<>();
  private volatile long writtenPosition;
  private volatile long forcedPosition;
  private long recordsWritten;
  private long recordsForcedMark;

  private final Object statsLock = new Object();
  private long bytesWritten;
  private long writes;
  private long fsyncs;
  private long recordsForced;
  private long segmentsDeleted;
  private long forceNanos;

  private volatile boolean stopping;
  private volatile IOException failure;
  private final Thread thread;

  private record Waiter(long position, CompletableFuture<Void> future) {}

  /**
   * Opens the journal for appending at {@code position}, in segment {@code segmentBase} (created
   * when absent), with live counts from recovery.
   */
  Journal(QueueDirectory directory, FsyncPolicy policy, long segmentBytes, long segmentBase, long position, Map<Long, Long> live)
      throws IOException {
    this(directory, policy, segmentBytes, segmentBase, position, live, System::currentTimeMillis);
  }

  /**
   * As above, with the clock (epoch milliseconds) that times {@code interval} forces, so tests
   * can run the policy on a fake clock.
   */
  Journal(QueueDirectory directory, FsyncPolicy policy, long segmentBytes, long segmentBase, long position, Map<Long, Long> live,
      java.util.function.LongSupplier clockMillis) throws IOException {
    this.clockMillis = clockMillis;
    this.directory = directory;
    this.policy = policy;
    this.segmentBytes = segmentBytes;
    this.appendPosition = position;
    this.appendSegment = segmentBase;
    this.writtenPosition = position;
    this.forcedPosition = position;
    this.currentBase = segmentBase;
    this.current = directory.open(JournalFormat.segmentName(segmentBase), true);
    live.forEach((seg, n) -> liveBySegment.put(seg, new long[] {n}));
    liveBySegment.computeIfAbsent(segmentBase, k -> new long[1]);
    this.thread = new Thread(this::run, "queue-engine-journal");
    thread.setDaemon(true);
    thread.start();
  }

  // ---------------------------------------------------------------- append

  /** Appends an enqueue record for {@code m}; sets its segment; returns the record's end position. */
  long appendEnqueue(long queueId, QueuedMessage m) {
    JournalFormat.Encoded e = new JournalFormat.Encoded(m.message);
    int size = JournalFormat.HEADER + e.payloadLength;
    appendLock.lock();
    try {
      reserve(size);
      buffered = JournalFormat.writeEnqueue(buffer, buffered, queueId, m.seq, m.expiresAtMillis, m.message, e);
      m.segment = appendSegment;
      liveBySegment.get(appendSegment)[0]++;
      return appended(size);
    } finally {
      appendLock.unlock();
    }
  }

  /** Appends a remove record and releases the message's segment; returns the end position. */
  long appendRemove(long queueId, long seq, long segment) {
    int size = JournalFormat.HEADER + JournalFormat.REMOVE_PAYLOAD;
    appendLock.lock();
    try {
      reserve(size);
      buffered = JournalFormat.writeRemove(buffer, buffered, queueId, seq);
      release(segment);
      return appended(size);
    } finally {
      appendLock.unlock();
    }
  }

  /** Forgets a journaled message without a record (its queue was deleted from the topology). */
  void releaseIfJournaled(QueuedMessage m) {
    if (m.segment < 0) return;
    appendLock.lock();
    try {
      release(m.segment);
      m.segment = -1;
    } finally {
      appendLock.unlock();
    }
  }

  private void release(long segment) {
    long[] live = liveBySegment.get(segment);
    if (live != null) live[0]--;
  }

  /**
   * Back-pressure: waits while the unwritten buffer holds {@value #MAX_BUFFERED} bytes or more.
   * Called by publishers before they take any queue lock, so the journal thread (which completes
   * confirms, and so may run callbacks that publish) never waits for a thread that waits here.
   * Appends themselves never wait; concurrent appenders may take the buffer past the bound by
   * one record each.
   */
  void awaitSpace() {
    if (buffered < MAX_BUFFERED) return; // unlocked read: a hint, checked again under the lock
    appendLock.lock();
    try {
      while (buffered >= MAX_BUFFERED && failure == null && !stopping) {
        work.signal();
        space.awaitUninterruptibly();
      }
    } finally {
      appendLock.unlock();
    }
  }

  private void reserve(int size) {
    checkFailure();
    if (buffered + size > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffered + size, buffer.length * 2));
    }
    if (appendPosition > appendSegment && appendPosition - appendSegment + size > segmentBytes) {
      appendSegment = appendPosition;
      rolls.addLast(appendPosition);
      liveBySegment.put(appendSegment, new long[1]);
    }
  }

  private long appended(int size) {
    appendPosition += size;
    recordsAppended++;
    recordsBuffered++;
    work.signal();
    return appendPosition;
  }

  private void checkFailure() {
    IOException f = failure;
    if (f != null) throw new PublishRejectedException("journal in " + directory.describe() + " failed: " + f.getMessage(), f);
  }

  /** A future completed once {@code position} is confirmed under the policy. */
  CompletableFuture<Void> whenConfirmed(long position) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    appendLock.lock();
    try {
      if (failure != null) {
        f.completeExceptionally(new PublishRejectedException("journal failed", failure));
      } else if (stopping) {
        f.completeExceptionally(new PublishRejectedException("engine stopped before the message was confirmed"));
      } else if (position <= confirmedPosition()) {
        f.complete(null);
      } else {
        Waiter last = waiters.peekLast();
        if (last != null && last.position > position) waitersUnordered = true;
        waiters.addLast(new Waiter(position, f));
        work.signal();
      }
    } finally {
      appendLock.unlock();
    }
    return f;
  }

  private long confirmedPosition() {
    return policy.kind() == FsyncPolicy.Kind.NEVER ? writtenPosition : forcedPosition;
  }

  // ---------------------------------------------------------------- write

  /** Makes sure every byte up to {@code position} is written to the operating system. */
  void writeThrough(long position) {
    if (writtenPosition >= position) return;
    try {
      long written = writeOut();
      if (policy.kind() == FsyncPolicy.Kind.NEVER) completeUpTo(written);
    } catch (IOException e) {
      fail(e);
      throw new UncheckedIOException("journal write failed in " + directory.describe(), e);
    }
  }

  /** Writes everything appended so far; returns the written position. */
  private long writeOut() throws IOException {
    writeLock.lock();
    try {
      byte[] data;
      int length;
      long start;
      Long[] segmentStarts;
      int records;
      appendLock.lock();
      try {
        if (buffered == 0) return writtenPosition;
        data = buffer;
        length = buffered;
        start = appendPosition - buffered;
        segmentStarts = rolls.toArray(new Long[0]);
        rolls.clear();
        records = recordsBuffered;
        recordsBuffered = 0;
        buffer = spare;
        buffered = 0;
        space.signalAll();
      } finally {
        appendLock.unlock();
      }
      int off = 0;
      long pos = start;
      for (long roll : segmentStarts) {
        int n = (int) (roll - pos);
        writeToCurrent(data, off, n, pos);
        off += n;
        pos += n;
        rollTo(roll);
      }
      writeToCurrent(data, off, length - off, pos);
      spare = data;
      if (spare.length > (1 << 20) && length < (64 << 10)) spare = new byte[64 << 10];
      recordsWritten += records;
      writtenPosition = start + length;
      synchronized (statsLock) {
        bytesWritten += length;
        writes++;
      }
      return writtenPosition;
    } finally {
      writeLock.unlock();
    }
  }

  private void writeToCurrent(byte[] data, int off, int len, long position) throws IOException {
    if (len == 0) return;
    current.write(ByteBuffer.wrap(data, off, len), position - currentBase);
  }

  private void rollTo(long base) throws IOException {
    if (policy.kind() != FsyncPolicy.Kind.NEVER) {
      long t0 = System.nanoTime();
      current.force();
      long took = System.nanoTime() - t0;
      synchronized (statsLock) {
        fsyncs++;
        forceNanos += took;
      }
    }
    if (policy.kind() == FsyncPolicy.Kind.NEVER) {
      current.close();
    } else {
      retired.add(current);
    }
    current = directory.open(JournalFormat.segmentName(base), true);
    currentBase = base;
  }

  // ---------------------------------------------------------------- journal thread

  private void run() {
    long nextForceMillis = clockMillis.getAsLong();
    while (!stopping) {
      try {
        appendLock.lock();
        try {
          while (!stopping && buffered == 0 && !(policy.kind() != FsyncPolicy.Kind.NEVER && forcedPosition < writtenPosition)) {
            work.await(100, TimeUnit.MILLISECONDS);
          }
        } finally {
          appendLock.unlock();
        }
        if (stopping) return;
        long written = writeOut();
        switch (policy.kind()) {
          case ALWAYS -> force();
          case INTERVAL -> {
            long now = clockMillis.getAsLong();
            if (now >= nextForceMillis) {
              force();
              nextForceMillis = now + policy.intervalMillis();
            } else {
              appendLock.lock();
              try {
                long waitMillis = Math.min(nextForceMillis - now, INTERVAL_POLL_MILLIS);
                if (!stopping && buffered == 0) work.await(waitMillis, TimeUnit.MILLISECONDS);
              } finally {
                appendLock.unlock();
              }
            }
          }
          case NEVER -> completeUpTo(written);
        }
        reclaim();
      } catch (IOException e) {
        fail(e);
        return;
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (stopping) return;
        fail(new IOException(e));
        return;
      }
    }
  }

  private void force() throws IOException {
    StorageFile f;
    long position;
    long records;
    List<StorageFile> toClose;
    writeLock.lock();
    try {
      f = current;
      position = writtenPosition;
      records = recordsWritten - recordsForcedMark;
      recordsForcedMark = recordsWritten;
      toClose = new ArrayList<>(retired);
      retired.clear();
    } finally {
      writeLock.unlock();
    }
    if (position > forcedPosition) {
      long t0 = System.nanoTime();
      f.force();
      long took = System.nanoTime() - t0;
      synchronized (statsLock) {
        fsyncs++;
        recordsForced += records;
        forceNanos += took;
      }
      forcedPosition = position;
      completeUpTo(position);
    }
    for (StorageFile r : toClose) r.close();
  }

  /** Completes confirms up to {@code position}; callers hold no journal lock (callbacks run here). */
  private void completeUpTo(long position) {
    List<CompletableFuture<Void>> done = null;
    appendLock.lock();
    try {
      if (waitersUnordered) {
        ArrayDeque<Waiter> rest = new ArrayDeque<>();
        List<Waiter> later = new ArrayList<>();
        for (Waiter w : waiters) {
          if (w.position <= position) {
            if (done == null) done = new ArrayList<>();
            done.add(w.future);
          } else {
            later.add(w);
          }
        }
        later.sort((a, b) -> Long.compare(a.position, b.position));
        rest.addAll(later);
        waiters = rest;
        waitersUnordered = false;
      } else {
        while (!waiters.isEmpty() && waiters.peekFirst().position <= position) {
          if (done == null) done = new ArrayList<>();
          done.add(waiters.pollFirst().future);
        }
      }
    } finally {
      appendLock.unlock();
    }
    if (done != null) for (CompletableFuture<Void> f : done) f.complete(null);
  }

  private void reclaim() throws IOException {
    List<Long> deletable = new ArrayList<>();
    long writingBase;
    writeLock.lock();
    try {
      writingBase = currentBase;
    } finally {
      writeLock.unlock();
    }
    appendLock.lock();
    try {
      while (!liveBySegment.isEmpty()) {
        Map.Entry<Long, long[]> first = liveBySegment.firstEntry();
        if (first.getKey() >= writingBase || first.getKey() >= appendSegment || first.getValue()[0] > 0) break;
        deletable.add(first.getKey());
        liveBySegment.pollFirstEntry();
      }
    } finally {
      appendLock.unlock();
    }
    for (long base : deletable) {
      directory.delete(JournalFormat.segmentName(base));
      synchronized (statsLock) {
        segmentsDeleted++;
      }
    }
  }

  private void fail(IOException e) {
    List<Waiter> pending;
    appendLock.lock();
    try {
      if (failure == null) failure = e;
      pending = new ArrayList<>(waiters);
      waiters.clear();
      space.signalAll();
    } finally {
      appendLock.unlock();
    }
    for (Waiter w : pending) w.future.completeExceptionally(new PublishRejectedException("journal failed in " + directory.describe(), e));
  }

  // ---------------------------------------------------------------- lifecycle

  JournalStats stats() {
    synchronized (statsLock) {
      long appended;
      appendLock.lock();
      try {
        appended = recordsAppended;
      } finally {
        appendLock.unlock();
      }
      return new JournalStats(appended, bytesWritten, writes, fsyncs, recordsForced, segmentsDeleted, forceNanos);
    }
  }

  /**
   * Orderly close: writes and forces everything appended (forced even under {@code never}),
   * completes pending confirms, stops the thread, closes files.
   */
  void close() {
    stopThread();
    try {
      writeOut();
      force();
    } catch (IOException e) {
      fail(e);
    } finally {
      failPending("engine closed");
      closeFiles();
    }
  }

  /**
   * Crash: stops the thread and drops the file handles without writing or forcing anything
   * further. Pending confirms fail; appended bytes not yet written are lost, as in a real crash.
   */
  void crash() {
    stopThread();
    failPending("engine crashed before the message was confirmed");
    closeFiles();
  }

  private void stopThread() {
    appendLock.lock();
    try {
      stopping = true;
      work.signalAll();
      space.signalAll();
    } finally {
      appendLock.unlock();
    }
    // Not interrupted: the thread may be inside a write or force; it sees the flag within 100 ms.
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void failPending(String why) {
    List<Waiter> pending;
    appendLock.lock();
    try {
      pending = new ArrayList<>(waiters);
      waiters.clear();
    } finally {
      appendLock.unlock();
    }
    for (Waiter w : pending) w.future.completeExceptionally(new PublishRejectedException(why));
  }

  private void closeFiles() {
    writeLock.lock();
    try {
      for (StorageFile f : retired) closeQuietly(f);
      retired.clear();
      closeQuietly(current);
    } finally {
      writeLock.unlock();
    }
  }

  private static void closeQuietly(StorageFile f) {
    try {
      f.close();
    } catch (IOException ignored) {
      // closing a handle we are abandoning; nothing to recover
    }
  }
}
