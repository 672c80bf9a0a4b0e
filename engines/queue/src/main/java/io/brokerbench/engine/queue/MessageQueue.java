package io.brokerbench.engine.queue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One FIFO queue.
 *
 * <h2>Order</h2>
 * Every message gets a sequence number at enqueue. Ready messages live in two places: {@code
 * fresh} (never handed out since enqueue, ascending) and {@code returned} (requeued, a heap by
 * sequence). Every message taken from {@code fresh} was its head, so every returned message is
 * older than every fresh one: taking from {@code returned} first puts a requeued message back at
 * its original position.
 *
 * <h2>Threading</h2>
 * One lock per queue guards its state; no queue method holds two queue locks, and work that
 * reaches another queue (dead-lettering, waking starved sessions) runs after the lock is released.
 * The journal's locks and a session's inbox lock may be taken while holding a queue lock, never the
 * reverse.
 */
final class MessageQueue {
  private static final Comparator<QueuedMessage> BY_SEQ = Comparator.comparingLong(m -> m.seq);

  final QueueEngine engine;
  final String name;
  final long id;
  final QueueOptions options;
  /** The declaring session of an exclusive queue, else null. */
  final Session owner;

  private final ReentrantLock lock = new ReentrantLock();
  private final java.util.concurrent.locks.Condition belowFlowLimit = lock.newCondition();
  /** Body bytes of the messages the queue holds, ready and unacknowledged. */
  private long heldBytes;
  /** heldBytes reached the engine's flow limit: publishers wait in {@link #awaitFlow()}. */
  private volatile boolean flowBlocked;
  private final ArrayDeque<QueuedMessage> fresh = new ArrayDeque<>();
  private final PriorityQueue<QueuedMessage> returned = new PriorityQueue<>(BY_SEQ);
  private final List<ConsumerState> consumers = new ArrayList<>();
  /** Get-holders and consumers: everyone who may hold unsettled deliveries. */
  private final List<ConsumerState> holders = new ArrayList<>();
  private int roundRobin;
  private long nextSeq;
  private boolean hadConsumer;
  private volatile boolean deleted;
  private List<DeadLetter> pendingDeadLetters = new ArrayList<>();
  private volatile boolean deadLettersPending;
  /** End of the latest remove record appended; written through before the operation returns. */
  private volatile long removalEnd = -1;
  private long expiringMessages;

  record DeadLetter(QueuedMessage message, DeadLetterReason reason) {}

  MessageQueue(QueueEngine engine, String name, long id, QueueOptions options, Session owner) {
    this.engine = engine;
    this.name = name;
    this.id = id;
    this.options = options;
    this.owner = owner;
  }

  /**
   * Takes the queue lock, spinning briefly first: the lock is held for short steps, and parking a
   * publisher behind a consumer's settlement costs more than the wait.
   */
  private void acquire() {
    if (lock.tryLock()) return;
    for (int i = 0; i < 64; i++) {
      Thread.onSpinWait();
      if (lock.tryLock()) return;
    }
    lock.lock();
  }

  boolean isDeleted() {
    return deleted;
  }

  private boolean journaled(Message m) {
    return options.durable() && m.persistent;
  }

  // ---------------------------------------------------------------- publish

  /** Outcome of {@link #enqueue}: accepted, or refused by reject-publish overflow. */
  static final int ACCEPTED = 0;
  static final int REJECTED = 1;

  /**
   * Appends {@code m}. When the message is journaled, {@code journalEnd[0]} is raised to the end
   * position of its record, which the publish confirm waits for.
   */
  int enqueue(Message m, long nowMillis, long[] journalEnd) {
    acquire();
    try {
      if (deleted) return ACCEPTED; // deleted meanwhile: as if unroutable
      long max = options.maxLength();
      if (max >= 0) {
        if (max == 0) {
          if (options.overflow() == Overflow.REJECT_PUBLISH) return REJECTED;
          QueuedMessage dropped = new QueuedMessage(m, nextSeq++, QueuedMessage.NO_EXPIRY);
          deadLetterLocked(dropped, DeadLetterReason.MAXLEN);
          return ACCEPTED;
        }
        if (readyCount() >= max) {
          if (options.overflow() == Overflow.REJECT_PUBLISH) return REJECTED;
          while (readyCount() >= max) {
            QueuedMessage head = pollReady();
            removedLocked(head);
            deadLetterLocked(head, DeadLetterReason.MAXLEN);
          }
        }
      }
      long expiresAt = expiryOf(m, nowMillis);
      QueuedMessage qm = new QueuedMessage(m, nextSeq++, expiresAt);
      if (expiresAt != QueuedMessage.NO_EXPIRY) expiringMessages++;
      if (journaled(m)) {
        long end = engine.journal().appendEnqueue(id, qm);
        if (end > journalEnd[0]) journalEnd[0] = end;
      }
      fresh.addLast(qm);
      heldBytes += m.body.length;
      long flowLimit = engine.queueFlowBytes();
      if (flowLimit > 0 && heldBytes >= flowLimit) flowBlocked = true;
      if (!consumers.isEmpty()) dispatchLocked();
    } finally {
      lock.unlock();
    }
    afterUnlock();
    return ACCEPTED;
  }

