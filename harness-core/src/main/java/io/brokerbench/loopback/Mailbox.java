package io.brokerbench.loopback;

import java.util.concurrent.ConcurrentLinkedDeque;
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
  volatile Thread parkedDispatcher;

  Mailbox(int capacity) {
    queue = new BoundedMpscQueue<>(capacity);
  }

  /** Appends a message; false when full. */
  boolean offer(LoopbackDelivery d) {
    if (!queue.offer(d)) return false;
    Thread t = parkedDispatcher;
    if (t != null) LockSupport.unpark(t);
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
    Thread t = parkedDispatcher;
    if (t != null) LockSupport.unpark(t);
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
