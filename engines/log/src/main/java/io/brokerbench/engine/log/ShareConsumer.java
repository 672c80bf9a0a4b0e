package io.brokerbench.engine.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A member of a share group (KIP-932): it takes records from every partition of the topics it
 * subscribes to, competing with the group's other members record by record; see {@link
 * ShareGroupCoordinator} for the group's protocol.
 *
 * <h2>Polling</h2>
 * {@link #poll(Duration, ShareRecordHandler)} acquires up to {@code maxPollRecords} records (records
 * released by members or by lock timeouts first, lowest offset first, then new records), visiting the
 * partitions in turn, and hands each out with its delivery count (1 on the first delivery). When none
 * is available it waits (no busy loop) until a record is appended or released, a lock it could take
 * over times out, the timeout passes, or {@link #wakeup()}.
 *
 * <h2>Acknowledging</h2>
 * With {@link AcknowledgementMode#EXPLICIT}, {@link #acknowledge} applies {@link AcknowledgeType#ACCEPT},
 * {@link AcknowledgeType#RELEASE} or {@link AcknowledgeType#REJECT} to one record at once (Kafka sends
 * acknowledgements with the next poll or commit; here there is nothing to send). A record not
 * acknowledged stays acquired until its lock times out or this consumer closes. With {@link
 * AcknowledgementMode#IMPLICIT}, the next poll, {@link #commitSync()} or {@link #close()} accepts the
 * records of the previous poll.
 *
 * <h2>Threading</h2>
 * One thread polls, subscribes, commits and closes. {@link #acknowledge} may be called from any
 * thread, concurrently with a poll (a harness acknowledges from its listener thread), and so may
 * {@link #wakeup()}.
 */
public final class ShareConsumer implements AutoCloseable {
  private final LogEngine engine;
  private final ShareConsumerConfig config;
  private final ShareGroupCoordinator coordinator;
  private final DataSignal signal = new DataSignal();
  private final ShareRecordView view = new ShareRecordView();
  private final long[] offsets;
  private final int[] counts;
  private final List<SharePartition> registered = new ArrayList<>();
  private Slot[] slots = new Slot[0];
  private Set<String> subscription = Set.of();
  private volatile int memberId = -1;
  private ByteBuffer fetchBuffer;
  private int nextPartition;
  // IMPLICIT mode: the records the last poll handed out, accepted by the next poll, commit or close.
  private final SharePartition[] lastPartitions;
  private final long[] lastOffsets;
  private int lastCount;
  private volatile boolean wakeupRequested;
  private volatile boolean closed;

  private static final class Slot {
    final SharePartition partition;
    final FetchCursor cursor = new FetchCursor();

    Slot(SharePartition partition) {
      this.partition = partition;
    }
  }

  ShareConsumer(LogEngine engine, ShareConsumerConfig config) {
    this.engine = engine;
    this.config = config;
    this.coordinator = engine.shareGroups();
    this.offsets = new long[config.maxPollRecords()];
    this.counts = new int[config.maxPollRecords()];
    boolean implicit = config.acknowledgementMode() == AcknowledgementMode.IMPLICIT;
    this.lastPartitions = new SharePartition[implicit ? config.maxPollRecords() : 0];
    this.lastOffsets = new long[implicit ? config.maxPollRecords() : 0];
  }

  /**
   * Joins the share group reading the named topics (which may not exist yet); a second call replaces
   * the subscription (this member leaves, releasing what it holds, and joins again). An empty set
   * leaves the group.
   *
   * @throws IllegalStateException when the group exists with other {@link ShareGroupConfig} settings
   */
  public void subscribe(Collection<String> topics) {
    ensureOpen();
    for (String t : topics) Topics.validateName(t);
    acceptImplicitly();
    leaveGroup();
    subscription = Set.copyOf(new TreeSet<>(topics));
    if (!subscription.isEmpty()) memberId = coordinator.join(config.groupId(), config.group(), subscription, signal);
  }

  /** Leaves the group, releasing the records this member holds; {@link #subscribe} joins again. */
  public void unsubscribe() {
    ensureOpen();
    acceptImplicitly();
    leaveGroup();
    subscription = Set.of();
  }

  private void leaveGroup() {
    int id = memberId;
    memberId = -1;
    if (id >= 0) coordinator.leave(config.groupId(), id);
    for (SharePartition sp : registered) sp.log.removeWaiter(signal);
    registered.clear();
    slots = new Slot[0];
  }

  /** The topics this consumer subscribes to. */
  public Set<String> subscription() {
    return subscription;
  }

  /** The member id (unique within the engine), or -1 when not a member. */
  public int memberId() {
    return memberId;
  }

  /**
   * Polls and collects the records (copies).
   *
   * @see #poll(Duration, ShareRecordHandler)
   */
  public List<ShareConsumerRecord> poll(Duration timeout) {
    List<ShareConsumerRecord> out = new ArrayList<>();
    poll(timeout, r -> out.add(new ShareConsumerRecord(r.partition(), r.offset(), r.deliveryCount(), r.toRecord())));
    return out;
  }

  /**
   * Acquires up to {@code maxPollRecords} records and hands them to {@code handler}, waiting up to
   * {@code timeout} for the first one. In implicit mode it first accepts the previous poll's records.
   *
   * @return records handed out; 0 after the timeout or a {@link #wakeup()}
   * @throws IllegalStateException when not subscribed
   * @throws EngineClosedException when the consumer or engine is closed
   * @throws CorruptRecordException when a fetched batch fails its CRC check (the records acquired
   *     and not handed out are released without counting a delivery)
   */
  public int poll(Duration timeout, ShareRecordHandler handler) {
    ensureOpen();
    if (memberId < 0) throw new IllegalStateException("poll needs a subscription: call subscribe first");
    acceptImplicitly();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      ensureOpen();
      signal.clear();
      refreshPartitions();
      int n = fetch(handler);
      if (n > 0) return n;
      if (wakeupRequested) {
        wakeupRequested = false;
        return 0;
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) return 0;
      long wait = remaining;
      long lockDeadline = Long.MAX_VALUE;
      for (Slot s : slots) lockDeadline = Math.min(lockDeadline, s.partition.nextLockDeadline());
      if (lockDeadline != Long.MAX_VALUE) wait = Math.min(wait, Math.max(1_000_000L, lockDeadline - engine.time().nanos()));
      try {
        signal.await(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      }
    }
  }

  /** Picks up partitions of subscribed topics that were created since the last poll. */
  private void refreshPartitions() {
    Map<String, Integer> topics = engine.topics();
    int total = 0;
    for (String t : subscription) total += topics.getOrDefault(t, 0);
    if (total == slots.length) return;
    List<Slot> found = new ArrayList<>();
    for (String t : subscription) {
      int n = topics.getOrDefault(t, 0);
      for (int p = 0; p < n; p++) {
        SharePartition sp = coordinator.partition(config.groupId(), new TopicPartition(t, p));
        if (sp == null) continue;
        found.add(new Slot(sp));
        if (!registered.contains(sp)) {
          registered.add(sp);
          sp.log.addWaiter(signal);
        }
      }
    }
    slots = found.toArray(new Slot[0]);
  }

  private int fetch(ShareRecordHandler handler) {
    Slot[] all = slots;
    int n = all.length;
    if (n == 0) return 0;
    int member = memberId;
    int delivered = 0;
    int max = config.maxPollRecords();
    for (int i = 0; i < n && delivered < max; i++) {
      Slot slot = all[(nextPartition + i) % n];
      SharePartition sp = slot.partition;
      int got = sp.acquire(member, engine.time().nanos(), max - delivered, offsets, counts);
      coordinator.notify(config.groupId(), sp);
      if (got > 0) delivered += deliver(slot, member, got, handler);
    }
    nextPartition = (nextPartition + 1) % n;
    return delivered;
  }

  /** Reads the {@code got} acquired offsets from the log and hands them out; returns how many were handed out. */
  private int deliver(Slot slot, int member, int got, ShareRecordHandler handler) {
    SharePartition sp = slot.partition;
    int i = 0;
    int handed = 0;
    try {
      while (i < got) {
        ByteBuffer buf;
        try {
          buf = sp.log.read(offsets[i], config.fetchMaxBytes(), fetchBuffer, slot.cursor);
        } catch (OffsetOutOfRangeException e) {
          sp.gone(member, offsets[i++]); // deleted by retention since it was acquired
          continue;
        } catch (IOException e) {
          throw new UncheckedIOException(sp.partition + ": fetch at offset " + offsets[i] + " failed", e);
        }
        fetchBuffer = buf;
        if (!buf.hasRemaining()) {
          sp.gone(member, offsets[i++]);
          continue;
        }
        int limit = buf.limit();
        int p = 0;
        while (p + RecordBatch.LOG_OVERHEAD <= limit && i < got) {
          int size = RecordBatch.sizeAt(buf, p);
          String invalid = RecordBatch.validate(buf, p, limit - p);
          if (invalid != null) {
            throw new CorruptRecordException(sp.partition + ": fetched batch at offset " + RecordBatch.baseOffset(buf, p) + " is invalid: " + invalid);
          }
          long base = RecordBatch.baseOffset(buf, p);
          long last = RecordBatch.lastOffset(buf, p);
          if (last >= offsets[i]) {
            int count = RecordBatch.recordCount(buf, p);
            int rp = p + RecordBatch.HEADER_SIZE;
            for (int r = 0; r < count && i < got; r++) {
              int next = rp + 4 + buf.getInt(rp);
              long offset = base + buf.getInt(rp + 13);
              while (i < got && offsets[i] < offset) sp.gone(member, offsets[i++]); // compacted away
              if (i < got && offsets[i] == offset) {
                view.record().set(sp.partition, offset, buf.getLong(rp + 5), buf, rp);
                view.setDeliveryCount(counts[i]);
                i++;
                try {
                  handler.handle(view);
                } catch (RuntimeException | Error e) {
                  sp.acknowledge(member, offset, AcknowledgeType.RELEASE, engine.time().nanos());
                  throw e;
                }
                handed++;
                if (lastOffsets.length > 0) {
                  lastPartitions[lastCount] = sp;
                  lastOffsets[lastCount++] = offset;
                }
              }
              rp = next;
            }
            while (i < got && offsets[i] <= last) sp.gone(member, offsets[i++]); // gap at the batch's end
          }
          p += size;
        }
      }
    } finally {
      for (int k = i; k < got; k++) sp.unacquire(member, offsets[k]);
      coordinator.notify(config.groupId(), sp);
    }
    return handed;
  }

  /**
   * Acknowledges one record this member acquired. Thread-safe: may run concurrently with a poll.
   *
   * @return whether it was applied; false when this member does not hold the record (any more): its
   *     lock timed out (it may be delivered again, or was already), it was acknowledged already, this
   *     consumer closed or left the group, or it was never acquired by this member
   * @throws IllegalStateException in {@link AcknowledgementMode#IMPLICIT} mode
   */
  public boolean acknowledge(TopicPartition partition, long offset, AcknowledgeType type) {
    if (config.acknowledgementMode() != AcknowledgementMode.EXPLICIT) {
      throw new IllegalStateException("acknowledge needs acknowledgementMode EXPLICIT; this consumer's is " + config.acknowledgementMode());
    }
    if (type == null) throw new IllegalArgumentException("type must be set");
    int member = memberId;
    if (member < 0) return false;
    SharePartition sp = coordinator.partition(config.groupId(), partition);
    if (sp == null) return false;
    boolean applied = sp.acknowledge(member, offset, type, engine.time().nanos());
    coordinator.notify(config.groupId(), sp);
    return applied;
  }

  /** As {@link #acknowledge(TopicPartition, long, AcknowledgeType)}. */
  public boolean acknowledge(ShareConsumerRecord record, AcknowledgeType type) {
    return acknowledge(record.partition(), record.offset(), type);
  }

  /** As {@link #acknowledge(TopicPartition, long, AcknowledgeType)}, during the handler call. */
  public boolean acknowledge(ShareRecordView record, AcknowledgeType type) {
    return acknowledge(record.partition(), record.offset(), type);
  }

  /**
   * In implicit mode, accepts the records of the last poll now; in explicit mode does nothing
   * (acknowledgements take effect when made).
   */
  public void commitSync() {
    ensureOpen();
    acceptImplicitly();
  }

  private void acceptImplicitly() {
    int member = memberId;
    long now = engine.time().nanos();
    SharePartition previous = null;
    for (int i = 0; i < lastCount; i++) {
      SharePartition sp = lastPartitions[i];
      if (previous != null && sp != previous) coordinator.notify(config.groupId(), previous);
      if (member >= 0) sp.acknowledge(member, lastOffsets[i], AcknowledgeType.ACCEPT, now);
      lastPartitions[i] = null;
      previous = sp;
    }
    if (previous != null) coordinator.notify(config.groupId(), previous);
    lastCount = 0;
  }

  /** Makes a poll that is waiting (or the next one) return at once with 0 records. Thread-safe. */
  public void wakeup() {
    wakeupRequested = true;
    signal.signal();
  }

  private void ensureOpen() {
    if (closed) throw new EngineClosedException("share consumer is closed");
    if (engine.isClosed()) throw new EngineClosedException("log engine is closed");
  }

  /**
   * In implicit mode accepts the last poll's records; then leaves the group: the records this member
   * still holds become available to the other members (their delivery counted, so one at the limit is
   * archived). Idempotent.
   */
  @Override
  public void close() {
    if (closed) return;
    try {
      acceptImplicitly();
    } finally {
      closed = true;
      leaveGroup();
      signal.signal();
      engine.forget(this);
    }
  }

  /** Crash: stops without leaving; the records held come back when their locks time out. */
  void abort() {
    closed = true;
    signal.signal();
    engine.forget(this);
  }

  @Override
  public String toString() {
    return "ShareConsumer[" + config.groupId() + ", member " + memberId + ", " + subscription + "]";
  }
}
