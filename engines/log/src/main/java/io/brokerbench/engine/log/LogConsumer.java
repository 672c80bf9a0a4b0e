package io.brokerbench.engine.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads records from partitions: either as a member of a consumer group ({@link #subscribe}), whose
 * coordinator assigns partitions and rebalances them, or from partitions it {@link #assign}s itself.
 *
 * <h2>Polling</h2>
 * {@link #poll(Duration, RecordHandler)} heartbeats, takes part in rebalances, then reads the owned
 * partitions in turn from their positions, handing out at most {@code maxPollRecords} records. When
 * none is available it waits (long poll, no busy loop) on a {@link DataSignal} raised by appends and
 * rebalances, until data arrives or the timeout passes.
 *
 * <h2>Positions and commits</h2>
 * A partition's position is the offset after the last record handed out. It starts at the group's
 * committed offset, or per {@link OffsetReset} when there is none (or it was deleted by retention).
 * Commits store positions; with auto-commit they happen every interval, before partitions are taken
 * away by a rebalance, and on close. Records handed out but not committed before their partition moves
 * to another member are handed out again by that member: at-least-once.
 *
 * <h2>Threading</h2>
 * Not thread-safe: one thread polls, commits and seeks. Only {@link #wakeup()} may be called from
 * another thread (it makes a waiting poll return).
 */
public final class LogConsumer implements AutoCloseable {
  private final LogEngine engine;
  private final ConsumerConfig config;
  private final GroupCoordinator coordinator;
  private final DataSignal signal = new DataSignal();
  private final RecordView view = new RecordView();
  private final Map<TopicPartition, PartitionState> owned = new LinkedHashMap<>();
  private PartitionState[] ownedArray = new PartitionState[0];
  private Subscription subscription;
  private String memberId;
  private int generation = -1;
  private boolean manual;
  private ByteBuffer fetchBuffer;
  private int nextPartition;
  private long nextAutoCommitNanos;
  private RevocationListener revocationListener;
  private volatile boolean wakeupRequested;
  private volatile boolean closed;

  private static final class PartitionState {
    final TopicPartition partition;
    final PartitionLog log;
    final FetchCursor cursor = new FetchCursor();
    long position = -1;

    PartitionState(TopicPartition partition, PartitionLog log) {
      this.partition = partition;
      this.log = log;
    }
  }

  LogConsumer(LogEngine engine, ConsumerConfig config) {
    this.engine = engine;
    this.config = config;
    this.coordinator = engine.groups();
    this.nextAutoCommitNanos = engine.time().nanos() + config.autoCommitInterval().toNanos();
  }

  /** Joins the group, reading the named topics. @throws IllegalStateException without a group id */
  public void subscribe(Collection<String> topics) {
    join(Subscription.of(Set.copyOf(topics)));
  }

  /** Joins the group, reading every topic whose whole name matches {@code pattern}, now and later. */
  public void subscribe(Pattern pattern) {
    join(Subscription.of(pattern));
  }

  /** Joins the group with {@code subscription} (named topics or a pattern). */
  public void subscribe(Subscription subscription) {
    join(subscription);
  }

  private void join(Subscription s) {
    ensureOpen();
    if (config.groupId() == null) throw new IllegalStateException("subscribe needs a group id");
    if (manual) throw new IllegalStateException("this consumer assigned partitions itself; it cannot also subscribe");
    if (memberId != null) {
      revokeAll();
      coordinator.leave(config.groupId(), memberId);
    }
    subscription = s;
    memberId = coordinator.join(config.groupId(), s, config.assignor(), config.memberIndex(), config.sessionTimeout().toNanos(), signal);
    generation = -1;
  }

  /** Reads exactly these partitions, outside any group membership. */
  public void assign(Collection<TopicPartition> partitions) {
    ensureOpen();
    if (memberId != null) throw new IllegalStateException("this consumer is a group member; it cannot also assign");
    manual = true;
    Set<TopicPartition> wanted = new TreeSet<>(partitions);
    for (TopicPartition tp : new ArrayList<>(owned.keySet())) if (!wanted.contains(tp)) removeOwned(tp);
    for (TopicPartition tp : wanted) if (!owned.containsKey(tp)) addOwned(tp);
  }

  /**
   * Sets who decides what to commit before a rebalance takes partitions away; without one, an
   * auto-committing consumer commits its positions of every owned partition then.
   */
  public void setRevocationListener(RevocationListener listener) {
    this.revocationListener = listener;
  }

  /** The member id in the group, or null when not a member. */
  public String memberId() {
    return memberId;
  }

  /** The generation this member last synced with, -1 before the first. */
  public int generation() {
    return generation;
  }

  /** Partitions this consumer owns now. */
  public Set<TopicPartition> assignment() {
    return Set.copyOf(owned.keySet());
  }

  /** The next offset this consumer hands out for {@code tp}. @throws IllegalStateException when not owned */
  public long position(TopicPartition tp) {
    PartitionState st = state(tp);
    if (st.position < 0) initPosition(st);
    return st.position;
  }

  /**
   * Polls and collects the records (copies).
   *
   * @see #poll(Duration, RecordHandler)
   */
  public List<ConsumerRecord> poll(Duration timeout) {
    List<ConsumerRecord> out = new ArrayList<>();
    poll(timeout, r -> out.add(new ConsumerRecord(r.partition(), r.offset(), r.toRecord())));
    return out;
  }

  /**
   * Hands out up to {@code maxPollRecords} records to {@code handler}, waiting up to {@code timeout}
   * for the first one.
   *
   * @return records handed out; 0 after the timeout or a {@link #wakeup()}
   * @throws EngineClosedException when the consumer or engine is closed
   * @throws CorruptRecordException when a fetched batch fails its CRC check
   */
  public int poll(Duration timeout, RecordHandler handler) {
    return poll(timeout, handler, config.maxPollRecords());
  }

  /**
   * As {@link #poll(Duration, RecordHandler)}, handing out at most {@code maxRecords} records; with 0
   * it only heartbeats and takes part in a rebalance, then returns 0 at once.
   */
  public int poll(Duration timeout, RecordHandler handler, int maxRecords) {
    ensureOpen();
    if (maxRecords < 0) throw new IllegalArgumentException("maxRecords must be >= 0, was " + maxRecords);
    if (maxRecords == 0) {
      maintainMembership();
      maybeAutoCommit();
      return 0;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    long heartbeatNanos = Math.max(1_000_000L, config.sessionTimeout().toNanos() / 3);
    while (true) {
      ensureOpen();
      maintainMembership();
      maybeAutoCommit();
      signal.clear();
      int n = fetch(handler, maxRecords);
      if (n > 0) return n;
      if (wakeupRequested) {
        wakeupRequested = false;
        return 0;
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) return 0;
      try {
        signal.await(Math.min(remaining, heartbeatNanos));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      }
    }
  }

  /**
   * Keeps the group session alive while the polling thread is busy with records (a handler that
   * takes long); no rebalance is joined. Safe to call from the record handler.
   */
  public void keepAlive() {
    String member = memberId;
    if (member != null && !closed) coordinator.touch(config.groupId(), member);
  }

  /** Makes a poll that is waiting (or the next one) return at once with 0 records. Thread-safe. */
  public void wakeup() {
    wakeupRequested = true;
    signal.signal();
  }

  private void maintainMembership() {
    if (memberId == null) return;
    String group = config.groupId();
    GroupCoordinator.Heartbeat hb;
    try {
      hb = coordinator.heartbeat(group, memberId);
    } catch (UnknownMemberException e) {
      // Our session timed out: everything we owned is gone; rejoin as a new member.
      revokeAll();
      memberId = coordinator.join(group, subscription, config.assignor(), config.memberIndex(), config.sessionTimeout().toNanos(), signal);
      generation = -1;
      hb = coordinator.heartbeat(group, memberId);
    }
    if (!hb.needsSync(generation)) return;
    if (hb.generation() != generation && !owned.isEmpty() && (config.autoCommit() || revocationListener != null)) {
      Set<TopicPartition> revoked = new TreeSet<>(hb.owned());
      revoked.removeAll(hb.target());
      Map<TopicPartition, Long> positions = revocationListener != null
          ? (revoked.isEmpty() ? Map.of() : revocationListener.onRevoke(Set.copyOf(revoked)))
          : positionsOf(hb.owned());
      try {
        if (!positions.isEmpty()) coordinator.commit(group, memberId, hb.generation(), positions);
      } catch (StaleGenerationException | UnknownMemberException e) {
        // another rebalance started meanwhile; what we did not commit is delivered again
      }
    }
    Set<TopicPartition> now;
    try {
      now = coordinator.sync(group, memberId, hb.generation());
    } catch (StaleGenerationException | UnknownMemberException e) {
      return; // retried on the next poll
    }
    generation = hb.generation();
    for (TopicPartition tp : new ArrayList<>(owned.keySet())) if (!now.contains(tp)) removeOwned(tp);
    for (TopicPartition tp : now) if (!owned.containsKey(tp)) addOwned(tp);
  }

  private Map<TopicPartition, Long> positionsOf(Collection<TopicPartition> tps) {
    Map<TopicPartition, Long> out = new HashMap<>();
    for (TopicPartition tp : tps) {
      PartitionState st = owned.get(tp);
      if (st != null && st.position >= 0) out.put(tp, st.position);
    }
    return out;
  }

  private void addOwned(TopicPartition tp) {
    PartitionState st = new PartitionState(tp, engine.partition(tp));
    owned.put(tp, st);
    st.log.addWaiter(signal);
    ownedArray = owned.values().toArray(new PartitionState[0]);
  }

  private void removeOwned(TopicPartition tp) {
    PartitionState st = owned.remove(tp);
    if (st != null) st.log.removeWaiter(signal);
    ownedArray = owned.values().toArray(new PartitionState[0]);
  }

  private void revokeAll() {
    for (TopicPartition tp : new ArrayList<>(owned.keySet())) removeOwned(tp);
  }

  private void initPosition(PartitionState st) {
    long committed = config.groupId() == null ? -1 : coordinator.committed(config.groupId(), st.partition);
    if (committed >= st.log.logStartOffset() && committed <= st.log.endOffset()) {
      st.position = committed;
    } else {
      st.position = config.offsetReset() == OffsetReset.EARLIEST ? st.log.logStartOffset() : st.log.endOffset();
    }
    st.cursor.reset();
  }

  private int fetch(RecordHandler handler, int max) {
    PartitionState[] states = ownedArray;
    int n = states.length;
    if (n == 0) return 0;
    int delivered = 0;
    for (int i = 0; i < n && delivered < max; i++) {
      PartitionState st = states[(nextPartition + i) % n];
      if (st.position < 0) initPosition(st);
      if (st.position >= st.log.endOffset()) continue;
      ByteBuffer buf;
      try {
        buf = st.log.read(st.position, config.fetchMaxBytes(), fetchBuffer, st.cursor);
      } catch (OffsetOutOfRangeException e) {
        st.position = -1;
        initPosition(st);
        continue;
      } catch (IOException e) {
        throw new UncheckedIOException(st.partition + ": fetch at offset " + st.position + " failed", e);
      }
      fetchBuffer = buf;
      delivered += deliver(st, buf, handler, max - delivered);
    }
    nextPartition = (nextPartition + 1) % Math.max(1, n);
    return delivered;
  }

  private int deliver(PartitionState st, ByteBuffer buf, RecordHandler handler, int budget) {
    int limit = buf.limit();
    long fileStart = st.cursor.position - limit;
    int p = 0;
    int delivered = 0;
    while (p + RecordBatch.LOG_OVERHEAD <= limit) {
      int size = RecordBatch.sizeAt(buf, p);
      String invalid = RecordBatch.validate(buf, p, limit - p);
      if (invalid != null) {
        throw new CorruptRecordException(st.partition + ": fetched batch at offset " + RecordBatch.baseOffset(buf, p) + " is invalid: " + invalid);
      }
      if (RecordBatch.lastOffset(buf, p) >= st.position) {
        long base = RecordBatch.baseOffset(buf, p);
        int count = RecordBatch.recordCount(buf, p);
        int rp = p + RecordBatch.HEADER_SIZE;
        for (int i = 0; i < count; i++) {
          int next = rp + 4 + buf.getInt(rp);
          long offset = base + buf.getInt(rp + 13);
          if (offset >= st.position) {
            if (delivered == budget) {
              // Stop inside this batch: the next read restarts at its beginning.
              st.cursor.nextOffset = st.position;
              st.cursor.position = (int) (fileStart + p);
              return delivered;
            }
            view.set(st.partition, offset, buf.getLong(rp + 5), buf, rp);
            handler.handle(view);
            st.position = offset + 1;
            delivered++;
          }
          rp = next;
        }
        // Compaction may leave gaps (or no record at all) at the end of a batch.
        long afterBatch = RecordBatch.lastOffset(buf, p) + 1;
        if (afterBatch > st.position) st.position = afterBatch;
      }
      p += size;
    }
    return delivered;
  }

  private void maybeAutoCommit() {
    if (!config.autoCommit() || config.groupId() == null) return;
    long now = engine.time().nanos();
    if (now < nextAutoCommitNanos) return;
    nextAutoCommitNanos = now + config.autoCommitInterval().toNanos();
    try {
      commitSync();
    } catch (StaleGenerationException | UnknownMemberException e) {
      // a rebalance is under way; the next poll syncs and commits on revoke
    }
  }

  /**
   * Commits the positions of every owned partition.
   *
   * @throws StaleGenerationException when a rebalance happened that this consumer has not yet
   *     joined (poll first), or a partition moved away
   * @throws UnknownMemberException when the session timed out
   */
  public void commitSync() {
    commitSync(positionsOf(owned.keySet()));
  }

  /**
   * Commits the given offsets (each the next offset to consume).
   *
   * @throws StaleGenerationException, UnknownMemberException as {@link #commitSync()}
   */
  public void commitSync(Map<TopicPartition, Long> offsets) {
    ensureOpen();
    if (config.groupId() == null) throw new IllegalStateException("commit needs a group id");
    if (offsets.isEmpty()) return;
    if (memberId != null) {
      coordinator.commit(config.groupId(), memberId, generation, offsets);
    } else {
      coordinator.commitUnmanaged(config.groupId(), offsets);
    }
  }

  /** The group's committed offset for {@code tp}, or -1. */
  public long committed(TopicPartition tp) {
    return config.groupId() == null ? -1 : coordinator.committed(config.groupId(), tp);
  }

  /** Sets the next offset to hand out for an owned partition (clamped by the next fetch when out of range). */
  public void seek(TopicPartition tp, long offset) {
    if (offset < 0) throw new IllegalArgumentException("offset must be >= 0, was " + offset);
    PartitionState st = state(tp);
    st.position = offset;
    st.cursor.reset();
  }

  public void seekToBeginning(Collection<TopicPartition> tps) {
    for (TopicPartition tp : tps) seek(tp, state(tp).log.logStartOffset());
  }

  public void seekToEnd(Collection<TopicPartition> tps) {
    for (TopicPartition tp : tps) seek(tp, state(tp).log.endOffset());
  }

  /** Seeks to the first record whose timestamp is at least {@code timestampMs} (the end when none). */
  public void seekToTimestamp(TopicPartition tp, long timestampMs) {
    PartitionState st = state(tp);
    try {
      seek(tp, st.log.offsetForTimestamp(timestampMs));
    } catch (IOException e) {
      throw new UncheckedIOException(tp + ": looking up timestamp " + timestampMs + " failed", e);
    }
  }

  private PartitionState state(TopicPartition tp) {
    PartitionState st = owned.get(tp);
    if (st == null) throw new IllegalStateException(tp + " is not assigned to this consumer (owned: " + owned.keySet() + ")");
    return st;
  }

  private void ensureOpen() {
    if (closed) throw new EngineClosedException("consumer is closed");
    if (engine.isClosed()) throw new EngineClosedException("log engine is closed");
  }

  /**
   * Commits (with auto-commit), leaves the group and releases the partitions. Idempotent. Records
   * handed out after the last commit are delivered again to the members that take over.
   */
  @Override
  public void close() {
    if (closed) return;
    try {
      if (config.autoCommit() && config.groupId() != null && !engine.isClosed()) {
        try {
          commitSync();
        } catch (LogException | UncheckedIOException e) {
          // leaving anyway; the uncommitted records are delivered again
        }
      }
    } finally {
      closed = true;
      revokeAll();
      if (memberId != null) coordinator.leave(config.groupId(), memberId);
      engine.forget(this);
    }
  }

  /** Crash: stops without committing or leaving (the session times out). */
  void abort() {
    closed = true;
    signal.signal();
    engine.forget(this);
  }

  @Override
  public String toString() {
    return "LogConsumer[" + (memberId != null ? memberId : "unmanaged") + ", " + owned.keySet() + "]";
  }
}
