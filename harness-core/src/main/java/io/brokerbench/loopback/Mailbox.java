package io.brokerbench.loopback;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The queues one consumer index of one subscription consumes, merged into one FIFO (messages of one
 * key always come from one queue, so per-key order is that of the FIFO). Messages wait here while no
 * consumer is attached; returned messages (requeue, closed consumer) go first, in their order.
 *
 * <p>Threading: {@link #offer} from any producer thread; {@link #next} from the attached consumer's
 * dispatcher thread only.
 */
final class Mailbox {
  private final BoundedMpscQueue<LoopbackDelivery> queue;
  private final ConcurrentLinkedDeque<LoopbackDelivery> returned = new ConcurrentLinkedDeque<>();
  /** The dispatcher while it parks; a producer takes it out before waking it, so one park costs at most one wake-up. */
  private final AtomicReference<Thread> sleeping = new AtomicReference<>();

  Mailbox(int capacity) {
    queue = new BoundedMpscQueue<>(capacity);
  }

  /** Appends a message; false when full. */
  boolean offer(LoopbackDelivery d) {
    if (!queue.offer(d)) return false;
    wake();
    return true;
  }

  /** Puts messages that were handed out back at the head, in the given order, flagged redelivered. */
  void returnToHead(Iterable<LoopbackDelivery> inOrder) {
    java.util.ArrayDeque<LoopbackDelivery> reversed = new java.util.ArrayDeque<>();
    for (LoopbackDelivery d : inOrder) reversed.push(d);
    for (LoopbackDelivery d : reversed) {
      d.redelivered = true;
      d.owner = null;
      d.settled = false;
      returned.addFirst(d);
    }
    wake();
  }

  private void wake() {
    Thread t = sleeping.get();
    if (t != null && sleeping.compareAndSet(t, null)) LockSupport.unpark(t);
  }

  /** Parks the dispatcher for at most {@code nanos} unless a message waits; dispatcher thread only. */
  void parkUnlessWaiting(long nanos) {
    Thread me = Thread.currentThread();
    sleeping.set(me);
    if (isEmpty()) LockSupport.parkNanos(nanos);
    sleeping.set(null);
  }

  /** The next message, or null when none waits. Dispatcher thread only. */
  LoopbackDelivery next() {
    LoopbackDelivery d = returned.pollFirst();
    return d != null ? d : queue.poll();
  }

  boolean isEmpty() {
    return returned.isEmpty() && queue.isEmpty();
  }
}
