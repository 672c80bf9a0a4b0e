package io.brokerbench.engine.queue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A channel in the AMQP sense: consumers and gets belong to a session, and one thread per session
 * calls the handlers of all its consumers, one delivery at a time, in the order queues assigned
 * them. A session may also bound the unsettled deliveries of all its consumers together ({@code
 * prefetch}, AMQP's {@code basic.qos} with {@code global=true}); each consumer has its own bound too.
 *
 * <p>Closing a session closes its consumers, returns every unsettled delivery and deletes the
 * exclusive queues it declared.
 *
 * <p>Thread-safety: every method may be called from any thread. Handlers run on the session thread
 * (named {@code queue-engine-session-N}), which starts with the first consumer.
 */
public final class Session implements AutoCloseable {
  private static final AtomicLong IDS = new AtomicLong();
  /** Idle polls that spin before the thread yields, then parks: parking costs the publisher an unpark. */
  private static final int SPINS = 50;
  private static final int YIELDS = 10;
  /** Most deliveries the session thread takes from its inbox per round. */
  private static final int MAX_BATCH = 256;

  private final QueueEngine engine;
  private final long id = IDS.incrementAndGet();
  /** Session-wide bound on unsettled deliveries, or 0 for none. */
  private final int prefetch;
  private final AtomicInteger inFlight = new AtomicInteger();
  /** Queues that could not assign because this session's credit was used up. */
  private final java.util.Set<MessageQueue> starved = ConcurrentHashMap.newKeySet();
  private final List<ConsumerState> consumers = new CopyOnWriteArrayList<>();
  private final Map<MessageQueue, ConsumerState> getHolders = new HashMap<>();
  private final List<MessageQueue> exclusiveQueues = new CopyOnWriteArrayList<>();
  private final ReentrantLock dispatchLock = new ReentrantLock();
  private final AtomicLong handlerFailures = new AtomicLong();
  private final AtomicLong deliveryFailures = new AtomicLong();

  /**
   * The inbox: an intrusive multi-producer, single-consumer linked queue (D. Vyukov's): producers
   * swap themselves in as {@code tail} and link the previous tail to them; the session thread
   * follows {@code next} links from {@code head}, which is the last handle it took (or the stub).
   */
  private final AtomicReference<DeliveryHandle> tail;
  private DeliveryHandle head;
  private volatile Thread waiter;
  private volatile boolean closed;
  private Thread thread;

  Session(QueueEngine engine, int prefetch) {
    DeliveryHandle stub = new DeliveryHandle(null, null);
    this.head = stub;
    this.tail = new AtomicReference<>(stub);
    if (prefetch < 0 || prefetch > 65_535) {
      throw new IllegalArgumentException("session prefetch must be between 0 (none) and 65535, was " + prefetch);
    }
    this.engine = engine;
    this.prefetch = prefetch;
  }

  /**
   * Starts consuming {@code queue}: deliveries go to {@code handler} on this session's thread.
   *
   * @throws TopologyException when the queue does not exist or is exclusive to another session
   */
  public Consumer consume(String queue, ConsumerOptions options, MessageHandler handler) {
    checkOpen();
    MessageQueue q = engine.queue(queue);
    ConsumerState c = new ConsumerState(q, this, options.prefetch(), options.autoAck(), handler);
    synchronized (this) {
      checkOpen();
      if (thread == null) {
        thread = new Thread(this::run, "queue-engine-session-" + id);
        thread.setDaemon(true);
        thread.start();
      }
      consumers.add(c);
    }
    try {
      q.addConsumer(c);
    } catch (RuntimeException e) {
      consumers.remove(c);
      throw e;
    }
    pumpStarved();
    return new Consumer(c);
  }

  /**
   * Takes the next message of {@code queue} (AMQP basic.get), or returns null when none is ready.
   * With {@code autoAck} the message is settled already; otherwise it stays unacknowledged until
   * settled or until this session closes.
   */
  public Delivery get(String queue, boolean autoAck) {
    checkOpen();
    MessageQueue q = engine.queue(queue);
    ConsumerState holder;
    synchronized (this) {
      holder = autoAck ? new ConsumerState(q, this, Integer.MAX_VALUE, true, null)
          : getHolders.computeIfAbsent(q, k -> {
              ConsumerState h = new ConsumerState(k, this, Integer.MAX_VALUE, false, null);
              k.addHolder(h);
              return h;
            });
    }
    return q.get(holder);
  }

  /** Handler calls that threw, since the session opened. */
  public long handlerFailures() {
    return handlerFailures.get();
  }

  /** Delivery batches the session could not hand out (journal failure while settling), since it opened. */
  public long deliveryFailures() {
    return deliveryFailures.get();
  }

  void addExclusive(MessageQueue q) {
    exclusiveQueues.add(q);
  }

  // ---------------------------------------------------------------- credit

  boolean tryAcquireCredit() {
    if (prefetch == 0) return true;
    while (true) {
      int n = inFlight.get();
      if (n >= prefetch) return false;
      if (inFlight.compareAndSet(n, n + 1)) return true;
    }
  }

  void releaseCredit(int n) {
    if (prefetch != 0 && n > 0) inFlight.addAndGet(-n);
  }

  void markStarved(MessageQueue q) {
    starved.add(q);
  }

  /** Lets queues that ran out of this session's credit assign again. Call with no queue lock held. */
  void pumpStarved() {
    if (prefetch == 0 || starved.isEmpty()) return;
    for (MessageQueue q : starved) {
      if (inFlight.get() >= prefetch) return;
      starved.remove(q);
      q.pump();
    }
  }

  // ---------------------------------------------------------------- inbox and thread

  /** Any thread, usually under a queue lock: adds {@code h} and wakes the session thread if it sleeps. */
  void offer(DeliveryHandle h) {
    DeliveryHandle previous = tail.getAndSet(h);
    previous.nextInInbox = h;
    Thread w = waiter;
    if (w != null) LockSupport.unpark(w);
  }

  /** Session thread only: the next handle, or null when none is linked yet. */
  private DeliveryHandle poll() {
    DeliveryHandle next = head.nextInInbox;
    if (next == null) return null;
    head.nextInInbox = null; // a handle kept by a handler must not keep later ones alive
    head = next;
    return next;
  }

  private void run() {
    DeliveryHandle[] batch = new DeliveryHandle[MAX_BATCH];
    int idle = 0;
    while (!closed) {
      int n = 0;
      DeliveryHandle h;
      while (n < MAX_BATCH && (h = poll()) != null) batch[n++] = h;
      if (n == 0) {
        idle++;
        if (idle < SPINS) {
          Thread.onSpinWait();
          continue;
        }
        if (idle < SPINS + YIELDS) {
          Thread.yield();
          continue;
        }
        waiter = Thread.currentThread();
        if (head.nextInInbox == null && !closed) LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
        waiter = null;
        continue;
      }
      idle = 0;
      try {
        deliver(batch, n);
      } catch (RuntimeException e) {
        // A journal failure while settling auto-ack deliveries: the batch stays assigned (it
        // returns to the queue when the consumer closes); the thread goes on with the next one.
        deliveryFailures.incrementAndGet();
      }
      Arrays.fill(batch, 0, n, null);
    }
  }

  private void deliver(DeliveryHandle[] batch, int n) {
    dispatchLock.lock();
    try {
      long writeThrough = -1;
      int i = 0;
      while (i < n) {
        ConsumerState c = batch[i].consumer;
        int j = i + 1;
        if (c.autoAck) {
          while (j < n && batch[j].consumer == c) j++;
          long pos = c.queue.settleOnHandOut(c, batch, i, j);
          if (pos > writeThrough) writeThrough = pos;
        }
        i = j;
      }
      if (writeThrough >= 0) engine.journal().writeThrough(writeThrough);
      for (int k = 0; k < n; k++) {
        DeliveryHandle h = batch[k];
        if (h == null || h.consumer.cancelled) continue;
        if (!h.consumer.autoAck) {
          if (h.message.handle != h) continue;
          h.markHandedOut();
        }
        try {
          h.consumer.handler.handle(h);
        } catch (Throwable t) {
          handlerFailures.incrementAndGet();
        }
      }
    } finally {
      dispatchLock.unlock();
    }
  }

  // ---------------------------------------------------------------- closing

  /** Cancels one consumer: no more handler calls once this returns; unsettled messages go back. */
  void cancel(ConsumerState c, boolean mayAutoDelete) {
    if (c.cancelled && !consumers.contains(c)) return;
    c.cancelled = true;
    barrier();
    consumers.remove(c);
    boolean autoDelete = c.queue.removeConsumer(c);
    pumpStarved();
    if (autoDelete && mayAutoDelete) engine.autoDelete(c.queue);
  }

  /** Waits for a handler call in progress on the session thread, unless called from it. */
  private void barrier() {
    if (Thread.currentThread() == thread) return;
    dispatchLock.lock();
    dispatchLock.unlock();
  }

  private void checkOpen() {
    if (closed) throw new IllegalStateException("session " + id + " is closed");
    engine.checkOpen();
  }

  /** Closes every consumer, returns unsettled deliveries and gets, deletes exclusive queues. Idempotent. */
  @Override
  public void close() {
    List<ConsumerState> toCancel;
    List<ConsumerState> holders;
    synchronized (this) {
      if (closed) return;
      closed = true;
      toCancel = List.copyOf(consumers);
      holders = List.copyOf(getHolders.values());
      getHolders.clear();
    }
    for (ConsumerState c : toCancel) c.cancelled = true;
    barrier();
    if (!engine.isStopped()) {
      for (ConsumerState c : toCancel) {
        consumers.remove(c);
        if (c.queue.removeConsumer(c)) engine.autoDelete(c.queue);
      }
      for (ConsumerState h : holders) h.queue.removeConsumer(h);
      for (MessageQueue q : exclusiveQueues) engine.deleteQueueQuietly(q.name);
    }
    stopThread();
    engine.sessionClosed(this);
  }

  /** Stops the session thread without touching queues (engine close or crash). */
  void stopThread() {
    closed = true;
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t == null) return;
    LockSupport.unpark(t);
    if (Thread.currentThread() != t) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(1));
        if (t.isAlive()) {
          t.interrupt();
          t.join(TimeUnit.SECONDS.toMillis(9));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
