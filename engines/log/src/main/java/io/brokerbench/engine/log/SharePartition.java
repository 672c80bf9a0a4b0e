package io.brokerbench.engine.log;

import java.util.ArrayList;
import java.util.List;

/**
 * The delivery state of one partition for one share group (KIP-932's share-partition).
 *
 * <h2>State</h2>
 * Offsets below the start offset (SPSO) are done: acknowledged, archived, or deleted by retention.
 * Offsets in the window {@code [startOffset, endOffset)} were acquired at least once and each has a
 * state, a delivery count and, while ACQUIRED, an owner and a lock deadline:
 * <pre>
 *   AVAILABLE --acquire--&gt; ACQUIRED --ACCEPT--&gt; ACKNOWLEDGED
 *                            |  |----REJECT, or a gap in the log--&gt; ARCHIVED
 *   AVAILABLE &lt;-------------|  RELEASE, lock timeout, owner left: AVAILABLE while
 *                               deliveryCount &lt; limit, else ARCHIVED (reported)
 * </pre>
 * Offsets from {@code endOffset} on are implicitly AVAILABLE with delivery count 0. Acquiring
 * increments a record's delivery count. Invariants: {@code startOffset <= endOffset <= startOffset +
 * maxInFlightRecords}; the record at {@code startOffset}, when the window is not empty, is AVAILABLE or
 * ACQUIRED (the start offset moves past ACKNOWLEDGED and ARCHIVED records at once); {@code available}
 * and {@code acquired} count the window's records in those states.
 *
 * <p>The window is a ring of {@code maxInFlightRecords} slots indexed by {@code offset %
 * maxInFlightRecords}: a state byte, an int delivery count, an int owner and a long deadline per
 * slot, 17 bytes per in-flight record, allocated when the share-partition is created.
 *
 * <h2>Threading</h2>
 * Thread-safe: every method holds this object's monitor. Records are read from the log outside it
 * (a member acquires offsets, then reads them). Lock deadlines are monotonic nanoseconds of the
 * engine's {@link Time}. Records archived by the delivery limit, and whether any record became
 * available again, are collected under the monitor and handed out by {@link #takeNotifications()}
 * so that listeners and waiting members are told outside it.
 */
final class SharePartition {
  static final byte AVAILABLE = 0;
  static final byte ACQUIRED = 1;
  static final byte ACKNOWLEDGED = 2;
  static final byte ARCHIVED = 3;

  /** A record archived because its delivery count reached the limit. */
  record Archived(long offset, int deliveryCount) {}

  /** What happened since the last {@link #takeNotifications()}. */
  record Notifications(List<Archived> archived, boolean madeAvailable) {}

  final String group;
  final TopicPartition partition;
  final PartitionLog log;
  private final long lockNanos;
  private final int limit;
  private final int capacity;
  private final byte[] state;
  private final int[] deliveries;
  private final int[] owner;
  private final long[] deadline;
  private long startOffset;
  private long endOffset;
  private int available;
  private int acquired;
  private long nextDeadline = Long.MAX_VALUE;
  private volatile long nextDeadlineSeen = Long.MAX_VALUE;
  private List<Archived> archivedPending;
  private boolean madeAvailable;
  /** Set when {@link #takeNotifications()} has something; read without the monitor. */
  volatile boolean pending;

  SharePartition(String group, PartitionLog log, ShareGroupConfig config) {
    this.group = group;
    this.partition = log.partition();
    this.log = log;
    this.lockNanos = config.recordLockDuration().toNanos();
    this.limit = config.deliveryCountLimit();
    this.capacity = config.maxInFlightRecords();
    this.state = new byte[capacity];
    this.deliveries = new int[capacity];
    this.owner = new int[capacity];
    this.deadline = new long[capacity];
    long start = config.autoOffsetReset() == OffsetReset.EARLIEST ? log.logStartOffset() : log.endOffset();
    this.startOffset = start;
    this.endOffset = start;
  }

  private int slot(long offset) {
    return (int) (offset % capacity);
  }

  /**
   * Acquires up to {@code max} records for {@code member}: first AVAILABLE records in the window,
   * lowest offset first, then records past the window up to the log end and the in-flight bound.
   * Applies lock timeouts and retention first.
   *
   * @param offsets receives the acquired offsets, ascending, from index 0
   * @param counts receives their delivery counts (after this acquisition)
   * @return how many were acquired, 0 to {@code max}
   */
  synchronized int acquire(int member, long nowNanos, int max, long[] offsets, int[] counts) {
    expire(nowNanos);
    trimToLogStart();
    int n = 0;
    long lockUntil = nowNanos + lockNanos;
    if (available > 0) {
      for (long o = startOffset; o < endOffset && n < max; o++) {
        int s = slot(o);
        if (state[s] != AVAILABLE) continue;
        take(s, member, lockUntil);
        available--;
        offsets[n] = o;
        counts[n++] = deliveries[s];
      }
    }
    long bound = Math.min(log.endOffset(), startOffset + capacity);
    while (n < max && endOffset < bound) {
      int s = slot(endOffset);
      deliveries[s] = 0;
      take(s, member, lockUntil);
      offsets[n] = endOffset;
      counts[n++] = 1;
      endOffset++;
    }
    return n;
  }