  private long expiryOf(Message m, long nowMillis) {
    long ttl = options.messageTtlMillis();
    if (m.expirationMillis >= 0 && (ttl < 0 || m.expirationMillis < ttl)) ttl = m.expirationMillis;
    return ttl < 0 ? QueuedMessage.NO_EXPIRY : nowMillis + ttl;
  }

  /**
   * Flow control: waits while the queue holds its limit of message bytes, unless it is deleted or
   * the engine stops. Called by publishers before they take any lock.
   */
  void awaitFlow() {
    if (!flowBlocked) return;
    acquire();
    try {
      while (flowBlocked && !deleted && !engine.isStopped()) {
        try {
          belowFlowLimit.await(100, java.util.concurrent.TimeUnit.MILLISECONDS); // sees an engine stop soon
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // an interrupted publisher stops waiting and publishes
          return;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Restores a message read from the journal (engine start, before any consumer exists). */
  void restore(QueuedMessage qm) {
    acquire();
    try {
      qm.recovered = true;
      heldBytes += qm.message.body.length;
      fresh.addLast(qm);
      if (qm.expiresAtMillis != QueuedMessage.NO_EXPIRY) expiringMessages++;
    } finally {
      lock.unlock();
    }
  }

  void restoreNextSeq(long next) {
    acquire();
    try {
      nextSeq = Math.max(nextSeq, next);
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------- ready set

  private int readyCount() {
    return fresh.size() + returned.size();
  }

  private QueuedMessage peekReady() {
    QueuedMessage r = returned.peek();
    return r != null ? r : fresh.peekFirst();
  }

  private QueuedMessage pollReady() {
    QueuedMessage r = returned.poll();
    QueuedMessage m = r != null ? r : fresh.pollFirst();
    if (m != null && m.expiresAtMillis != QueuedMessage.NO_EXPIRY) expiringMessages--;
    return m;
  }

  /** The head, after expiring any expired heads (RabbitMQ expires at the head only). */
  private QueuedMessage pollLiveHead() {
    while (true) {
      QueuedMessage m = peekReady();
      if (m == null) return null;
      if (m.expiresAtMillis != QueuedMessage.NO_EXPIRY && m.expiresAtMillis <= engine.nowMillis()) {
        pollReady();
        removedLocked(m);
        deadLetterLocked(m, DeadLetterReason.EXPIRED);
        continue;
      }
      return pollReady();
    }
  }

  private void putBack(QueuedMessage m) {
    if (m.expiresAtMillis != QueuedMessage.NO_EXPIRY) expiringMessages++;
    returned.add(m);
  }

  // ---------------------------------------------------------------- dispatch

  /** Hands ready messages to consumers with credit, round-robin (or to the single active one). */
  private void dispatchLocked() {
    int n = consumers.size();
    if (n == 0 || deleted) return;
    while (readyCount() > 0) {
      ConsumerState c = nextWithCredit(n);
      if (c == null) return;
      QueuedMessage m = pollLiveHead();
      if (m == null) {
        c.session.releaseCredit(1);
        return;
      }
      assignLocked(c, m);
    }
  }

  private ConsumerState nextWithCredit(int n) {
    if (options.singleActiveConsumer()) {
      ConsumerState c = consumers.get(0);
      return take(c) ? c : null;
    }
    for (int i = 0; i < n; i++) {
      int idx = (roundRobin + i) % n;
      ConsumerState c = consumers.get(idx);
      if (take(c)) {
        roundRobin = idx + 1;
        return c;
      }
    }
    return null;
  }

  private boolean take(ConsumerState c) {
    if (!c.hasCredit()) return false;
    if (c.session.tryAcquireCredit()) return true;
    // Mark, then look again: a release between the failed attempt and the mark would otherwise
    // find no mark to pump, and this queue would wait for its next publish.
    c.session.markStarved(this);
    return c.session.tryAcquireCredit();
  }

  private void assignLocked(ConsumerState c, QueuedMessage m) {
    c.link(m);
    DeliveryHandle h = new DeliveryHandle(m, c);
    m.handle = h;
    c.session.offer(h);
  }

  /** Called by the session after credit came back: assign what waits. */
  void pump() {
    acquire();
    try {
      dispatchLocked();
    } finally {
      lock.unlock();
    }
    afterUnlock();
  }

  // ---------------------------------------------------------------- settlement

  /**
   * Auto-ack: settles handles {@code [from, to)} of {@code batch}, all of consumer {@code c}, as they
   * are handed out. A handle no longer current is nulled out in {@code batch} (not to be delivered).
   *
   * @return the journal position the session must write through before calling handlers, or -1
   */
  long settleOnHandOut(ConsumerState c, DeliveryHandle[] batch, int from, int to) {
    long writeThrough = -1;
    int settled = 0;
    acquire();
    try {
      for (int i = from; i < to; i++) {
        DeliveryHandle h = batch[i];
        QueuedMessage m = h.message;
        if (m.handle != h || c.cancelled) {
          batch[i] = null;
          continue;
        }
        h.markHandedOut();
        c.unlink(m);
        m.handle = null;
        settled++;
        long pos = removedLocked(m);
        if (pos > writeThrough) writeThrough = pos;
      }
      c.session.releaseCredit(settled);
      dispatchLocked();
    } finally {
      lock.unlock();
    }
    afterUnlock();
    c.session.pumpStarved();
    return writeThrough;
  }

  /** Manual settlement from {@link Delivery#ack()} / {@link Delivery#reject(boolean)}. */
  void settle(DeliveryHandle h, DeliveryHandle.Settlement how) {
    if (engine.isStopped()) return; // after close or crash a settlement changes nothing
    ConsumerState c = h.consumer;
    long writeThrough = -1;
    acquire();
    try {
      QueuedMessage m = h.message;
      if (m.handle != h) return;
      c.unlink(m);
      m.handle = null;
      c.session.releaseCredit(1);
      switch (how) {
        case ACK -> writeThrough = removedLocked(m);
        case REJECT -> {
          writeThrough = removedLocked(m);
          deadLetterLocked(m, DeadLetterReason.REJECTED);
        }
        case REQUEUE -> writeThrough = requeueLocked(m);
      }
      dispatchLocked();
    } finally {
      lock.unlock();
      if (writeThrough >= 0) engine.journal().writeThrough(writeThrough);
    }
    afterUnlock();
    c.session.pumpStarved();
  }

  /** Returns a message to its place, or dead-letters it past the delivery limit. */
  private long requeueLocked(QueuedMessage m) {
    int limit = options.deliveryLimit();
    if (limit > 0 && m.deliveryCount >= limit) {
      long pos = removedLocked(m);
      deadLetterLocked(m, DeadLetterReason.DELIVERY_LIMIT);
      return pos;
    }
    putBack(m);
    return -1;
  }

  /**
   * A message leaves the queue for good (ack, reject, drop, expiry, dead-lettering, purge): it
   * stops counting for flow control, and a journaled one gets its remove record.
   */
  private long removedLocked(QueuedMessage m) {
    heldBytes -= m.message.body.length;
    if (flowBlocked && heldBytes < engine.queueFlowBytes()) {
      flowBlocked = false;
      belowFlowLimit.signalAll();
    }
    if (m.segment < 0) return -1;
    long pos = engine.journal().appendRemove(id, m.seq, m.segment);
    m.segment = -1;
    if (pos > removalEnd) removalEnd = pos;
    return pos;
  }

  private void deadLetterLocked(QueuedMessage m, DeadLetterReason reason) {
    if (options.deadLetterExchange() == null) return;
    pendingDeadLetters.add(new DeadLetter(m, reason));
    deadLettersPending = true;
  }

  /**
   * Work that must not run under this queue's lock: writing remove records through (so a message
   * that left the queue, by ack, drop, expiry or dead-lettering, stays gone after a process crash)
   * and dead-lettering into other queues.
   */
  private void afterUnlock() {
    long removed = removalEnd;
    if (removed >= 0) engine.journal().writeThrough(removed);
    if (!deadLettersPending) return;
    List<DeadLetter> batch;
    acquire();
    try {
      batch = pendingDeadLetters;
      pendingDeadLetters = new ArrayList<>();
      deadLettersPending = false;
    } finally {
      lock.unlock();
    }
    for (DeadLetter d : batch) engine.deadLetter(this, d.message(), d.reason());
  }

  // ---------------------------------------------------------------- consumers

  void addConsumer(ConsumerState c) {
    acquire();
    try {
      if (deleted) throw new TopologyException("queue '" + name + "' was deleted");
      if (owner != null && owner != c.session) {
        throw new TopologyException("queue '" + name + "' is exclusive to another session");
      }
      consumers.add(c);
      holders.add(c);
      hadConsumer = true;
      dispatchLocked();
    } finally {
      lock.unlock();
    }
    afterUnlock();
  }

  void addHolder(ConsumerState c) {
    acquire();
    try {
      holders.add(c);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Removes a consumer (or get-holder) and returns its unsettled messages to their positions.
   *
   * @return whether the queue should now be auto-deleted
   */
  boolean removeConsumer(ConsumerState c) {
    boolean autoDelete;
    acquire();
    try {
      boolean wasConsumer = consumers.remove(c);
      holders.remove(c);
      if (wasConsumer && roundRobin > consumers.size()) roundRobin = 0;
      int returnedCount = 0;
      for (QueuedMessage m = c.head; m != null; ) {
        QueuedMessage next = m.next;
        m.handle = null;
        m.prev = null;
        m.next = null;
        if (!deleted) requeueLocked(m);
        returnedCount++;
        m = next;
      }
      c.head = null;
      c.tail = null;
      c.unacked = 0;
      c.session.releaseCredit(returnedCount);
      dispatchLocked();
      autoDelete = wasConsumer && options.autoDelete() && hadConsumer && consumers.isEmpty() && !deleted;
    } finally {
      lock.unlock();
    }
    afterUnlock();
    return autoDelete;
  }

  /** Basic.get: the next message, or null. Manual ones are held by {@code holder}. */
  DeliveryHandle get(ConsumerState holder) {
    DeliveryHandle h;
    long writeThrough = -1;
    acquire();
    try {
      if (deleted) throw new TopologyException("queue '" + name + "' was deleted");
      if (owner != null && owner != holder.session) {
        throw new TopologyException("queue '" + name + "' is exclusive to another session");
      }
      QueuedMessage m = pollLiveHead();
      if (m == null) {
        h = null;
      } else {
        h = new DeliveryHandle(m, holder);
        h.markHandedOut();
        if (holder.autoAck) {
          writeThrough = removedLocked(m);
        } else {
          holder.link(m);
          m.handle = h;
        }
      }
    } finally {
      lock.unlock();
      if (writeThrough >= 0) engine.journal().writeThrough(writeThrough);
    }
    afterUnlock();
    return h;
  }

  // ---------------------------------------------------------------- maintenance

  /** Expires messages at the head whose deadline passed. */
  void expire() {
    if (expiringMessages == 0) return; // racy read: a missed message is caught next time
    acquire();
    try {
      QueuedMessage m;
      long now = engine.nowMillis();
      while ((m = peekReady()) != null && m.expiresAtMillis <= now) {
        pollReady();
        removedLocked(m);
        deadLetterLocked(m, DeadLetterReason.EXPIRED);
      }
    } finally {
      lock.unlock();
    }
    afterUnlock();
  }

  /** Marks the queue deleted, cancels its consumers and forgets its messages (no journal records: the topology no longer names it). */
  List<ConsumerState> markDeleted() {
    List<ConsumerState> cancelled;
    acquire();
    try {
      deleted = true;
      flowBlocked = false;
      belowFlowLimit.signalAll();
      cancelled = new ArrayList<>(holders);
      for (ConsumerState c : cancelled) c.cancelled = true;
      for (QueuedMessage m : fresh) engine.journal().releaseIfJournaled(m);
      for (QueuedMessage m : returned) engine.journal().releaseIfJournaled(m);
      for (ConsumerState c : cancelled) {
        int n = 0;
        for (QueuedMessage m = c.head; m != null; m = m.next) {
          engine.journal().releaseIfJournaled(m);
          m.handle = null;
          n++;
        }
        c.head = null;
        c.tail = null;
        c.unacked = 0;
        c.session.releaseCredit(n);
      }
      fresh.clear();
      returned.clear();
      consumers.clear();
      holders.clear();
    } finally {
      lock.unlock();
    }
    return cancelled;
  }

  /** Drops every ready message; returns how many. */
  int purge() {
    int n;
    acquire();
    try {
      n = readyCount();
      QueuedMessage m;
      while ((m = pollReady()) != null) removedLocked(m);
    } finally {
      lock.unlock();
    }
    afterUnlock();
    return n;
  }

  QueueStats stats() {
    acquire();
    try {
      int unacked = 0;
      for (ConsumerState c : holders) unacked += c.unacked;
      return new QueueStats(name, readyCount(), unacked, consumers.size());
    } finally {
      lock.unlock();
    }
  }
}