  private void take(int s, int member, long lockUntil) {
    state[s] = ACQUIRED;
    deliveries[s]++;
    owner[s] = member;
    deadline[s] = lockUntil;
    acquired++;
    if (lockUntil < nextDeadline) {
      nextDeadline = lockUntil;
      nextDeadlineSeen = lockUntil;
    }
  }

  /**
   * Applies {@code type} to {@code offset} when {@code member} holds it (acquired, lock not timed out).
   *
   * @return whether it was applied; false when the record is not held by {@code member} (its lock
   *     timed out, it was released by a close, or it was never acquired by this member)
   */
  synchronized boolean acknowledge(int member, long offset, AcknowledgeType type, long nowNanos) {
    expire(nowNanos);
    if (offset < startOffset || offset >= endOffset) return false;
    int s = slot(offset);
    if (state[s] != ACQUIRED || owner[s] != member) return false;
    acquired--;
    switch (type) {
      case ACCEPT -> state[s] = ACKNOWLEDGED;
      case REJECT -> state[s] = ARCHIVED;
      case RELEASE -> release(s, offset);
    }
    advance();
    return true;
  }

  /**
   * Makes an acquired record AVAILABLE again without counting the delivery (it was acquired but never
   * handed out). Does nothing when {@code member} no longer holds it.
   */
  synchronized void unacquire(int member, long offset) {
    if (offset < startOffset || offset >= endOffset) return;
    int s = slot(offset);
    if (state[s] != ACQUIRED || owner[s] != member) return;
    acquired--;
    deliveries[s]--;
    state[s] = AVAILABLE;
    available++;
    madeAvailable = true;
    pending = true;
  }

  /** Archives an acquired offset that the log does not hold (a compaction gap, or retention); not reported. */
  synchronized void gone(int member, long offset) {
    if (offset < startOffset || offset >= endOffset) return;
    int s = slot(offset);
    if (state[s] != ACQUIRED || owner[s] != member) return;
    acquired--;
    state[s] = ARCHIVED;
    advance();
  }

  /** Releases every record {@code member} holds (it left the group). */
  synchronized void releaseAll(int member) {
    if (acquired == 0) return;
    for (long o = startOffset; o < endOffset; o++) {
      int s = slot(o);
      if (state[s] == ACQUIRED && owner[s] == member) {
        acquired--;
        release(s, o);
      }
    }
    advance();
  }

  /** Applies lock timeouts now (a poll, an acknowledgement and the engine's scheduler do it too). */
  synchronized void expireLocks(long nowNanos) {
    expire(nowNanos);
  }

  /** The earliest lock deadline in engine nanoseconds, {@code Long.MAX_VALUE} when none; may be early. Lock-free. */
  long nextLockDeadline() {
    return nextDeadlineSeen;
  }

  private void release(int s, long offset) {
    if (deliveries[s] >= limit) {
      state[s] = ARCHIVED;
      if (archivedPending == null) archivedPending = new ArrayList<>();
      archivedPending.add(new Archived(offset, deliveries[s]));
    } else {
      state[s] = AVAILABLE;
      available++;
      madeAvailable = true;
    }
    pending = true;
  }

  private void expire(long nowNanos) {
    if (nowNanos < nextDeadline) return;
    long next = Long.MAX_VALUE;
    for (long o = startOffset; o < endOffset; o++) {
      int s = slot(o);
      if (state[s] != ACQUIRED) continue;
      if (deadline[s] <= nowNanos) {
        acquired--;
        release(s, o);
      } else if (deadline[s] < next) {
        next = deadline[s];
      }
    }
    nextDeadline = next;
    nextDeadlineSeen = next;
    advance();
  }

  /** Moves the start offset past the log start (retention deleted those records) and past done records. */
  private void trimToLogStart() {
    long logStart = log.logStartOffset();
    if (startOffset >= logStart) return;
    for (long o = startOffset; o < Math.min(logStart, endOffset); o++) {
      int s = slot(o);
      if (state[s] == AVAILABLE) available--;
      if (state[s] == ACQUIRED) acquired--;
    }
    startOffset = logStart;
    if (endOffset < logStart) endOffset = logStart;
    advance();
  }

  private void advance() {
    while (startOffset < endOffset) {
      byte st = state[slot(startOffset)];
      if (st != ACKNOWLEDGED && st != ARCHIVED) break;
      startOffset++;
    }
  }

  /** Takes what happened since the last call; null when nothing did. */
  synchronized Notifications takeNotifications() {
    if (!pending) return null;
    Notifications n = new Notifications(archivedPending == null ? List.of() : archivedPending, madeAvailable);
    archivedPending = null;
    madeAvailable = false;
    pending = false;
    return n;
  }

  /** A consistent snapshot of the counters. */
  synchronized ShareGroupCoordinator.SharePartitionState snapshot() {
    return new ShareGroupCoordinator.SharePartitionState(startOffset, endOffset, available, acquired);
  }

  @Override
  public String toString() {
    return "SharePartition[" + group + ", " + partition + "]";
  }
}
